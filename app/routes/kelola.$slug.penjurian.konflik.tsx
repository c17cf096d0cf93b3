// Every conflict of interest of the event (declared by judges or detected by the event's rules),
// the judges' affiliations, and a refresh of the stored detection.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { eventZone, formatInZone } from "~/domain/time";
import { conflictOverview, refreshDetectedConflicts } from "~/models/conflict.server";
import { conflictFlags } from "~/models/judge-profile.server";
import { listRegionOptions } from "~/models/structure.server";
import { audit } from "~/services/audit.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";
import { msg } from "~/validation/message";
import { Card } from "~/components/card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const [overview, regions, flags, lang] = await Promise.all([conflictOverview(event.id), listRegionOptions(event.id), conflictFlags(event.id), getLanguage(request)]);
  const regionName = Object.fromEntries(regions.map((r) => [r.id, r.name]));
  const tz = eventZone(event.timezone);
  return {
    rules: { region: event.conflictSameRegion, kim: event.conflictSameKim, institution: event.conflictSameInstitution },
    rows: overview.rows,
    flags: flags.map((f) => ({ ...f, at: formatInZone(f.at, tz, lang) })),
    judges: overview.judgeProfiles.map((j) => ({ ...j, region: j.regionId ? (regionName[j.regionId] ?? null) : null })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await requireOrganizer(request, params.slug);
  const result = await refreshDetectedConflicts(event.id);
  await audit({ eventId: event.id, actorId: user.id, action: "conflict.refresh", entity: "judge", entityId: event.id, after: result });
  return { ok: true, ...result };
}

export default function OrganizerConflicts() {
  const { t } = useTranslation();
  const { rules, rows, flags, judges } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const onOff = (on: boolean) => (on ? t("conflict.on") : t("conflict.off"));
  return (
    <div className="space-y-6">
      <Card id="aturan" title={t("conflict.rulesTitle")} className="space-y-2">
        <ul className="text-sm">
          <li>{t("conflict.ruleMember")}</li>
          <li>{t("conflict.ruleRegion", { state: onOff(rules.region) })}</li>
          <li>{t("conflict.ruleKim", { state: onOff(rules.kim) })}</li>
          <li>{t("conflict.ruleInstitution", { state: onOff(rules.institution) })}</li>
        </ul>
        <p className="field-hint">{t("conflict.rulesHint")}</p>
        {reply ? <FormAlert tone="success" errors={[msg("conflict.refreshed", { added: reply.added, removed: reply.removed })]} /> : null}
        <Form method="post">
          <button type="submit" className="btn-secondary" disabled={busy}>
            {t("conflict.refresh")}
          </button>
        </Form>
      </Card>
      <Card id="daftar-konflik" title={t("conflict.listTitle", { count: rows.length })} className="space-y-2">
        {rows.length === 0 ? <p className="text-slate-700">{t("conflict.none")}</p> : null}
        <ul className="divide-y divide-slate-200 text-sm">
          {rows.map((r) => (
            <li key={`${r.judgeId}-${r.teamId}`} className="py-2">
              <span className="font-semibold">{r.judgeName}</span> × {r.teamName}: {r.reasons.map((x) => t(`conflict.reason.${x}`)).join(", ")}
              {r.assignment !== "none" ? (
                <span className={`badge ml-2 ${r.assignment === "scored" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>{t(`conflict.pair.${r.assignment}`)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card id="catatan-konflik" title={t("conflict.flagsTitle")} className="space-y-2">
        <p className="field-hint">{t("conflict.flagsHint")}</p>
        {flags.length === 0 ? <p className="text-slate-700">{t("conflict.noFlags")}</p> : null}
        <ul className="divide-y divide-slate-200 text-sm">
          {flags.map((f) => (
            <li key={f.id} className="py-2">
              <span className="text-slate-700">{f.at}</span> ·{" "}
              {f.kind === "withdrawn"
                ? t(f.assigned ? "conflict.flag.withdrawnAssigned" : "conflict.flag.withdrawn", { judge: f.judgeName, team: f.teamName })
                : t("conflict.flag.scored", { judge: f.judgeName, team: f.teamName, reasons: f.reasons.map((x) => t(`conflict.reason.${x}`)).join(", ") })}
            </li>
          ))}
        </ul>
      </Card>
      <Card id="afiliasi-juri" title={t("conflict.judgesTitle")} className="space-y-2">
        <ul className="divide-y divide-slate-200 text-sm">
          {judges.map((j) => (
            <li key={j.userId} className="py-2">
              <span className="font-semibold">{j.name}</span>: {[j.region, j.kimName, j.institution].filter(Boolean).join(" · ") || t("conflict.noAffiliation")}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
