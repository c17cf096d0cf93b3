// Seleksi administrasi: the organizer's team list with filters, search and bulk decisions.
// Renders inside the organizer layout (/kelola/:slug) but stands on its own. The list is a window
// (25 teams a page, filters and page in the URL) with counts per status over the whole event.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert, SearchField, FilterSelect } from "~/components/forms";
import { Pager } from "~/components/results-table";
import { StatusBadge } from "~/components/status-badge";
import { listTeamsForScreening, reviewTeams, screeningLists, screeningWindow, type ScreeningFilters } from "~/models/screening.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { bulkReviewSchema } from "~/validation/team";
import { parseKnownFields } from "~/services/forms.server";
import { pageTitle, parentData } from "~/components/page-title";
import { msg } from "~/validation/message";
import { useSearchLink } from "~/components/search-link";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageScreening", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

const STATUSES = ["PENDING", "ACCEPTED", "REJECTED"] as const;

function filtersFrom(url: URL): ScreeningFilters {
  const get = (k: string) => url.searchParams.get(k)?.trim() || undefined;
  const status = get("status");
  const completeness = get("lengkap");
  return {
    status: STATUSES.find((s) => s === status),
    regionId: get("wilayah"),
    trackId: get("bidang"),
    completeness: completeness === "complete" || completeness === "incomplete" ? completeness : undefined,
    q: get("cari")?.slice(0, 100),
  };
}

