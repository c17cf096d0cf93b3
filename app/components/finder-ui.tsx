// Pieces of the team finder pages: what a team still needs, and the small form that sends a
// request or an invitation with an optional message.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TeamNeeds } from "~/domain/team-finder";
import { FormAlert } from "./forms";

/** "1 anggota KIM lagi dibutuhkan": the pools the team cannot complete without, then the rest. */
export function NeedsList({ needs, pools }: { needs: TeamNeeds; pools: readonly { key: string; label: string }[] }) {
  const { t, i18n } = useTranslation();
  // Pool labels are organizer data ("Anggota KIM"); mid-sentence in Indonesian they read lower-case.
  const inSentence = (label: string) => (i18n.language === "en" ? label : label.charAt(0).toLowerCase() + label.slice(1));
  const label = (key: string) => pools.find((p) => p.key === key)?.label ?? key;
  const byPool = needs.missing.byPool.reduce((a, b) => a + b.count, 0);
  if (needs.missing.total === 0) return <p className="text-sm text-slate-700">{t("finder.teams.complete")}</p>;
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm font-semibold text-slate-800">
      {needs.missing.byPool.map((p) => (
        <li key={p.pool}>{t("team.page.missingPool", { count: p.count, pool: inSentence(label(p.pool)) })}</li>
      ))}
      {needs.missing.total > byPool ? <li>{t(byPool ? "team.page.missingMore" : "team.page.missingAny", { count: needs.missing.total - byPool })}</li> : null}
    </ul>
  );
}

export function RequestForm(props: {
  intent: string;
  target: { name: string; value: string };
  label: string;
  submit: string;
  errors: string[] | null;
  busy: boolean;
  maxLength: number;
  children?: ReactNode;
}) {
  const id = `${props.intent}-${props.target.value}`;
  return (
    <Form method="post" className="space-y-2 border-t border-slate-200 pt-3">
      <FormAlert errors={props.errors} />
      <input type="hidden" name={props.target.name} value={props.target.value} />
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <textarea id={id} name="message" rows={2} maxLength={props.maxLength} className="field-input" />
      {props.children}
      <button type="submit" name="intent" value={props.intent} className="btn-primary w-full sm:w-auto" disabled={props.busy}>
        {props.submit}
      </button>
    </Form>
  );
}

/** One request or invitation this side sent: to whom, whether it is still open, and a cancel button while it is. */
export function SentRequestItem(props: { id: string; title: ReactNode; status: "PENDING" | "DECLINED"; canCancel: boolean; busy: boolean; errors?: string[] | null }) {
  const { t } = useTranslation();
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <div>
        <p className="font-semibold [overflow-wrap:anywhere]">{props.title}</p>
        <p className="text-sm text-slate-600">{t(props.status === "PENDING" ? "finder.requests.pending" : "finder.requests.declined")}</p>
        <FormAlert errors={props.errors} />
      </div>
      {props.canCancel && props.status === "PENDING" ? (
        <Form method="post">
          <input type="hidden" name="requestId" value={props.id} />
          <button type="submit" name="intent" value="cancel" className="btn-secondary !min-h-[40px] text-sm" disabled={props.busy}>
            {t("finder.requests.cancel")}
          </button>
        </Form>
      ) : null}
    </li>
  );
}
