// PDFs drawn with pdf-lib and a standard font (WinAnsi: every string goes through toWinAnsi).
// The key fields are also written into the PDF metadata, so tools (and our tests) can read
// them without text extraction.
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import QRCode from "qrcode";
import { toWinAnsi } from "~/domain/pdf-text";

type T = (key: string, params?: Record<string, unknown>) => string;

const BRAND = rgb(0.09, 0.31, 0.64);
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.35, 0.38, 0.43);

function centered(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK) {
  const s = toWinAnsi(text);
  let fitted = size;
  while (font.widthOfTextAtSize(s, fitted) > page.getWidth() - 120 && fitted > 8) fitted -= 1;
  page.drawText(s, { x: (page.getWidth() - font.widthOfTextAtSize(s, fitted)) / 2, y, size: fitted, font, color });
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
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([842, 595]);
  const [regular, bold, italic, mono] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
    pdf.embedFont(StandardFonts.HelveticaOblique),
    pdf.embedFont(StandardFonts.CourierBold),
  ]);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 20, y: 20, width: width - 40, height: height - 40, borderColor: BRAND, borderWidth: 3 });
  page.drawRectangle({ x: 30, y: 30, width: width - 60, height: height - 60, borderColor: BRAND, borderWidth: 0.8 });

  centered(page, t("certificate.pdf.heading"), height - 110, bold, 34, BRAND);
  centered(page, t("certificate.pdf.awardedTo"), height - 155, italic, 14, MUTED);
  centered(page, input.name, height - 205, bold, 30);
  centered(page, input.awardName ? `${input.role} - ${input.awardName}` : input.role, height - 245, bold, 18, BRAND);
  centered(page, t("certificate.pdf.inEvent", { event: input.eventName }), height - 280, regular, 14);
  centered(page, input.date, height - 302, regular, 12, MUTED);

  const qr = await QRCode.toBuffer(input.verifyUrl, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" });
  const qrImage = await pdf.embedPng(qr);
  page.drawImage(qrImage, { x: 70, y: 60, width: 110, height: 110 });
  page.drawText(toWinAnsi(t("certificate.pdf.scan")), { x: 70, y: 48, size: 8, font: regular, color: MUTED });
  page.drawText(toWinAnsi(t("certificate.pdf.typeAt", { url: input.lookupUrl })), { x: 70, y: 38, size: 8, font: regular, color: MUTED });
  // Printed large enough to read and type: the code alone verifies the certificate.
  page.drawText(toWinAnsi(input.code), { x: 70, y: 176, size: 11, font: mono, color: INK });

  const sx = width - 300;
  page.drawText(toWinAnsi(input.signatory.title), { x: sx, y: 160, size: 11, font: regular, color: INK, maxWidth: 230 });
  page.drawLine({ start: { x: sx, y: 95 }, end: { x: sx + 220, y: 95 }, thickness: 0.8, color: INK });
  page.drawText(toWinAnsi(input.signatory.name), { x: sx, y: 78, size: 12, font: bold, color: INK });
  page.drawText(toWinAnsi(input.verifyUrl), { x: sx - 160, y: 40, size: 7, font: regular, color: MUTED });

  pdf.setTitle(toWinAnsi(`${t("certificate.pdf.heading")} - ${input.name}`));
  pdf.setSubject(toWinAnsi([input.role, input.awardName, input.eventName].filter(Boolean).join(" - ")));
  pdf.setKeywords([input.code, input.name, input.eventName, input.role, input.awardName ?? ""].filter(Boolean).map(toWinAnsi));
  pdf.setAuthor(toWinAnsi(input.signatory.name || "KIM Hackathon"));
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
  const pdf = await PDFDocument.create();
  const [regular, bold, mono] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.HelveticaBold),
    pdf.embedFont(StandardFonts.Courier),
  ]);
  let page = pdf.addPage([595, 842]);
  let y = 790;
  const margin = 50;
  const line = (text: string, opts: { font?: PDFFont; size?: number; x?: number; color?: ReturnType<typeof rgb> } = {}) => {
    const size = opts.size ?? 10;
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 790;
    }
    const font = opts.font ?? regular;
    let s = toWinAnsi(text);
    const max = 595 - (opts.x ?? margin) - margin;
    while (s.length > 1 && font.widthOfTextAtSize(s, size) > max) s = s.slice(0, -1);
    page.drawText(s, { x: opts.x ?? margin, y, size, font, color: opts.color ?? INK });
    y -= size + 6;
  };
  /** A text that may be long (a reason someone wrote), wrapped at word boundaries. */
  const paragraph = (text: string, opts: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb> } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 10;
    const max = 595 - 2 * margin;
    let current = "";
    for (const word of toWinAnsi(text).split(/\s+/)) {
      const next = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(next, size) > max) {
        line(current, opts);
        current = word;
      } else current = next;
    }
    if (current) line(current, opts);
  };
  line(t("publication.pdf.heading"), { font: bold, size: 18, color: BRAND });
  line(input.eventName, { font: bold, size: 13 });
  line(`${t("publication.pdf.round")}: ${input.roundName}`);
  line(`${t("publication.pdf.method")}: ${input.method}`);
  line(`${t("publication.pdf.tieBreak")}: ${input.tieBreak}`);
  line(`${t("publication.pdf.publishedAt")}: ${input.publishedAt}`);
  if (input.override) paragraph(input.override, { color: rgb(0.6, 0.1, 0.1) });
  for (const note of input.notes) paragraph(note, { color: rgb(0.55, 0.3, 0) });
  y -= 6;
  line(t("publication.pdf.ranking"), { font: bold, size: 12 });
  for (const r of input.rows) {
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 790;
    }
    page.drawText(toWinAnsi(r.place), { x: margin, y, size: 10, font: bold });
    page.drawText(toWinAnsi(r.score), { x: 520, y, size: 10, font: regular });
    const label = toWinAnsi(`${r.team} - ${r.title}`);
    let s = label;
    while (s.length > 1 && regular.widthOfTextAtSize(s, 10) > 420) s = s.slice(0, -1);
    page.drawText(s, { x: margin + 40, y, size: 10, font: regular });
    y -= 16;
  }
  y -= 6;
  line(t("publication.pdf.awards"), { font: bold, size: 12 });
  for (const a of input.awards) line(`${a.name}: ${a.recipients}`);
  y -= 6;
  line(t("publication.pdf.judges"), { font: bold, size: 12 });
  line(input.judges.join(", "));
  y -= 10;
  line(t("publication.pdf.hash"), { font: bold, size: 11 });
  line(input.sha256, { font: mono, size: 9 });
  line(`${t("publication.pdf.verifyAt")}: ${input.verifyUrl}`, { size: 9, color: MUTED });

  pdf.setTitle(toWinAnsi(`${t("publication.pdf.heading")} - ${input.eventName}`));
  pdf.setSubject(input.sha256);
  pdf.setKeywords([input.sha256, input.method, toWinAnsi(input.eventName)]);
  pdf.setProducer("KIM Hackathon");
  return pdf.save();
}
