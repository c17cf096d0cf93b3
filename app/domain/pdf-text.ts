/**
 * Text for PDFs drawn with the 14 standard fonts, which only encode WinAnsi
 * (Windows-1252). Anything outside it would make pdf-lib throw, so it is
 * folded to the closest Latin form ("é" stays, "ā" → "a", "—" → "-") and what
 * cannot be folded becomes "?".
 */
const REPLACEMENTS: Record<string, string> = {
  "\u2014": "-",
  "\u2013": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2026": "...",
  "\u2022": "*",
  "\u00A0": " ",
  "\u2009": " ",
  "\u202F": " ",
  "\u2192": "->",
  "\u2190": "<-",
  "\u00B7": "-",
};

export function toWinAnsi(input: string): string {
  let out = "";
  for (const ch of input) {
    const replaced = REPLACEMENTS[ch];
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x09) {
      out += " ";
      continue;
    }
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa1 && code <= 0xff)) {
      out += ch;
      continue;
    }
    // Strip accents that are not in Latin-1 (e.g. "ā", "ș") and keep the base letter.
    const folded = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += [...folded].every((c) => {
      const k = c.codePointAt(0) ?? 0;
      return (k >= 0x20 && k < 0x7f) || (k >= 0xa1 && k <= 0xff);
    })
      ? folded
      : "?";
  }
  return out;
}
