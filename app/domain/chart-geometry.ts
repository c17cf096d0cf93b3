// Geometry of the statistics charts, in SVG user units: where each bar, line point and label goes.
// Pure numbers; the components draw them and add the words.

export type Box = { x: number; y: number; width: number; height: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

export type DayBar = Box & { day: string; count: number };

export type DayChart = {
  width: number;
  height: number;
  plot: Box;
  bars: DayBar[];
  /** The running total as SVG polyline points ("x,y x,y …"). */
  line: string;
  maxCount: number;
  maxCumulative: number;
  /** Days named under the axis: the first, the last and one between when there is room. */
  ticks: { x: number; day: string; anchor: "start" | "middle" | "end" }[];
};

/**
 * Bars of the teams registered each day (left scale) and the line of the running total (right
 * scale), in a `width` × `height` box with room for the scale numbers and the dates.
 */
export function dayChart(days: readonly { day: string; count: number; cumulative: number }[], width = 360, height = 180): DayChart {
  const plot: Box = { x: 26, y: 10, width: width - 26 - 30, height: height - 10 - 26 };
  const maxCount = Math.max(1, ...days.map((d) => d.count));
  const maxCumulative = Math.max(1, ...days.map((d) => d.cumulative));
  const slot = days.length ? plot.width / days.length : plot.width;
  // A few days still read as bars, not as blocks.
  const barWidth = Math.max(1, Math.min(28, slot * 0.7));
  const bottom = plot.y + plot.height;
  const bars = days.map((d, i) => {
    const h = (d.count / maxCount) * plot.height;
    return { x: round1(plot.x + i * slot + (slot - barWidth) / 2), y: round1(bottom - h), width: round1(barWidth), height: round1(h), day: d.day, count: d.count };
  });
  const line = days.map((d, i) => `${round1(plot.x + (i + 0.5) * slot)},${round1(bottom - (d.cumulative / maxCumulative) * plot.height)}`).join(" ");
  const ticks: DayChart["ticks"] = [];
  if (days.length === 1) ticks.push({ x: round1(plot.x + slot / 2), day: days[0]!.day, anchor: "middle" });
  else if (days.length) {
    ticks.push({ x: plot.x, day: days[0]!.day, anchor: "start" });
    if (days.length >= 7) {
      const mid = Math.floor(days.length / 2);
      ticks.push({ x: round1(plot.x + (mid + 0.5) * slot), day: days[mid]!.day, anchor: "middle" });
    }
    if (days.length > 1) ticks.push({ x: plot.x + plot.width, day: days[days.length - 1]!.day, anchor: "end" });
  }
  return { width, height, plot, bars, line, maxCount, maxCumulative, ticks };
}

export type FunnelRow = { y: number; labelY: number; bar: Box };

/**
 * One row per stage: its label on top, then a bar centred in the width, as wide as its share of
 * the largest stage (a stage with any team is at least a sliver wide).
 */
export function funnelChart(counts: readonly (number | null)[], width = 360, rowHeight = 48, barHeight = 22): { width: number; height: number; rows: FunnelRow[] } {
  const max = Math.max(0, ...counts.map((c) => c ?? 0));
  const rows = counts.map((c, i) => {
    const y = i * rowHeight;
    const w = !c || max === 0 ? 0 : Math.max(3, (c / max) * width);
    return { y, labelY: y + 15, bar: { x: round1((width - w) / 2), y: y + 20, width: round1(w), height: barHeight } };
  });
  return { width, height: counts.length * rowHeight, rows };
}
