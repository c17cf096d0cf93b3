// Numbers as each language writes them: Indonesian uses a decimal comma and a thousands dot
// (60,21; 1.250), English the other way round. A dash stands for "no value".
export function formatNumber(x: number | null | undefined, lang: string, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** As many decimals as the value needs, up to `maxDigits` (weights, percentages): 12,5 · 20. */
export function formatDecimal(x: number | null | undefined, lang: string, maxDigits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: 0, maximumFractionDigits: maxDigits }).format(x);
}
