// Assignment board of one round: automatic distribution, hand edits, re-balancing after a judge
// drops out, and for every judge × submission on the page the reason they are (not) assigned.
// The submission cards are a window (search, filter, pages in the URL); forms post to the same URL,
// so after an action the organizer is back on the window they were working in.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pager } from "~/components/results-table";
import type { AssignmentWarning } from "~/domain/assignment";
import { BOARD_WARNINGS_SHOWN, assignmentBoard, submissionTitles, type BoardFilter } from "~/models/assignment-board.server";
import { addAssignment, autoAssign, rebalanceWithout, removeAssignment } from "~/models/assignment.server";
import { requireOrganizerRound } from "~/models/event-guards.server";
import { assignmentActionSchema, BOARD_FILTER_PARAMS, boardQuerySchema } from "~/validation/judging";
import { safeParseKnownFields } from "~/services/forms.server";
import { msg, readMessage } from "~/validation/message";
import { Card } from "~/components/card";
import { useSearchLink } from "~/components/search-link";
import { SearchField } from "~/components/forms";

type FilterParam = (typeof BOARD_FILTER_PARAMS)[number];
const FILTER_OF: Record<FilterParam, BoardFilter> = { perhatian: "attention", kurang: "under", konflik: "conflict" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const query = boardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const board = await assignmentBoard(event, round, { q: query.cari, filter: query.saring ? FILTER_OF[query.saring] : null, page: query.halaman });
  return {
    round: { id: round.id, name: round.name, k: round.judgesPerSubmission },
    total: board.total,
    judges: board.judges,
    warnings: board.warnings,
    summary: board.result,
    counts: board.counts,
    filters: { q: query.cari ?? "", filter: query.saring ?? "" },
    window: board.window,
  };
}

type Shortfall = { submissionId: string; missing: number; reason: string; title: string };
type Reply = { ok: boolean; message: string; shortfalls?: Shortfall[]; moreShortfalls?: number; warnings?: AssignmentWarning[] };

/** A shortfall list as long as the round, cut like the warnings and named for the page. */
async function namedShortfalls(eventId: string, all: readonly { submissionId: string; missing: number; reason: string }[]) {
  const shown = all.slice(0, BOARD_WARNINGS_SHOWN);
  const titles = await submissionTitles(
    eventId,
    shown.map((s) => s.submissionId),
  );
  return { shortfalls: shown.map((s) => ({ ...s, title: titles[s.submissionId] ?? "" })), moreShortfalls: all.length - shown.length };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, round } = await requireOrganizerRound(request, params.slug, new Date());
  const parsed = safeParseKnownFields(await request.formData(), assignmentActionSchema);
  if (!parsed.success) return data<Reply>({ ok: false, message: "validation.invalid" }, { status: 400 });
  const v = parsed.data;
  if (v.intent === "auto") {
    const r = await autoAssign(event.id, round.id, user.id);
    return data<Reply>({ ok: true, message: msg("assignment.autoDone", { count: r.created }), ...(await namedShortfalls(event.id, r.shortfalls)) });
  }
  if (v.intent === "add") {
    const r = await addAssignment(event.id, round.id, v.judgeId, v.submissionId, user.id);
    if (!r.ok) return data<Reply>({ ok: false, message: msg(`assignment.errors.${r.code}`, r.code === "conflict" ? { reasons: r.reasons.join(",") } : undefined) }, { status: 400 });
    // What the edit did to this submission and to the balance; the rest of the round is on the page.
    const warnings = r.warnings.filter((w) => !("submissionId" in w) || w.submissionId === v.submissionId);
    return data<Reply>({ ok: true, message: "assignment.added", warnings });
  }
  if (v.intent === "remove") {
    const r = await removeAssignment(event.id, round.id, v.assignmentId, user.id);
    if (!r.ok) return data<Reply>({ ok: false, message: msg(`assignment.errors.${r.code}`) }, { status: r.code === "notFound" ? 404 : 400 });
    return data<Reply>({ ok: true, message: "assignment.removed" });
  }
  const r = await rebalanceWithout(event.id, round.id, v.judgeId, user.id);
  if (!r.ok) return data<Reply>({ ok: false, message: msg(`assignment.errors.${r.code}`) }, { status: 400 });
  return data<Reply>({ ok: true, message: msg("assignment.rebalanced", { removed: r.removed, created: r.created }), ...(await namedShortfalls(event.id, r.shortfalls)) });
}

const STATUS_BADGE: Record<string, string> = {
  not_started: "bg-slate-100 text-slate-800",
  in_progress: "bg-amber-100 text-amber-900",
  complete: "bg-blue-100 text-blue-900",
  finalized: "bg-green-100 text-green-900",
};

