// PDFs drawn with pdf-lib and the shipped Noto fonts (see pdf-fonts.server), so names in any of
// the scripts they cover print as written. The key fields are also written into the PDF metadata,
// so tools (and our tests) can read them without text extraction.
//
// pdf-lib and the QR code writer are loaded with the first PDF: a server process that draws none
// never holds them.
import type { PDFPage, RGB } from "pdf-lib";
import { pdfText, type PdfText, type Weight } from "./pdf-fonts.server";

type T = (key: string, params?: Record<string, unknown>) => string;

type PdfLib = typeof import("pdf-lib");
let lib: Promise<PdfLib> | undefined;
/** pdf-lib, loaded once on first use. */
export const loadPdfLib = () => (lib ??= import("pdf-lib"));

/** The colours every PDF of the site is drawn in. */
export const palette = ({ rgb }: PdfLib) => ({
  BRAND: rgb(0.09, 0.31, 0.64),
  BRAND_LIGHT: rgb(0.85, 0.91, 1),
  INK: rgb(0.1, 0.12, 0.16),
  MUTED: rgb(0.35, 0.38, 0.43),
  RULE: rgb(0.8, 0.82, 0.86),
});

/** Centred on the page, shrunk until it fits between the margins. */
function centered(text: PdfText, page: PDFPage, line: string, y: number, weight: Weight, size: number, color: RGB) {
  let fitted = size;
  while (text.width(line, weight, fitted) > page.getWidth() - 120 && fitted > 8) fitted -= 1;
  text.draw(page, line, weight, { x: (page.getWidth() - text.width(line, weight, fitted)) / 2, y, size: fitted, color });
}

/** Word-wrapped into at most `lines` lines of `max` points, shrunk when it needs more; drawn downwards from `y`. */
function wrapped(text: PdfText, page: PDFPage, value: string, x: number, y: number, weight: Weight, size: number, max: number, lines: number, color: RGB) {
  const wrap = (at: number) => {
    const out: string[] = [];
    for (const word of value.split(/\s+/).filter(Boolean)) {
      const last = out[out.length - 1];
      if (last !== undefined && text.width(`${last} ${word}`, weight, at) <= max) out[out.length - 1] = `${last} ${word}`;
      else out.push(word);
    }
    return out;
  };
  let fitted = size;
  while (fitted > 6 && (wrap(fitted).length > lines || wrap(fitted).some((l) => text.width(l, weight, fitted) > max))) fitted -= 0.5;
  wrap(fitted).forEach((l, i) => text.draw(page, l, weight, { x, y: y - i * (fitted + 3), size: fitted, color }));
}

/** Left-aligned, shrunk until it fits `max` points. */
function shrunk(text: PdfText, page: PDFPage, line: string, x: number, y: number, weight: Weight, size: number, max: number, color: RGB) {
  let fitted = size;
  while (text.width(line, weight, fitted) > max && fitted > 6) fitted -= 0.5;
  text.draw(page, line, weight, { x, y, size: fitted, color });
}

export type CertificatePdfInput = {
  code: string;
  name: string;
  role: string;
  awardName: string | null;
  eventName: string;
  date: string;
  signatory: { name: string; title: string };
  verifyUrl: string;
  /** The page where the code can be typed instead of scanned. */
  lookupUrl: string;
};

export async function certificatePdf(input: CertificatePdfInput, t: T): Promise<Uint8Array> {
  const pdfLib = await loadPdfLib();
  const { default: QRCode } = await import("qrcode");
  const { BRAND, INK, MUTED } = palette(pdfLib);
  const pdf = await pdfLib.PDFDocument.create();
  const page = pdf.addPage([842, 595]);
  const heading = t("certificate.pdf.heading");
  const roleLine = input.awardName ? `${input.role} — ${input.awardName}` : input.role;
  const inEvent = t("certificate.pdf.inEvent", { event: input.eventName });
  const typeAt = t("certificate.pdf.typeAt", { url: input.lookupUrl });
  const regular = [t("certificate.pdf.awardedTo"), inEvent, input.date, t("certificate.pdf.scan"), typeAt, input.signatory.title, input.verifyUrl];
  const text = await pdfText(pdf, { regular, bold: [heading, input.name, roleLine, input.signatory.name, input.code] });
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 20, y: 20, width: width - 40, height: height - 40, borderColor: BRAND, borderWidth: 3 });
  page.drawRectangle({ x: 30, y: 30, width: width - 60, height: height - 60, borderColor: BRAND, borderWidth: 0.8 });

  centered(text, page, heading, height - 110, "bold", 34, BRAND);
  centered(text, page, t("certificate.pdf.awardedTo"), height - 155, "regular", 14, MUTED);
  centered(text, page, input.name, height - 205, "bold", 30, INK);
  centered(text, page, roleLine, height - 245, "bold", 18, BRAND);
  centered(text, page, inEvent, height - 280, "regular", 14, INK);
  centered(text, page, input.date, height - 302, "regular", 12, MUTED);

  const qr = await QRCode.toBuffer(input.verifyUrl, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" });
  const qrImage = await pdf.embedPng(qr);
  page.drawImage(qrImage, { x: 70, y: 60, width: 110, height: 110 });
  text.draw(page, t("certificate.pdf.scan"), "regular", { x: 70, y: 48, size: 8, color: MUTED });
  text.draw(page, typeAt, "regular", { x: 70, y: 38, size: 8, color: MUTED });
  // Printed large enough to read and type: the code alone verifies the certificate.
  text.draw(page, input.code, "bold", { x: 70, y: 176, size: 11, color: INK });

  const sx = width - 300;
  wrapped(text, page, input.signatory.title, sx, 160, "regular", 11, 230, 2, INK);
  page.drawLine({ start: { x: sx, y: 95 }, end: { x: sx + 220, y: 95 }, thickness: 0.8, color: INK });
  shrunk(text, page, input.signatory.name, sx, 78, "bold", 12, 230, INK);
  text.draw(page, input.verifyUrl, "regular", { x: sx - 160, y: 40, size: 7, color: MUTED });

  pdf.setTitle(`${heading} — ${input.name}`);
  pdf.setSubject([input.role, input.awardName, input.eventName].filter(Boolean).join(" — "));
  pdf.setKeywords([input.code, input.name, input.eventName, input.role, input.awardName ?? ""].filter(Boolean));
  pdf.setAuthor(input.signatory.name || "KIM Hackathon");
  pdf.setProducer("KIM Hackathon");
  return pdf.save();
}

