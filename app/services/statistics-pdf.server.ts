// The one-page statistics report for the office's records: key figures, the funnel drawn as bars,
// member groups and the table of teams and participants per kabupaten/kota. Text is drawn with the
// shipped Noto fonts (pdf-fonts.server), so region and event names print as written. Every string
// comes in ready to print (translated, numbers in the reader's language).
import { loadPdfLib, palette } from "./pdf.server";
import { pdfText, type Weight } from "./pdf-fonts.server";

export type StatisticsPdfInput = {
  title: string;
  eventName: string;
  generated: string;
  keyFigures: { label: string; value: string }[];
  funnelTitle: string;
  /** `ratio`: the bar's length as a share of the largest stage (0…1). */
  funnel: { label: string; value: string; ratio: number }[];
  note: string;
  poolsTitle: string;
  pools: { label: string; value: string }[];
  /** Judging progress under its own heading; null before any assignment. */
  judging: { title: string; value: string } | null;
  regionsTitle: string;
  regionHead: [string, string, string];
  regions: { name: string; teams: string; people: string }[];
  /** Printed under the table when not every region fits ("… and 3 more"); gets the count. */
  more: (count: number) => string;
  source: string;
};

const PAGE: [number, number] = [595, 842];
const MARGIN = 40;

/** One A4 page; a region table longer than the room left is cut with a line saying how many are left out. */
export async function statisticsPdf(input: StatisticsPdfInput): Promise<Uint8Array> {
  const pdfLib = await loadPdfLib();
  const { PDFDocument, rgb } = pdfLib;
  const { BRAND, BRAND_LIGHT, INK, MUTED, RULE } = palette(pdfLib);
  const pdf = await PDFDocument.create();
  const page = pdf.addPage(PAGE);
  const [width, height] = PAGE;
  const inner = width - 2 * MARGIN;

  const regular = [
    input.generated,
    ...input.keyFigures.map((k) => k.label),
    ...input.funnel.flatMap((f) => [f.label, f.value]),
    input.note,
    ...input.pools.flatMap((p) => [p.label, p.value]),
    ...(input.judging ? [input.judging.value] : []),
    ...input.regions.flatMap((r) => [r.name, r.teams, r.people]),
    input.more(input.regions.length),
    input.source,
    "…",
  ];
  const bold = [input.title, input.eventName, input.funnelTitle, input.poolsTitle, input.judging?.title ?? "", input.regionsTitle, ...input.regionHead, ...input.keyFigures.map((k) => k.value)];
  const text = await pdfText(pdf, { regular, bold });

  let y = height - MARGIN - 14;
  const draw = (s: string, x: number, at: number, weight: Weight, size: number, color = INK, max = inner) => text.draw(page, text.fit(s, weight, size, max), weight, { x, y: at, size, color });
  const right = (s: string, xRight: number, at: number, weight: Weight, size: number, color = INK) => text.draw(page, s, weight, { x: xRight - text.width(s, weight, size), y: at, size, color });
  /** Words of `s` in at most `lines` lines of `max` points (the last one cut to fit). */
  const wrap = (s: string, weight: Weight, size: number, max: number, lines: number) => {
    const out: string[] = [];
    for (const word of s.split(/\s+/).filter(Boolean)) {
      const last = out[out.length - 1];
      if (last !== undefined && (text.width(`${last} ${word}`, weight, size) <= max || out.length === lines)) out[out.length - 1] = `${last} ${word}`;
      else out.push(word);
    }
    return out;
  };
  const heading = (s: string) => {
    y -= 22;
    draw(s, MARGIN, y, "bold", 12, BRAND);
    y -= 6;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: width - MARGIN, y }, thickness: 0.6, color: RULE });
  };

  draw(input.title, MARGIN, y, "bold", 18, BRAND);
  y -= 20;
  draw(input.eventName, MARGIN, y, "bold", 13);
  y -= 14;
  draw(input.generated, MARGIN, y, "regular", 9, MUTED);

  // Key figures: up to four boxes in a row.
  y -= 16;
  const perRow = 4;
  const boxW = (inner - (perRow - 1) * 8) / perRow;
  input.keyFigures.forEach((k, i) => {
    const col = i % perRow;
    const top = y - Math.floor(i / perRow) * 52;
    const x = MARGIN + col * (boxW + 8);
    page.drawRectangle({ x, y: top - 52, width: boxW, height: 52, color: rgb(0.96, 0.97, 0.99), borderColor: RULE, borderWidth: 0.6 });
    draw(k.value, x + 8, top - 22, "bold", 15, INK, boxW - 16);
    wrap(k.label, "regular", 8, boxW - 16, 2).forEach((line, n) => draw(line, x + 8, top - 36 - n * 10, "regular", 8, MUTED, boxW - 16));
  });
  y -= Math.ceil(input.keyFigures.length / perRow) * 58;

  // The funnel as horizontal bars.
  heading(input.funnelTitle);
  const labelW = Math.min(150, Math.max(...input.funnel.map((f) => text.width(f.label, "regular", 9.5))) + 12);
  const valueW = Math.min(200, Math.max(...input.funnel.map((f) => text.width(f.value, "regular", 9.5))) + 12);
  const barMax = inner - labelW - valueW;
  for (const f of input.funnel) {
    y -= 17;
    draw(f.label, MARGIN, y + 3, "regular", 9.5, INK, labelW - 6);
    page.drawRectangle({ x: MARGIN + labelW, y, width: barMax, height: 12, color: BRAND_LIGHT });
    if (f.ratio > 0) page.drawRectangle({ x: MARGIN + labelW, y, width: Math.max(2, barMax * Math.min(1, f.ratio)), height: 12, color: BRAND });
    right(f.value, width - MARGIN, y + 3, "regular", 9.5);
  }
  y -= 14;
  draw(input.note, MARGIN, y, "regular", 7.5, MUTED);

  // Member groups, one line each, and judging progress.
  if (input.pools.length) {
    heading(input.poolsTitle);
    for (const p of input.pools) {
      y -= 13;
      draw(p.label, MARGIN, y, "regular", 9.5, INK, inner - 200);
      right(p.value, width - MARGIN, y, "regular", 9.5);
    }
  }
  if (input.judging) {
    heading(input.judging.title);
    y -= 13;
    draw(input.judging.value, MARGIN, y, "regular", 9.5);
  }

  // Regions in two columns.
  heading(input.regionsTitle);
  const colGap = 16;
  const colW = (inner - colGap) / 2;
  const numW = Math.max(34, ...input.regionHead.slice(1).map((h) => text.width(h, "bold", 8) + 10));
  const bottom = MARGIN + 24;
  const headY = y - 12;
  // Rows grow (up to 15 points) when the page has room, and shrink to 11.5 before any is left out.
  const lineH = Math.max(11.5, Math.min(15, (headY - bottom) / (Math.ceil(input.regions.length / 2) + 1)));
  const size = lineH >= 14 ? 9.5 : 8.5;
  const rowsFit = Math.max(1, Math.floor((headY - bottom - lineH) / lineH));
  const capacity = rowsFit * 2;
  const shown = input.regions.length > capacity ? input.regions.slice(0, capacity - 1) : input.regions;
  const perColumn = Math.max(1, Math.ceil(shown.length / 2));
  for (const c of [0, 1]) {
    const x = MARGIN + c * (colW + colGap);
    if (c === 1 && shown.length <= perColumn) break;
    draw(input.regionHead[0], x, headY, "bold", 8, MUTED, colW - 2 * numW);
    right(input.regionHead[1], x + colW - numW, headY, "bold", 8, MUTED);
    right(input.regionHead[2], x + colW, headY, "bold", 8, MUTED);
    shown.slice(c * perColumn, (c + 1) * perColumn).forEach((r, i) => {
      const at = headY - (i + 1) * lineH;
      if (i % 2 === 0) page.drawRectangle({ x: x - 2, y: at - (lineH - size) / 2 - 1, width: colW + 4, height: lineH, color: rgb(0.965, 0.97, 0.98) });
      draw(r.name, x, at, "regular", size, INK, colW - 2 * numW - 4);
      right(r.teams, x + colW - numW, at, "regular", size);
      right(r.people, x + colW, at, "regular", size);
    });
  }
  if (shown.length < input.regions.length) draw(input.more(input.regions.length - shown.length), MARGIN, headY - (perColumn + 1) * lineH, "regular", size, MUTED);

  draw(input.source, MARGIN, MARGIN - 4, "regular", 7.5, MUTED);

  pdf.setTitle(`${input.title} — ${input.eventName}`);
  pdf.setSubject(input.generated);
  pdf.setKeywords([input.eventName, input.title]);
  pdf.setProducer("KIM Hackathon");
  return pdf.save();
}
