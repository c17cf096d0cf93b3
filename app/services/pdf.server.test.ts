import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { certificatePdf, publicationPdf } from "./pdf.server";

const t = (key: string, params?: Record<string, unknown>) => (params?.event ? `${key} ${String(params.event)}` : key);

const certificate = (name: string) =>
  certificatePdf(
    {
      code: "ABCD1234EFGH",
      name,
      role: "Peserta",
      awardName: "Juara I",
      eventName: "KIM Hackathon Jawa Timur",
      date: "2 Desember 2026",
      signatory: { name: "Dr. Sherlita Ratna Dewi Agustin", title: "Kepala Dinas Kominfo" },
      verifyUrl: "https://kim.example/verifikasi/ABCD1234EFGH",
      lookupUrl: "https://kim.example/verifikasi",
    },
    t,
  );

/** The base names of the fonts the first page draws with. */
async function fontsOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const fonts = pdf.getPage(0).node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
  if (!fonts) return [];
  return fonts.keys().map((k) => (fonts.lookup(k, PDFDict).get(PDFName.of("BaseFont")) as PDFName).decodeText());
}

/** Each face must be among the fonts, named in the failure. */
function expectFaces(fonts: string[], faces: string[]) {
  for (const face of faces)
    expect(
      fonts.some((f) => f.includes(face)),
      face,
    ).toBe(true);
}

describe("certificate PDF", () => {
  it("draws a Latin name with the Latin font only, and keeps every diacritic in the metadata", async () => {
    const bytes = await certificate("Nguyễn Thị Ánh Tuyết");
    const fonts = await fontsOf(bytes);
    expect(fonts.some((f) => f.includes("NotoSans-Bold"))).toBe(true);
    expect(fonts.filter((f) => /Arabic|Javanese|CJK|Helvetica/.test(f))).toEqual([]);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe("certificate.pdf.heading — Nguyễn Thị Ánh Tuyết");
  });

  it("embeds the Arabic, Javanese and Chinese fonts a mixed name needs", async () => {
    const name = "Siti Nurhaliza — سيتي ꦱꦶꦠꦶ 李";
    const bytes = await certificate(name);
    const fonts = await fontsOf(bytes);
    expectFaces(fonts, ["NotoSans-Bold", "NotoSansArabic-Bold", "NotoSansJavanese-Bold", "NotoSansCJKsc-Regular"]);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe(`certificate.pdf.heading — ${name}`);
    expect(pdf.getKeywords()).toContain(name);
    // Only the glyphs used are embedded: the Chinese font alone is megabytes.
    expect(bytes.byteLength).toBeLessThan(80_000);
  });
});

describe("berita acara PDF", () => {
  it("prints team names and judges in their own scripts", async () => {
    const bytes = await publicationPdf(
      {
        eventName: "KIM Hackathon",
        roundName: "Final",
        method: "skor-z",
        tieBreak: "—",
        publishedAt: "2 Desember 2026",
        judges: ["Dewi Ayu 李", "Siti — سيتي"],
        rows: [{ place: "1", team: "Tim Lumbung", title: "Lapak Desa", score: "60,21" }],
        awards: [{ name: "Juara I", recipients: "Tim Lumbung" }],
        override: null,
        notes: ["Dikoreksi: nilai juri 李 salah ketik"],
        sha256: "ab".repeat(32),
        verifyUrl: "https://kim.example/verifikasi/x",
      },
      t,
    );
    const fonts = await fontsOf(bytes);
    expectFaces(fonts, ["NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansCJKsc-Regular", "Courier"]);
    expect((await PDFDocument.load(bytes)).getSubject()).toBe("ab".repeat(32));
  });
});