export type PublicationPdfRow = { place: string; team: string; title: string; score: string };

export type PublicationPdfInput = {
  eventName: string;
  roundName: string;
  method: string;
  tieBreak: string;
  publishedAt: string;
  judges: string[];
  rows: PublicationPdfRow[];
  awards: { name: string; recipients: string }[];
  override: string | null;
  /** Correction notes: what this record replaces and why, or that a correction replaced it. */
  notes: string[];
  sha256: string;
  verifyUrl: string;
};

/** The berita acara: ranking, awards, method, judges and the SHA-256 of the canonical document. */
export async function publicationPdf(input: PublicationPdfInput, t: T): Promise<Uint8Array> {
  const pdfLib = await loadPdfLib();
  const { PDFDocument, StandardFonts, rgb } = pdfLib;
  const { BRAND, INK, MUTED } = palette(pdfLib);
  const pdf = await PDFDocument.create();
  const heading = t("publication.pdf.heading");
  const header = [
    `${t("publication.pdf.round")}: ${input.roundName}`,
    `${t("publication.pdf.method")}: ${input.method}`,
    `${t("publication.pdf.tieBreak")}: ${input.tieBreak}`,
    `${t("publication.pdf.publishedAt")}: ${input.publishedAt}`,
  ];
  const rowLabel = (r: PublicationPdfRow) => `${r.team} — ${r.title}`;
  const awards = input.awards.map((a) => `${a.name}: ${a.recipients}`);
  const judges = input.judges.join(", ");
  const verify = `${t("publication.pdf.verifyAt")}: ${input.verifyUrl}`;
  const sections = [t("publication.pdf.ranking"), t("publication.pdf.awards"), t("publication.pdf.judges"), t("publication.pdf.hash")];
  const text = await pdfText(pdf, {
    regular: [...header, input.override ?? "", ...input.notes, ...input.rows.flatMap((r) => [rowLabel(r), r.score]), ...awards, judges, verify],
    bold: [heading, input.eventName, ...sections, ...input.rows.map((r) => r.place)],
  });
  const mono = await pdf.embedFont(StandardFonts.Courier);
  let page = pdf.addPage([595, 842]);
  let y = 790;
  const margin = 50;
  const room = () => {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 790;
    }
  };
  const line = (s: string, opts: { weight?: Weight; size?: number; color?: ReturnType<typeof rgb> } = {}) => {
    const size = opts.size ?? 10;
    const weight = opts.weight ?? "regular";
    room();
    text.draw(page, text.fit(s, weight, size, 595 - 2 * margin), weight, { x: margin, y, size, color: opts.color ?? INK });
    y -= size + 6;
  };
  /** A text that may be long (a reason someone wrote), wrapped at word boundaries. */
  const paragraph = (value: string, opts: { weight?: Weight; size?: number; color?: ReturnType<typeof rgb> } = {}) => {
    const weight = opts.weight ?? "regular";
    const size = opts.size ?? 10;
    const max = 595 - 2 * margin;
    let current = "";
    for (const word of value.split(/\s+/).filter(Boolean)) {
      const next = current ? `${current} ${word}` : word;
      if (current && text.width(next, weight, size) > max) {
        line(current, opts);
        current = word;
      } else current = next;
    }
    if (current) line(current, opts);
  };
  line(heading, { weight: "bold", size: 18, color: BRAND });
  line(input.eventName, { weight: "bold", size: 13 });
  for (const h of header) line(h);
  if (input.override) paragraph(input.override, { color: rgb(0.6, 0.1, 0.1) });
  for (const note of input.notes) paragraph(note, { color: rgb(0.55, 0.3, 0) });
  y -= 6;
  line(t("publication.pdf.ranking"), { weight: "bold", size: 12 });
  for (const r of input.rows) {
    room();
    text.draw(page, r.place, "bold", { x: margin, y, size: 10, color: INK });
    text.draw(page, r.score, "regular", { x: 520, y, size: 10, color: INK });
    text.draw(page, text.fit(rowLabel(r), "regular", 10, 420), "regular", { x: margin + 40, y, size: 10, color: INK });
    y -= 16;
  }
  y -= 6;
  line(t("publication.pdf.awards"), { weight: "bold", size: 12 });
  for (const a of awards) line(a);
  y -= 6;
  line(t("publication.pdf.judges"), { weight: "bold", size: 12 });
  line(judges);
  y -= 10;
  line(t("publication.pdf.hash"), { weight: "bold", size: 11 });
  room();
  page.drawText(input.sha256, { x: margin, y, size: 9, font: mono, color: INK });
  y -= 15;
  line(verify, { size: 9, color: MUTED });

  pdf.setTitle(`${heading} — ${input.eventName}`);
  pdf.setSubject(input.sha256);
  pdf.setKeywords([input.sha256, input.method, input.eventName]);
  pdf.setProducer("KIM Hackathon");
  return pdf.save();
}
