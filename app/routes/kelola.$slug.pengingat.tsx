// The event's reminder mails: what goes out before each deadline, to how many, when (in the
// event's zone) and what was sent, with a switch per kind.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { FormAlert } from "~/components/forms";
import { pageTitle, parentData } from "~/components/page-title";
import type { ReminderKind } from "~/domain/reminders";
import { eventZone, formatInZone, zoneAbbreviation } from "~/domain/time";
import { requireOrganizer } from "~/models/event-guards.server";
import { reminderOverview, setReminderSwitch, type ReminderStatus } from "~/models/reminders.server";
import { safeParseKnownFields } from "~/services/forms.server";
import { getLanguage } from "~/services/i18n.server";
import { fieldError, saved } from "~/services/organizer-actions.server";
import { reminderSwitchSchema } from "~/validation/reminders";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageReminders", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

type StatusView = { type: ReminderStatus["type"] | "nobody"; at: string | null; count: number };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const now = new Date();
  const [overview, lang] = await Promise.all([reminderOverview(event.id, now), getLanguage(request)]);
  const tz = eventZone(event.timezone);
  const fmt = (d: Date) => formatInZone(d, tz, lang);
  return {
    zone: zoneAbbreviation(tz),
    kinds: overview.kinds.map((k) => ({
      kind: k.kind,
      on: k.on,
      rows: k.rows.map(({ unit, status, audience, teamName }) => ({
        key: unit.key,
        hours: Math.round(unit.offsetMs / 3_600_000),
        deadline: fmt(unit.deadline),
        scope:
          unit.scope.type === "round"
            ? { type: "round" as const, name: unit.scope.roundName }
            : unit.scope.type === "team"
              ? { type: "team" as const, name: teamName ?? "" }
              : { type: "teams" as const, name: "" },
        audience,
        status: {
          type: status.type === "sent" && status.count === 0 ? "nobody" : status.type,
          at: status.type === "sent" ? fmt(status.at) : status.type === "planned" ? fmt(unit.dueAt) : null,
          count: status.type === "sent" ? status.count : 0,
        } satisfies StatusView,
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const parsed = safeParseKnownFields(await request.formData(), reminderSwitchSchema);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fieldError("switch", "", issue?.message ?? "validation.invalid");
  }
  await setReminderSwitch(event.id, parsed.data.kind, parsed.data.on === "1", user.id);
  return saved(`/kelola/${event.slug}/pengingat`, parsed.data.on === "1" ? "on" : "off");
}

const STATUS_STYLE: Record<StatusView["type"], string> = {
  planned: "bg-brand-50 text-brand-800",
  due: "bg-amber-100 text-amber-900",
  sending: "bg-amber-100 text-amber-900",
  sent: "bg-green-100 text-green-900",
  nobody: "bg-green-100 text-green-900",
  off: "bg-slate-200 text-slate-800",
  skipped: "bg-slate-200 text-slate-800",
};

export default function RemindersPage() {
  const { t } = useTranslation();
  const { zone, kinds } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("tersimpan");
  const errors = reply && "result" in reply ? Object.values(reply.result.error).flat() : [];
  return (
    <div className="space-y-6">
      <PageIntro title={t("reminders.title")} intro={t("reminders.intro", { zone })} />
      {notice === "on" || notice === "off" ? <FormAlert tone="success" errors={[`reminders.saved.${notice}`]} /> : null}
      <FormAlert errors={errors} />
      {kinds.map((k) => (
        <KindSection key={k.kind} {...k} />
      ))}
    </div>
  );
}

type Kind = ReturnType<typeof useLoaderData<typeof loader>>["kinds"][number];

function KindSection({ kind, on, rows }: Kind) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const title = t(`reminders.kinds.${kind as ReminderKind}.title`);
  return (
    <section aria-labelledby={`pengingat-${kind}`} className="card space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`pengingat-${kind}`} className="flex flex-wrap items-center gap-2 text-lg font-bold">
            {title}
            <span className={`badge ${on ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>{on ? t("reminders.on") : t("reminders.off")}</span>
          </h3>
          <p className="mt-1 text-sm text-slate-700">{t(`reminders.kinds.${kind as ReminderKind}.who`)}</p>
        </div>
        <Form method="post" className="w-full sm:w-auto">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="on" value={on ? "0" : "1"} />
          <button type="submit" className={`${on ? "btn-secondary" : "btn-primary"} w-full sm:w-auto`} disabled={busy} aria-label={`${on ? t("reminders.turnOff") : t("reminders.turnOn")}: ${title}`}>
            {on ? t("reminders.turnOff") : t("reminders.turnOn")}
          </button>
        </Form>
      </div>
      {rows.length === 0 ? <p className="text-sm text-slate-700">{t("reminders.none")}</p> : null}
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.key} className="rounded-lg border border-slate-200 p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-semibold">
                {t("reminders.offset", { hours: r.hours })}
                <span className="font-normal text-slate-700"> · {t(`reminders.scope.${r.scope.type}`, { team: r.scope.name, round: r.scope.name })}</span>
              </p>
              <span className={`badge ${STATUS_STYLE[r.status.type]}`}>{t(`reminders.status.${r.status.type}`, { at: r.status.at ?? "", count: r.status.count })}</span>
            </div>
            <p className="mt-1 text-sm text-slate-700">{t("reminders.deadline", { at: r.deadline })}</p>
            {r.status.type === "sent" || r.status.type === "nobody" || r.status.type === "skipped" ? null : <p className="text-sm text-slate-700">{t("reminders.audience", { count: r.audience })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
