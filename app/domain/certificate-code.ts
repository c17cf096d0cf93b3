/**
 * Certificate codes people can read aloud and type: Crockford's base32 (no I, L, O or U, so no
 * 1/I/l or 0/O look-alikes), 16 symbols = 80 bits, written `KIM-7F3Q-9XK2-M4TB-0HZC`.
 * Reading one back is forgiving as Crockford intends: case, spaces and dashes do not matter,
 * O reads as 0 and I or L as 1.
 */

export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_SYMBOLS = 16;
/** Bytes of randomness a code is made from: 10 bytes = 80 bits = 16 symbols of 5 bits. */
export const CODE_BYTES = (CODE_SYMBOLS * 5) / 8;
const PREFIX = "KIM";

/** The code written from 10 random bytes. */
export function certificateCodeFrom(bytes: Uint8Array): string {
  if (bytes.length !== CODE_BYTES) throw new RangeError(`a certificate code needs ${CODE_BYTES} bytes`);
  let bits = 0;
  let value = 0;
  let symbols = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      symbols += CROCKFORD[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return format(symbols);
}

function format(symbols: string): string {
  return [PREFIX, ...(symbols.match(/.{4}/g) ?? [])].join("-");
}

// Hyphens as people type them, phones included (an autocorrected "--" becomes a dash).
const SEPARATORS = /[\s\-\u2010-\u2015\u2212_.]+/g;

/**
 * The code as stored, from what someone typed; null when it cannot be a code of this form (an
 * older certificate's code is then looked up exactly as written).
 */
export function normalizeCertificateCode(input: string): string | null {
  let text = input.normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
  if (text.length === PREFIX.length + CODE_SYMBOLS && /^K[I1L]M/.test(text)) text = text.slice(PREFIX.length);
  if (text.length !== CODE_SYMBOLS) return null;
  let symbols = "";
  for (const ch of text) {
    const read = ch === "O" ? "0" : ch === "I" || ch === "L" ? "1" : ch;
    if (!CROCKFORD.includes(read)) return null;
    symbols += read;
  }
  return format(symbols);
}
