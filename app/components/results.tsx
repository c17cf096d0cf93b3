// Shared pieces of the results pages: numbers, tie sentences, the judge chart, award lists.
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/domain/number";

/** Scores, means and z-scores as the page's language writes them (60,21 in Indonesian, 60.21 in English). */
export function useFormatNumber() {
  const { i18n } = useTranslation();
  return (x: number | null | undefined, digits = 2) => formatNumber(x, i18n.language, digits);
}

type Names = Record<string, { teamName: string; title: string } | undefined>;

/** "Criterion Dampak", "normalized z-score"… for a tie-break key code. */
export function useTieKeyLabel(criteria: readonly { id: string; name: string }[]) {
  const { t } = useTranslation();
  return (code: string) => {
    if (code.startsWith("criterion:")) {
      const c = criteria.find((x) => `criterion:${x.id}` === code);
      return t("results.tieKey.criterion", { name: c?.name ?? "?" });
    }
    return t(`results.tieKey.${code}`);
  };
}

export type TieRecordView = { kind: "resolved"; ahead: string[]; behind: string[]; resolvedBy: string } | { kind: "joint"; place: number; submissionIds: string[] };

export function TieList({ ties, names, criteria }: { ties: readonly TieRecordView[]; names: Names; criteria: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const keyLabel = useTieKeyLabel(criteria);
  const list = (ids: string[]) => ids.map((id) => names[id]?.teamName ?? id).join(", ");
  if (ties.length === 0) return <p className="text-slate-700">{t("results.ties.none")}</p>;
  return (
    <ul className="space-y-2">
      {ties.map((tie, i) => (
        <li key={i} className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">
          {tie.kind === "resolved"
            ? t("results.ties.resolved", { ahead: list(tie.ahead), behind: list(tie.behind), key: keyLabel(tie.resolvedBy) })
            : t("results.ties.joint", { place: tie.place, teams: list(tie.submissionIds) })}
        </li>
      ))}
    </ul>
  );
}

export type JudgeView = { judgeId: string; name: string; count: number; mean: number; sd: number; min: number; max: number; harshness: number; label: "harsh" | "lenient" | "typical" };

/** Each judge's range (bar), mean (dot) against the panel mean (dashed line), 0–100; server-rendered SVG. */
export function JudgeChart({ judges, overallMean }: { judges: readonly JudgeView[]; overallMean: number }) {
  const { t } = useTranslation();
  const rowH = 34;
  const left = 120;
  const width = 360;
  // Positions to a tenth of a unit: finer digits draw nothing different and only weigh on the page.
  const tenth = (v: number) => Math.round(v * 10) / 10;
  const x = (v: number) => tenth(left + (Math.max(0, Math.min(100, v)) / 100) * (width - left - 10));
  const height = judges.length * rowH + 30;
  const color = (l: JudgeView["label"]) => (l === "harsh" ? "#b91c1c" : l === "lenient" ? "#1d4ed8" : "#334155");
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-xl" role="img" aria-labelledby="judge-chart-title judge-chart-desc">
        <title id="judge-chart-title">{t("results.judges.chartTitle")}</title>
        <desc id="judge-chart-desc">{t("results.judges.chartDesc")}</desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={4} y2={height - 22} stroke="#e2e8f0" />
            <text x={x(v)} y={height - 8} fontSize="10" textAnchor="middle" fill="#475569">
              {v}
            </text>
          </g>
        ))}
        <line x1={x(overallMean)} x2={x(overallMean)} y1={4} y2={height - 22} stroke="#0f766e" strokeDasharray="4 3" strokeWidth={1.5} />
        {judges.map((j, i) => {
          const cy = 16 + i * rowH;
          return (
            <g key={j.judgeId}>
              <text x={4} y={cy + 4} fontSize="11" fill="#0f172a">
                {j.name.length > 18 ? `${j.name.slice(0, 17)}…` : j.name}
              </text>
              <rect x={x(j.min)} y={cy - 5} width={Math.max(2, tenth(x(j.max) - x(j.min)))} height={10} rx={5} fill={color(j.label)} opacity={0.25} />
              <circle cx={x(j.mean)} cy={cy} r={6} fill={color(j.label)} />
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-600">{t("results.judges.legend")}</figcaption>
    </figure>
  );
}

export function JudgeLabelBadge({ label }: { label: JudgeView["label"] }) {
  const { t } = useTranslation();
  const cls = label === "harsh" ? "bg-red-100 text-red-800" : label === "lenient" ? "bg-blue-100 text-blue-800" : "bg-slate-100 text-slate-700";
  return <span className={`badge ${cls}`}>{t(`results.judges.label.${label}`)}</span>;
}

export function ChangeBadge({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null || change === 0) return null;
  const up = change > 0;
  return (
    <span className={`badge ml-1 ${up ? "bg-green-100 text-green-800" : "bg-amber-100 text-amber-900"}`}>
      <span aria-hidden="true">{up ? "▲" : "▼"}</span>
      {Math.abs(change)}
      <span className="sr-only">{up ? t("results.compare.up", { n: change }) : t("results.compare.down", { n: -change })}</span>
    </span>
  );
}

export function PlaceCell({ place, joint }: { place: number | null; joint: boolean }) {
  const { t } = useTranslation();
  // slate-700: the unranked label sits on tinted cells (the chosen method, moved rows) and must keep 4.5:1 there.
  if (place === null) return <span className="text-slate-700">{t("results.unranked")}</span>;
  return (
    <span className="font-bold tabular-nums">
      {place}
      {joint ? <span className="ml-1 text-xs font-semibold text-slate-600">{t("results.joint")}</span> : null}
    </span>
  );
}