function pageFrom(url: URL): number | null {
  const page = Number.parseInt(url.searchParams.get("halaman") ?? "", 10);
  return Number.isFinite(page) ? Math.min(100_000, page) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const { pools, regions, tracks } = await screeningLists(event.id);
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const { window, counts } = await screeningWindow({ ...event, pools }, filters, pageFrom(url));
  return {
    event: { slug: event.slug, name: event.name },
    status: filters.status ?? "",
    counts,
    regions,
    tracks,
    paging: { matching: window.matching, page: window.page, pages: window.pages, offset: window.offset },
    teams: window.rows.map((t) => ({
      id: t.id,
      name: t.name,
      kimName: t.kimName,
      institution: t.institution,
      region: t.region?.name ?? null,
      track: t.track?.name ?? null,
      status: t.status,
      statusReason: t.statusReason,
      size: t.members.length,
      complete: t.complete,
      missing: t.missing,
      extended: t.extensions.length > 0,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, bulkReviewSchema);
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {})
      .flat()
      .filter((e): e is string => typeof e === "string");
    return data({ ok: false as const, errors: errors.length ? errors : ["validation.invalid"], changed: 0 }, { status: 400 });
  }
  const { decision, reason, teamIds } = submission.value;
  if (decision === "ACCEPTED" && formData.get("acceptIncomplete") !== "on") {
    const { pools } = await screeningLists(event.id);
    const chosen = new Set(teamIds);
    const short = (await listTeamsForScreening({ ...event, pools }, {})).teams.filter((t) => chosen.has(t.id) && !t.complete).length;
    if (short) return data({ ok: false as const, errors: [msg("screening.errors.incompleteSelected", { count: short })], changed: 0 }, { status: 400 });
  }
  const { changed } = await reviewTeams({ event, actorId: user.id, teamIds, decision, reason: reason ?? null, now: new Date() });
  const back = new URL(request.url);
  back.searchParams.set("diubah", String(changed.length));
  throw redirect(`${back.pathname}${back.search}`);
}

/** Ticks every team of the page at once; only offered once scripts run, since it needs them. */
function SelectPage() {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <label className="flex min-h-[44px] items-center gap-2 text-sm font-semibold">
      <input
        type="checkbox"
        className="h-5 w-5"
        onChange={(e) => {
          for (const box of e.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[name="teamIds"]') ?? []) box.checked = e.currentTarget.checked;
        }}
      />
      {t("screening.selectPage")}
    </label>
  );
}

export default function Screening() {
  const { t } = useTranslation();
  const { event, status, counts, regions, tracks, paging, teams } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const changed = params.get("diubah");
  const selectClass = "field-input";
  // Links keep the other filters; a changed filter starts again at page 1.
  const link = useSearchLink(["diubah"]);
  const chips = [{ value: "", label: t("screening.allTeams"), count: counts.total }, ...STATUSES.map((s) => ({ value: s, label: t(`team.status.${s}`), count: counts[s] }))];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-2xl font-bold">{t("screening.title")}</h2>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to={`/kelola/${event.slug}/tim/impor`} className="btn-secondary">
            {t("import.teams.link")}
          </Link>
          <a href={`/kelola/${event.slug}/tim/ekspor`} className="btn-secondary" download>
            {t("screening.export")}
          </a>
        </div>
      </div>

      <nav aria-label={t("screening.byStatus")} className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <Link
            key={c.value}
            to={link({ status: c.value || null, halaman: null })}
            className={`${c.value === status ? "btn-primary" : "btn-secondary"} !min-h-[40px]`}
            aria-current={c.value === status ? "page" : undefined}
          >
            <span>{c.label}</span> <span className="tabular-nums">({c.count})</span>
          </Link>
        ))}
      </nav>

      <Form method="get" className="card grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" role="search" aria-label={t("screening.filters")}>
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <SearchField id="q" name="cari" label={t("screening.search")} value={params.get("cari")} placeholder={t("screening.searchHint")} className="sm:col-span-2 lg:col-span-3" />
        <FilterSelect id="f-region" name="wilayah" label={t("team.fields.region")} value={params.get("wilayah")} options={regions.map((x) => ({ value: x.id, label: x.name }))} />
        {tracks.length ? <FilterSelect id="f-track" name="bidang" label={t("team.fields.track")} value={params.get("bidang")} options={tracks.map((x) => ({ value: x.id, label: x.name }))} /> : null}
        <div>
          <label htmlFor="f-complete" className="field-label">
            {t("screening.completeness")}
          </label>
          <select id="f-complete" name="lengkap" defaultValue={params.get("lengkap") ?? ""} className={selectClass}>
            <option value="">{t("common.all")}</option>
            <option value="complete">{t("screening.complete")}</option>
            <option value="incomplete">{t("screening.incomplete")}</option>
          </select>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="btn-primary">
            {t("common.filter")}
          </button>
          <Link to={`/kelola/${event.slug}/tim`} className="btn-link px-2">
            {t("screening.reset")}
          </Link>
        </div>
      </Form>

      {changed !== null ? <FormAlert tone="success" errors={[msg("screening.changed", { count: Number(changed) })]} /> : null}

      <Form method="post" className="space-y-4">
        <FormAlert errors={result && !result.ok ? result.errors : null} />
        <p className="text-sm text-slate-700" aria-live="polite">
          {paging.pages > 1 ? t("screening.showingRange", { first: paging.offset + 1, last: paging.offset + teams.length, total: paging.matching }) : t("screening.shown", { count: teams.length })}
        </p>
        {teams.length > 1 ? <SelectPage /> : null}
        {teams.length === 0 ? (
          <p className="card text-slate-700">{t("screening.empty")}</p>
        ) : (
          <ul className="space-y-2">
            {teams.map((team) => (
              <li key={team.id} className="card flex gap-3 !p-3 sm:!p-4">
                <input type="checkbox" name="teamIds" value={team.id} id={`pilih-${team.id}`} className="mt-1 h-5 w-5 shrink-0" aria-label={t("screening.select", { name: team.name })} />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link to={`/kelola/${event.slug}/tim/${team.id}`} className="btn-link text-base">
                      {team.name}
                    </Link>
                    <StatusBadge status={team.status} />
                    <span className={`badge ${team.complete ? "bg-slate-100 text-slate-800" : "bg-orange-100 text-orange-900"}`}>
                      {team.complete ? t("screening.complete") : t("screening.missing", { count: team.missing })}
                    </span>
                    {team.extended ? <span className="badge bg-brand-100 text-brand-900">{t("screening.extended")}</span> : null}
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    {[team.kimName, team.region, team.institution, team.track].filter(Boolean).join(" · ")} · {t("screening.members", { count: team.size })}
                  </p>
                  {team.status === "REJECTED" && team.statusReason ? <p className="mt-1 text-sm text-red-800">{t("team.page.rejectedReason", { reason: team.statusReason })}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pager page={paging.page} pages={paging.pages} pageLink={(n) => link({ halaman: String(n) })} label={t("screening.pages")} />
        <fieldset className="card space-y-3">
          <legend className="px-1 text-base font-bold">{t("screening.bulkTitle")}</legend>
          <p className="text-sm text-slate-700">{t("screening.bulkHint")}</p>
          <div>
            <label htmlFor="bulk-reason" className="field-label">
              {t("screening.reason")}
            </label>
            <textarea id="bulk-reason" name="reason" rows={2} className="field-input" aria-describedby="bulk-reason-hint" />
            <p id="bulk-reason-hint" className="field-hint">
              {t("screening.reasonHint")}
            </p>
          </div>
          <label className="flex min-h-[44px] items-center gap-2 text-sm">
            <input type="checkbox" name="acceptIncomplete" className="h-5 w-5" />
            {t("screening.acceptIncompleteBulk")}
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="decision" value="ACCEPTED" className="btn-primary" disabled={busy}>
              {t("screening.acceptSelected")}
            </button>
            <button type="submit" name="decision" value="REJECTED" className="btn-danger" disabled={busy}>
              {t("screening.rejectSelected")}
            </button>
          </div>
        </fieldset>
      </Form>
    </div>
  );
}
