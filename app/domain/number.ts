// Numbers as each language writes them: Indonesian uses a decimal comma and a thousands dot
// (60,21; 1.250), English the other way round. A dash stands for "no value".
//
// A formatter is built once per language and number of decimals, then reused: building an
// Intl.NumberFormat costs about thirty times as much as formatting with one, and a results page
// formats hundreds of numbers.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const locale = lang === "en" ? "en-GB" : "id-ID";
  const key = `${locale}|${minDigits}|${maxDigits}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formatters.set(key, fmt);
  }
  return fmt;
}

/** Exactly `digits` decimals (scores, means): 60,21 · 7,00. */
export function formatNumber(x: number | null | undefined, lang: string, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return formatter(lang, digits, digits).format(x);
}

/** As many decimals as the value needs, up to `maxDigits` (weights, percentages): 12,5 · 20. */
export function formatDecimal(x: number | null | undefined, lang: string, maxDigits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return formatter(lang, 0, maxDigits).format(x);
}
