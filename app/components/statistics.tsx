// The statistics sections shared by the organizer's page and the public page: key figures, the
// registrations chart, the funnel, the tile map with its table, member groups and judging progress.
// Charts are SVG drawn from app/domain geometry, each with a text alternative (an aria-label
// summary, a <title> per mark, and the same numbers as a table).
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { dayChart, funnelChart } from "~/domain/chart-geometry";
import { formatDecimal, formatNumber } from "~/domain/number";
import type { DayCount, FunnelStep, PoolRow, Progress, JudgeRow, RegionRow, RoundRow } from "~/domain/statistics";
import { legendSteps, tileBoxes, tileGrid } from "~/domain/tile-map";
import { ColumnHeads } from "~/components/table";

export type DayLabels = Record<string, { short: string; long: string }>;

function useNumbers() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    int: (n: number) => formatNumber(n, lang, 0),
    percent: (share: number | null) => (share === null ? "—" : `${formatDecimal(share * 100, lang, 1)}%`),
  };
}

export function Section({ id, title, children, level = 3 }: { id: string; title: string; children: React.ReactNode; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="card space-y-4">
      <Heading id={id} className="text-lg font-bold">
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function KeyFigures({ totals }: { totals: { teams: number; accepted: number; people: number; regionsReached: number; regions: number } }) {
  const { t } = useTranslation();
  const { int } = useNumbers();
  const figures = [
    { label: t("statistics.totals.teams"), value: int(totals.teams) },
    { label: t("statistics.totals.accepted"), value: int(totals.accepted) },
    { label: t("statistics.totals.people"), value: int(totals.people) },
    { label: t("statistics.totals.regions"), value: t("statistics.totals.regionsValue", { reached: int(totals.regionsReached), total: int(totals.regions) }) },
  ];
  return (
    <dl aria-label={t("statistics.totals.label")} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {figures.map((f) => (
        <div key={f.label} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-sm text-slate-700">{f.label}</dt>
          <dd className="mt-1 text-2xl font-bold text-slate-900">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RegistrationsChart({ days, labels }: { days: DayCount[]; labels: DayLabels }) {
  const { t } = useTranslation();
  const { int } = useNumbers();
  if (days.length === 0) return <p className="text-slate-700">{t("statistics.perDay.empty")}</p>;
  const c = dayChart(days);
  const last = days[days.length - 1]!;
  const label = (day: string) => labels[day] ?? { short: day, long: day };
  const summary = t("statistics.perDay.summary", { total: int(last.cumulative), from: label(days[0]!.day).long, to: label(last.day).long, max: int(c.maxCount) });
  const bottom = c.plot.y + c.plot.height;
  return (
    <div className="space-y-2">
      <svg viewBox={`0 0 ${c.width} ${c.height}`} role="img" aria-label={summary} className="h-auto w-full max-w-2xl" data-chart="registrations">
        <line x1={c.plot.x} y1={bottom} x2={c.plot.x + c.plot.width} y2={bottom} className="stroke-slate-400" strokeWidth={1} />
        {c.bars.map((b) => (
          <rect key={b.day} x={b.x} y={b.y} width={b.width} height={b.height} className="fill-brand-500">
            <title>{`${label(b.day).long}: ${int(b.count)}`}</title>
          </rect>
        ))}
        <polyline points={c.line} fill="none" className="stroke-accent-700" strokeWidth={2} strokeLinejoin="round" />
        {days.length === 1 ? <circle cx={Number(c.line.split(",")[0])} cy={Number(c.line.split(",")[1])} r={3} className="fill-accent-700" /> : null}
        <text x={c.plot.x - 4} y={c.plot.y + 8} textAnchor="end" fontSize={11} className="fill-brand-700">
          {int(c.maxCount)}
        </text>
        <text x={c.plot.x - 4} y={bottom} textAnchor="end" fontSize={11} className="fill-slate-700">
          0
        </text>
        <text x={c.plot.x + c.plot.width + 4} y={c.plot.y + 8} fontSize={11} className="fill-accent-700">
          {int(c.maxCumulative)}
        </text>
        {c.ticks.map((tick) => (
          <text key={tick.day} x={tick.x} y={c.height - 8} textAnchor={tick.anchor} fontSize={11} className="fill-slate-700">
            {label(tick.day).short}
          </text>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm bg-brand-500" />
          {t("statistics.perDay.bars")}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-accent-700" />
          {t("statistics.perDay.line")}
        </li>
      </ul>
      <details>
        <summary className="menu-summary text-brand-700">{t("statistics.perDay.table")}</summary>
        <div className="max-h-80 overflow-y-auto">
          <table className="w-full text-sm">
            <ColumnHeads dense columns={[{ label: t("statistics.perDay.day") }, { label: t("statistics.perDay.count"), numeric: true }, { label: t("statistics.perDay.cumulative"), numeric: true }]} />
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className="border-t border-slate-100">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {label(d.day).long}
                  </th>
                  <td className="py-1 pr-2 text-right tabular-nums">{int(d.count)}</td>
                  <td className="py-1 text-right tabular-nums">{int(d.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

export function FunnelChart({ funnel }: { funnel: FunnelStep[] }) {
  const { t } = useTranslation();
  const { int, percent } = useNumbers();
  const stage = (s: FunnelStep) => t(`statistics.funnel.stage.${s.stage}`);
  const steps = funnel.map((s) =>
    s.count === null ? t("statistics.funnel.stepUnknown", { stage: stage(s) }) : t("statistics.funnel.step", { stage: stage(s), teams: int(s.count), share: percent(s.share) }),
  );
  const g = funnelChart(funnel.map((s) => s.count));
  return (
    <div className="space-y-3">
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={t("statistics.funnel.summary", { steps: steps.join("; ") })} className="h-auto w-full max-w-xl" data-chart="funnel">
        {funnel.map((s, i) => {
          const row = g.rows[i]!;
          return (
            <g key={s.stage}>
              <title>{steps[i]}</title>
              <text x={0} y={row.labelY} fontSize={13} fontWeight={600} className="fill-slate-900">
                {stage(s)}
              </text>
              <text x={g.width} y={row.labelY} fontSize={13} textAnchor="end" className="fill-slate-700">
                {s.count === null ? t("statistics.funnel.notYet") : `${int(s.count)} · ${percent(s.share)}`}
              </text>
              <rect x={0} y={row.bar.y} width={g.width} height={row.bar.height} rx={4} className="fill-slate-100" />
              {row.bar.width > 0 ? <rect x={row.bar.x} y={row.bar.y} width={row.bar.width} height={row.bar.height} rx={4} className="fill-brand-600" /> : null}
            </g>
          );
        })}
      </svg>
      <p className="text-sm text-slate-700">{t("statistics.funnel.note")}</p>
      <details>
        <summary className="menu-summary text-brand-700">{t("statistics.perDay.table")}</summary>
        <table className="w-full text-sm">
          <ColumnHeads
            dense
            columns={[{ label: t("statistics.funnel.stageColumn") }, { label: t("statistics.funnel.teamsColumn"), numeric: true }, { label: t("statistics.funnel.shareColumn"), numeric: true }]}
          />
          <tbody>
            {funnel.map((s) => (
              <tr key={s.stage} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {stage(s)}
                </th>
                <td className="py-1 pr-2 text-right tabular-nums">{s.count === null ? "—" : int(s.count)}</td>
                <td className="py-1 text-right tabular-nums">{percent(s.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

// Shades of the map, from "none" to the most teams; text stays readable on each (WCAG AA).
const TILE_FILL = ["fill-slate-100", "fill-brand-100", "fill-brand-200", "fill-brand-500", "fill-brand-800"] as const;
const TILE_TEXT = ["fill-slate-600", "fill-slate-900", "fill-slate-900", "fill-white", "fill-white"] as const;
const SWATCH = ["bg-slate-100", "bg-brand-100", "bg-brand-200", "bg-brand-500", "bg-brand-800"] as const;

export function RegionMap({ regions }: { regions: RegionRow[] }) {
  const { t } = useTranslation();
  const { int } = useNumbers();
  const placed = regions.filter((r): r is RegionRow & { regionId: string } => r.regionId !== null);
  const grid = tileGrid(placed.map((r) => ({ id: r.regionId, code: r.code, name: r.name })));
  const size = 36;
  const gap = 2;
  const g = tileBoxes(grid, new Map(placed.map((r) => [r.regionId, r.teams])), size, gap);
  if (g.boxes.length === 0) return null;
  const steps = legendSteps(g.max);
  const anyCity = g.boxes.some((b) => b.city);
  return (
    <div className="space-y-2">
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={t("statistics.regions.map", { regions: int(g.boxes.length) })} className="h-auto w-full max-w-2xl" data-chart="region-map">
        {g.boxes.map((b) => (
          <g key={b.regionId}>
            <title>{t("statistics.regions.tile", { name: b.name, teams: int(b.count) })}</title>
            <rect x={b.x} y={b.y} width={b.size} height={b.size} rx={3} className={TILE_FILL[b.level]} stroke="#94a3b8" strokeWidth={0.5} />
            <text x={b.x + b.size / 2} y={b.y + 16} textAnchor="middle" fontSize={b.short.length > 3 ? 9 : 10.5} fontWeight={700} className={TILE_TEXT[b.level]}>
              {b.short}
            </text>
            <text x={b.x + b.size / 2} y={b.y + 30} textAnchor="middle" fontSize={11} className={TILE_TEXT[b.level]}>
              {int(b.count)}
            </text>
            {b.city ? <circle cx={b.x + b.size - 4.5} cy={b.y + 4.5} r={2} className={TILE_TEXT[b.level]} /> : null}
          </g>
        ))}
      </svg>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span className="font-semibold">{t("statistics.regions.legend")}:</span>
        <ul className="flex flex-wrap gap-x-3 gap-y-1">
          {steps.map((s) => (
            <li key={s.level} className="flex items-center gap-1">
              <span aria-hidden="true" className={`inline-block h-4 w-4 rounded-sm border border-slate-400 ${SWATCH[s.level]}`} />
              {s.from === s.to ? int(s.from) : `${int(s.from)}–${int(s.to)}`}
            </li>
          ))}
        </ul>
      </div>
      {anyCity ? <p className="text-sm text-slate-700">{t("statistics.regions.city")}</p> : null}
      {grid.extraFrom !== null && grid.extraFrom > 0 ? <p className="text-sm text-slate-700">{t("statistics.regions.outside")}</p> : null}
    </div>
  );
}

export function RegionTable({ regions, showAccepted = true }: { regions: RegionRow[]; showAccepted?: boolean }) {
  const { t } = useTranslation();
  const { int } = useNumbers();
  const sum = (k: "teams" | "accepted" | "people") => regions.reduce((n, r) => n + r[k], 0);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-table="regions">
        <ColumnHeads
          dense
          columns={[
            { label: t("statistics.regions.region") },
            { label: t("statistics.regions.teams"), numeric: true },
            showAccepted ? { label: t("statistics.regions.accepted"), numeric: true } : null,
            { label: t("statistics.regions.people"), numeric: true },
          ]}
        />
        <tbody>
          {regions.map((r) => (
            <tr key={r.regionId ?? "none"} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {r.name}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{int(r.teams)}</td>
              {showAccepted ? <td className="py-1 pr-2 text-right tabular-nums">{int(r.accepted)}</td> : null}
              <td className="py-1 text-right tabular-nums">{int(r.people)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-300 font-semibold">
            <th scope="row" className="py-1 pr-2 text-left">
              {t("statistics.regions.total")}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums">{int(sum("teams"))}</td>
            {showAccepted ? <td className="py-1 pr-2 text-right tabular-nums">{int(sum("accepted"))}</td> : null}
            <td className="py-1 text-right tabular-nums">{int(sum("people"))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function PoolTable({ pools }: { pools: PoolRow[] }) {
  const { t } = useTranslation();
  const { int } = useNumbers();
  if (pools.length === 0) return <p className="text-slate-700">{t("statistics.pools.empty")}</p>;
  return (
    <table className="w-full text-sm" data-table="pools">
      <ColumnHeads dense columns={[{ label: t("statistics.pools.pool") }, { label: t("statistics.pools.people"), numeric: true }, { label: t("statistics.pools.teams"), numeric: true }]} />
      <tbody>
        {pools.map((p) => (
          <tr key={p.key ?? "none"} className="border-t border-slate-100">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {p.label}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums">{int(p.people)}</td>
            <td className="py-1 text-right tabular-nums">{int(p.teams)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Bar({ part }: { part: Progress }) {
  const pct = part.total ? Math.round((part.final / part.total) * 100) : 0;
  return (
    <span aria-hidden="true" className="block h-2 w-full overflow-hidden rounded-full bg-slate-200">
      <span className="block h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
    </span>
  );
}

export function JudgingProgress({ judging, rounds, judges }: { judging: Progress; rounds: RoundRow[]; judges: JudgeRow[] }) {
  const { t } = useTranslation();
  const { int, percent } = useNumbers();
  if (judging.total === 0) return <p className="text-slate-700">{t("statistics.judging.empty")}</p>;
  const of = (p: Progress) => t("statistics.judging.overall", { final: int(p.final), total: int(p.total), share: percent(p.total ? p.final / p.total : null) });
  const rows = (label: string, items: (Progress & { key: string; name: string })[]) => (
    <div>
      <h4 className="text-sm font-semibold text-slate-700">{label}</h4>
      <ul className="mt-1 divide-y divide-slate-100 text-sm">
        {items.map((r) => (
          <li key={r.key} className="space-y-1 py-1.5">
            <p className="sr-only">{t("statistics.judging.bar", { name: r.name, final: int(r.final), total: int(r.total) })}</p>
            <div aria-hidden="true" className="flex items-baseline justify-between gap-3">
              <span>{r.name}</span>
              <span className="tabular-nums">
                {int(r.final)}/{int(r.total)}
              </span>
            </div>
            <Bar part={r} />
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="font-semibold">{of(judging)}</p>
        <Bar part={judging} />
      </div>
      {rows(
        t("statistics.judging.round"),
        rounds.map((r) => ({ ...r, key: r.roundId })),
      )}
      {rows(
        t("statistics.judging.judge"),
        judges.map((j) => ({ ...j, key: j.judgeId })),
      )}
    </div>
  );
}

/** The sections both pages show: registrations, the funnel, the map with its table, member groups. */
export function StatisticsSections({
  stats,
  days,
  showAccepted = true,
  level = 3,
}: {
  stats: { perDay: DayCount[]; funnel: FunnelStep[]; regions: RegionRow[]; pools: PoolRow[] };
  days: DayLabels;
  showAccepted?: boolean;
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <Section level={level} id={`${id}-per-day`} title={t("statistics.perDay.title")}>
        <RegistrationsChart days={stats.perDay} labels={days} />
      </Section>
      <Section level={level} id={`${id}-funnel`} title={t("statistics.funnel.title")}>
        <FunnelChart funnel={stats.funnel} />
      </Section>
      <Section level={level} id={`${id}-regions`} title={t("statistics.regions.title")}>
        <RegionMap regions={stats.regions} />
        <RegionTable regions={stats.regions} showAccepted={showAccepted} />
      </Section>
      <Section level={level} id={`${id}-pools`} title={t("statistics.pools.title")}>
        <PoolTable pools={stats.pools} />
      </Section>
    </>
  );
}