export default function AssignmentBoard() {
  const { t } = useTranslation();
  const { round, total, judges, warnings, summary, counts, filters, window } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { pathname } = useLocation();
  const busy = useNavigation().state !== "idle";
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  const judgeOrder = new Map(judges.map((j, i) => [j.id, i]));
  const reasons = (list: readonly string[]) => list.map((r) => t(`conflict.reason.${r}`)).join(", ");
  const conflictsIn = (codes: readonly string[]) => codes.filter((c) => c.startsWith("conflict:")).map((c) => c.slice("conflict:".length));
  const warningText = (w: AssignmentWarning): string => {
    const title = "submissionId" in w ? warnings.titles[w.submissionId] : "";
    switch (w.code) {
      case "conflict":
        return t("assignment.warn.conflict", { judge: judgeName.get(w.judgeId), title, reasons: reasons(w.reasons) });
      case "under_assigned":
        return t("assignment.warn.under", { title, count: w.count, k: w.k });
      case "over_assigned":
        return t("assignment.warn.over", { title, count: w.count, k: w.k });
      case "imbalance":
        return t("assignment.warn.imbalance", { min: w.minLoad, max: w.maxLoad, judges: w.maxJudgeIds.map((id) => judgeName.get(id)).join(", ") });
      default:
        return t("assignment.warn.other");
    }
  };
  const explain = (codes: readonly string[]) =>
    codes.length === 1 && codes[0] === "load_balance"
      ? t("assignment.whyGroup.load_balance", { k: round.k })
      : codes.map((c) => (c.startsWith("conflict:") ? t("assignment.why.conflict", { reason: t(`conflict.reason.${c.slice(9)}`) }) : t(`assignment.why.${c}`, { k: round.k }))).join(" ");
  const messageText = (m: string) => {
    const { key, params = {} } = readMessage(m);
    const p = { ...params };
    if (typeof p.reasons === "string") p.reasons = reasons(p.reasons.split(","));
    return t(key, p);
  };
  // Links keep the round, the search and the filter; a changed filter starts again at page 1.
  const link = useSearchLink(["index"]);
  const filtered = !!(filters.q || filters.filter);
  const first = window.offset + 1;
  const last = window.offset + window.cards.length;
  return (
    <div className="space-y-6">
      <Card id="ringkasan" title={t("assignment.title", { round: round.name })} className="space-y-3">
        <p className="text-slate-700">{t("assignment.summary", { k: round.k, submissions: total, judges: judges.length })}</p>
        {reply ? (
          <div
            role={reply.ok ? "status" : "alert"}
            className={`rounded-lg border px-4 py-3 text-sm font-medium ${reply.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-800"}`}
          >
            <p>{messageText(reply.message)}</p>
            {reply.shortfalls?.length ? (
              <ul className="mt-1 list-disc pl-5">
                {reply.shortfalls.map((s) => (
                  <li key={s.submissionId}>{t("assignment.shortfall", { title: s.title, missing: s.missing })}</li>
                ))}
                {reply.moreShortfalls ? <li>{t("assignment.shortfallMore", { count: reply.moreShortfalls })}</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="auto" />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("assignment.auto")}
          </button>
          <p className="field-hint">{t("assignment.autoHint", { k: round.k })}</p>
        </Form>
      </Card>

      {summary.shortfalls || warnings.list.length ? (
        <section aria-labelledby="peringatan" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="peringatan" className="font-bold text-amber-900">
            {t("assignment.warnings")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {warnings.list.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
          {warnings.more > 0 ? <p className="mt-2 text-sm font-semibold text-amber-900">{t("assignment.warnMore", { count: warnings.more })}</p> : null}
          {counts.attention > 0 && filters.filter !== "perhatian" ? (
            <Link to={`${link({ saring: "perhatian", halaman: null, cari: null })}#karya`} className="btn-link mt-1 inline-flex min-h-[44px] items-center text-sm">
              {t("assignment.warnShowAll", { count: counts.attention })}
            </Link>
          ) : null}
        </section>
      ) : total ? (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-sm font-medium text-green-900">
          {t("assignment.allGood", { min: summary.minLoad, max: summary.maxLoad })}
        </p>
      ) : null}

      <Card id="beban" title={t("assignment.loads")} className="space-y-3">
        <ul className="grid grid-cols-1 gap-x-6 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {judges.map((j) => (
            <li key={j.id} className="flex justify-between gap-2 border-b border-slate-200 py-2">
              <span className="font-semibold">{j.name}</span> <span className="tabular-nums">{t("assignment.load", { count: j.load })}</span>
            </li>
          ))}
        </ul>
        {judges.some((j) => j.load > 0) ? (
          <details>
            <summary className="btn-link inline-flex min-h-[44px] cursor-pointer items-center text-sm">{t("assignment.dropOut")}</summary>
            <Form method="post" className="mt-2 space-y-2 rounded-lg border border-slate-300 bg-white p-3">
              <input type="hidden" name="intent" value="rebalance" />
              <div>
                <label htmlFor="mundur" className="field-label">
                  {t("assignment.dropOutJudge")}
                </label>
                <select id="mundur" name="judgeId" className="field-input">
                  {judges
                    .filter((j) => j.load > 0)
                    .map((j) => (
                      <option key={j.id} value={j.id}>
                        {j.name}
                      </option>
                    ))}
                </select>
              </div>
              <p className="text-sm">{t("assignment.dropOutConfirm")}</p>
              <button type="submit" className="btn-danger" disabled={busy}>
                {t("assignment.dropOutYes")}
              </button>
            </Form>
          </details>
        ) : null}
      </Card>

      <Card id="karya" title={t("assignment.submissions")} plain className="space-y-3">
        {total === 0 ? (
          <p className="card text-slate-700">{t("assignment.noEntries")}</p>
        ) : (
          <Form method="get" action={pathname} className="card grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" role="search" aria-label={t("assignment.window.filters")}>
            <input type="hidden" name="babak" value={round.id} />
            <SearchField name="cari" label={t("assignment.window.search")} value={filters.q} />
            <div>
              <label htmlFor="saring" className="field-label">
                {t("assignment.window.show")}
              </label>
              <select id="saring" name="saring" defaultValue={filters.filter} className="field-input">
                <option value="">{t("assignment.window.all", { count: total })}</option>
                <option value="perhatian">{t("assignment.window.attention", { count: counts.attention })}</option>
                <option value="kurang">{t("assignment.window.under", { count: counts.under })}</option>
                <option value="konflik">{t("assignment.window.conflict", { count: counts.conflict })}</option>
              </select>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <button type="submit" className="btn-secondary">
                {t("common.filter")}
              </button>
              {filtered ? (
                <Link to={link({ cari: null, saring: null, halaman: null })} className="btn-link px-2">
                  {t("assignment.window.reset")}
                </Link>
              ) : null}
            </div>
          </Form>
        )}
        {total > 0 ? (
          <p className="text-sm text-slate-700" aria-live="polite">
            {window.matching === 0 ? t("assignment.window.none") : t("assignment.window.showing", { first, last, total: window.matching })}
          </p>
        ) : null}
        {window.cards.map((s) => {
          const covered = s.assigned.length;
          return (
            <article key={s.id} className="card space-y-3" aria-labelledby={`k-${s.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`k-${s.id}`} className="font-bold">
                  {s.title || t("scoring.untitled")} <span className="font-normal text-slate-700">— {s.teamName}</span>
                </h3>
                <span className={`badge ${covered < round.k ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800"}`}>{t("assignment.coverage", { count: covered, k: round.k })}</span>
              </div>
              {covered ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <ul className="space-y-1">
                    {s.assigned.map((a) => (
                      <li key={a.assignmentId} className="flex min-h-[44px] flex-wrap items-center justify-between gap-2 text-sm">
                        <span>
                          {a.name} {a.manual ? <span className="text-slate-600">({t("assignment.manual")})</span> : null}{" "}
                          <span className={`badge ${STATUS_BADGE[a.status]}`}>{t(`scoring.status.${a.status}`)}</span>{" "}
                          {a.conflict.length ? <span className="badge bg-red-100 text-red-900">{t("assignment.conflictOption", { reasons: reasons(a.conflict) })}</span> : null}
                        </span>
                        {a.status !== "finalized" ? (
                          <button
                            type="submit"
                            name="assignmentId"
                            value={a.assignmentId}
                            className="btn-link text-sm"
                            disabled={busy}
                            aria-label={t("assignment.removeLabel", { name: a.name, title: s.title })}
                          >
                            {t("assignment.remove")}
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </Form>
              ) : null}
              {s.others.length ? (
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="add" />
                  <input type="hidden" name="submissionId" value={s.id} />
                  <div className="min-w-[12rem] flex-1">
                    <label htmlFor={`add-${s.id}`} className="field-label">
                      {t("assignment.addJudge")}
                    </label>
                    <select id={`add-${s.id}`} name="judgeId" className="field-input">
                      {s.others
                        .flatMap((g) => g.judgeIds.map((id) => ({ id, conflict: conflictsIn(g.codes) })))
                        .sort((a, b) => (judgeOrder.get(a.id) ?? 0) - (judgeOrder.get(b.id) ?? 0))
                        .map((o) => (
                          <option key={o.id} value={o.id}>
                            {judgeName.get(o.id)}
                            {o.conflict.length ? ` — ${t("assignment.conflictOption", { reasons: reasons(o.conflict) })}` : ""}
                          </option>
                        ))}
                    </select>
                  </div>
                  <button type="submit" className="btn-secondary" disabled={busy}>
                    {t("assignment.add")}
                  </button>
                </Form>
              ) : null}
              {s.others.length ? (
                <details>
                  <summary className="btn-link cursor-pointer text-sm">{t("assignment.whyOthers")}</summary>
                  <ul className="mt-2 space-y-2 text-sm">
                    {s.others.map((g) => (
                      <li key={g.codes.join(" ")}>
                        <p>{explain(g.codes)}</p>
                        <p className="text-slate-700">{g.judgeIds.map((id) => judgeName.get(id)).join(", ")}</p>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </article>
          );
        })}
        <Pager page={window.page} pages={window.pages} pageLink={(n) => link({ halaman: String(n) })} label={t("assignment.window.pages")} />
      </Card>
    </div>
  );
}
