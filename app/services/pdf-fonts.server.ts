// Text in PDFs with the Noto fonts shipped in app/assets/fonts, so names keep their letters:
// Latin with every diacritic (and Greek, Cyrillic, Vietnamese), Arabic script, Javanese script
// (aksara Jawa) and Chinese characters (GB 2312 and the common Big5 set, simplified and
// traditional). Each line is split into runs per font (see splitRuns); only the fonts a document
// uses are embedded, and only the glyphs it uses.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type Fontkit from "@pdf-lib/fontkit";
// fontkit's shaper for Javanese (and other scripts shaped by its universal engine) is compiled
// against a global regenerator runtime; without it laying out aksara Jawa throws.
import "regenerator-runtime/runtime.js";
import type { PDFDocument, PDFFont, PDFPage, RGB } from "pdf-lib";
import { splitRuns, type TextRun } from "~/domain/pdf-text";

export type Weight = "regular" | "bold";

const CHAINS: Record<Weight, readonly string[]> = {
  regular: ["NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansJavanese-Regular.ttf", "NotoSansSC-Regular.ttf"],
  // The Chinese font ships in one weight: bold Chinese characters are drawn regular.
  bold: ["NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansJavanese-Bold.ttf", "NotoSansSC-Regular.ttf"],
};

// The fonts sit beside the sources (tests) or one level above the server build (build/index.js).
function fontDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, "../assets/fonts"), join(here, "../app/assets/fonts"), resolve("app/assets/fonts")].find((d) => existsSync(join(d, CHAINS.regular[0])));
  if (!found) throw new Error("PDF fonts not found: app/assets/fonts is missing");
  return found;
}

// fontkit (about 10 MB of memory) is loaded when the first PDF is drawn, not at start-up.
let fontkit: typeof Fontkit | undefined;
async function loadFontkit(): Promise<typeof Fontkit> {
  fontkit ??= ((m) => (m.default ?? m) as typeof Fontkit)(await import("@pdf-lib/fontkit"));
  return fontkit;
}
function kit(): typeof Fontkit {
  if (!fontkit) throw new Error("fontkit is used before pdfText loaded it");
  return fontkit;
}

type Face = { bytes: Uint8Array; font: ReturnType<typeof Fontkit.create>; codePoints: Set<number> };
const faces = new Map<string, Face>();

function face(file: string): Face {
  let f = faces.get(file);
  if (!f) {
    const bytes = new Uint8Array(readFileSync(join(fontDir(), file)));
    const font = kit().create(bytes);
    f = { bytes, font, codePoints: new Set(font.characterSet) };
    faces.set(file, f);
  }
  return f;
}

// pdf-lib parses the font again for every document, and fontkit then reads its layout tables
// afresh on the first line drawn (most of a certificate's cost); handing back the parsed font
// keeps those tables across documents. Each document still makes its own subset.
const sharedFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    for (const f of faces.values()) if (f.bytes === bytes) return f.font;
    return kit().create(bytes, postscriptName);
  },
};

const coverage = (weight: Weight) => CHAINS[weight].map((file) => (cp: number) => cp === 0x20 || face(file).codePoints.has(cp));

export type DrawOptions = { x: number; y: number; size: number; color: RGB };

/** Measures and draws lines of any script on one document's pages. */
export type PdfText = {
  width(text: string, weight: Weight, size: number): number;
  draw(page: PDFPage, text: string, weight: Weight, options: DrawOptions): void;
  /** The text cut (with "…") to fit `max` points. */
  fit(text: string, weight: Weight, size: number, max: number): string;
};

/**
 * Embeds the fonts that `lines` need in each weight (every string the document will draw must be
 * among them) and returns synchronous measuring and drawing for them.
 */
export async function pdfText(pdf: PDFDocument, lines: Record<Weight, readonly string[]>): Promise<PdfText> {
  await loadFontkit();
  pdf.registerFontkit(sharedFontkit as typeof Fontkit);
  const embedded = new Map<string, PDFFont>();
  for (const weight of ["regular", "bold"] as const) {
    const covers = coverage(weight);
    const needed = new Set(lines[weight].flatMap((l) => splitRuns(l, covers).map((r) => r.face)));
    needed.add(0);
    for (const i of needed) {
      const file = CHAINS[weight][i];
      if (!embedded.has(file)) embedded.set(file, await pdf.embedFont(face(file).bytes, { subset: true }));
    }
  }
  const runs = (text: string, weight: Weight): (TextRun & { font: PDFFont })[] =>
    splitRuns(text, coverage(weight)).map((r) => {
      const font = embedded.get(CHAINS[weight][r.face]);
      if (!font) throw new Error(`PDF text not declared up front: ${text}`);
      return { ...r, font };
    });
  const width = (text: string, weight: Weight, size: number) => runs(text, weight).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  return {
    width,
    draw(page, text, weight, { x, y, size, color }) {
      let at = x;
      for (const r of runs(text, weight)) {
        page.drawText(r.text, { x: at, y, size, font: r.font, color });
        at += r.font.widthOfTextAtSize(r.text, size);
      }
    },
    fit(text, weight, size, max) {
      if (width(text, weight, size) <= max) return text;
      const chars = [...text];
      while (chars.length > 1 && width(`${chars.join("")}…`, weight, size) > max) chars.pop();
      return `${chars.join("").trimEnd()}…`;
    },
  };
}
