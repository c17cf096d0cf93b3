// The organizer's window on a ranking: search and filters, one page of rows with every method's
// place side by side, the shown rows' criterion means and tie notes, and page links.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RankingMethod } from "~/domain/ranking";
import { RANKING_METHODS } from "~/domain/ranking";
import { ChangeBadge, PlaceCell, useFormatNumber } from "./results";
import { FilterSelect, SearchField } from "./forms";

export type WindowRow = {
  submissionId: string;
  teamName: string;
  title: string;
  track: string | null;
  region: string | null;
  place: number | null;
  subsetPlace: number | null;
  joint: boolean;
  judgeCount: number;
  criterionMeans: Record<string, number>;
  places: Record<RankingMethod, number | null> | null;
  jointBy: Record<RankingMethod, boolean> | null;
  scores: Record<RankingMethod, number | null> | null;
  change: Record<RankingMethod, number | null> | null;
};

type Props = {
  method: RankingMethod;
  criteria: { id: string; name: string; scaleMax: number }[];
  filters: { q: string; trackId: string; regionId: string; tracks: { id: string; name: string }[]; regions: { id: string; name: string }[] };
  window: { rows: WindowRow[]; matching: number; page: number; pages: number; offset: number };
  /** Builds the link to another page, keeping the other parameters. */
  pageLink: (page: number) => string;
  hidden: Record<string, string>;
};

export function ResultsFilter({ filters, hidden }: Pick<Props, "filters" | "hidden">) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" role="search" aria-label={t("results.window.filters")}>
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <SearchField name="cari" label={t("results.window.search")} value={filters.q} />
      <FilterSelect name="bidang" label={t("leaderboard.track")} value={filters.trackId} options={filters.tracks.map((x) => ({ value: x.id, label: x.name }))} all={t("leaderboard.allTracks")} />
      <FilterSelect name="wilayah" label={t("leaderboard.region")} value={filters.regionId} options={filters.regions.map((x) => ({ value: x.id, label: x.name }))} all={t("leaderboard.allRegions")} />
      <button type="submit" className="btn-secondary">
        {t("leaderboard.apply")}
      </button>
    </Form>
  );
}

/** Previous/next links around "page n of m"; `label` names the list for screen readers. */
export function Pager({ page, pages, pageLink, label }: { page: number; pages: number; pageLink: (page: number) => string; label?: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label ?? t("results.window.pages")} className="flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <Link to={pageLink(page - 1)} className="btn-secondary !min-h-[40px]" rel="prev">
          {t("results.window.previous")}
        </Link>
      ) : null}
      <span className="px-2 font-semibold">{t("results.window.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link to={pageLink(page + 1)} className="btn-secondary !min-h-[40px]" rel="next">
          {t("results.window.next")}
        </Link>
      ) : null}
    </nav>
  );
}

export function ResultsWindow({ method, criteria, filters, window, pageLink }: Omit<Props, "hidden">) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const subset = !!(filters.trackId || filters.regionId);
  const first = window.offset + 1;
  const last = window.offset + window.rows.length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" aria-live="polite">
        {window.matching === 0 ? t("results.window.none") : t("results.window.showing", { first, last, total: window.matching })}
      </p>
      {window.rows.length > 0 ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("results.compare.title")}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("results.compare.title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                {subset ? (
                  <th scope="col" className="py-2 pr-2">
                    {t("results.window.subsetPlace")}
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-2">
                  {t("results.col.team")}
                </th>
                {RANKING_METHODS.map((m) => (
                  <th key={m} scope="col" className={`px-2 py-2 ${m === method ? "bg-brand-50" : ""}`}>
                    {t(`results.method.${m}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {window.rows.map((r) => {
                const moved = RANKING_METHODS.some((m) => (r.change?.[m] ?? 0) !== 0);
                const means = criteria.filter((c) => r.criterionMeans[c.id] !== undefined);
                return (
                  <tr key={r.submissionId} className={`border-b border-slate-200 align-top ${moved ? "bg-amber-50" : ""}`}>
                    {subset ? (
                      <td className="py-2 pr-2">
                        <PlaceCell place={r.subsetPlace} joint={r.joint} />
                      </td>
                    ) : null}
                    <th scope="row" className="py-2 pr-2 font-normal">
                      <span className="font-semibold">{r.teamName}</span>
                      <span className="block text-xs text-slate-700">{r.title}</span>
                      {means.length ? (
                        <span className="block text-xs text-slate-700">
                          {[
                            ...means.map((c) => t("results.window.mean", { name: c.name, value: fmt(r.criterionMeans[c.id], 1), max: c.scaleMax })),
                            t("results.window.judges", { count: r.judgeCount }),
                          ].join(" · ")}
                        </span>
                      ) : null}
                    </th>
                    {RANKING_METHODS.map((m) => (
                      <td key={m} className={`px-2 py-2 ${m === method ? "bg-brand-50" : ""}`}>
                        <PlaceCell place={r.places?.[m] ?? null} joint={r.jointBy?.[m] ?? false} />
                        {m !== method ? <ChangeBadge change={r.change?.[m] ?? null} /> : null}
                        <span className="block text-xs tabular-nums text-slate-700">{fmt(r.scores?.[m])}</span>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager page={window.page} pages={window.pages} pageLink={pageLink} />
    </div>
  );
}
