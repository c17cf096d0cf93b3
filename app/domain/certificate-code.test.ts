import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_BYTES, CROCKFORD, certificateCodeFrom, normalizeCertificateCode } from "./certificate-code";

const SHAPE = /^KIM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe("certificate codes", () => {
  it("writes 80 bits as 16 Crockford symbols in groups of four", () => {
    expect(certificateCodeFrom(new Uint8Array(CODE_BYTES))).toBe("KIM-0000-0000-0000-0000");
    expect(certificateCodeFrom(new Uint8Array(CODE_BYTES).fill(255))).toBe("KIM-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    // 00001 00010 00011 … 10000: the symbols of the values 1 to 16.
    const bytes = Uint8Array.from([0x08, 0x86, 0x42, 0x98, 0xe8, 0x4a, 0x96, 0xc6, 0xb9, 0xf0]);
    expect(certificateCodeFrom(bytes)).toBe("KIM-1234-5678-9ABC-DEFG");
    expect(() => certificateCodeFrom(new Uint8Array(9))).toThrow(RangeError);
  });

  it("never uses a look-alike letter", () => {
    expect(CROCKFORD).toHaveLength(32);
    for (const ch of "ILOU") expect(CROCKFORD).not.toContain(ch);
    fc.assert(fc.property(fc.uint8Array({ minLength: CODE_BYTES, maxLength: CODE_BYTES }), (bytes) => SHAPE.test(certificateCodeFrom(bytes))));
  });

  it("reads back what people type: any case, spaces and dashes, O for 0, I and L for 1, with or without the prefix", () => {
    const code = "KIM-1234-5678-9ABC-DEF0";
    expect(normalizeCertificateCode(code)).toBe(code);
    expect(normalizeCertificateCode("kim-1234-5678-9abc-def0")).toBe(code);
    expect(normalizeCertificateCode("  kim 1234 5678 9abc def0 ")).toBe(code);
    expect(normalizeCertificateCode("12345678 9ABCDEF0")).toBe(code);
    expect(normalizeCertificateCode("kim—l234–5678-9abc-defo")).toBe(code);
    expect(normalizeCertificateCode("K1M-I234-5678-9ABC-DEFO")).toBe(code);
  });

  it("refuses what cannot be a code: wrong length, U, other symbols", () => {
    for (const bad of ["", "KIM", "KIM-1234-5678-9ABC", "KIM-1234-5678-9ABC-DEF0-1", "KIM-1234-5678-9ABC-DEFU", "KIM-1234-5678-9ABC-DEF!", "ABC-1234-5678-9ABC-DEF0"]) {
      expect(normalizeCertificateCode(bad), bad).toBeNull();
    }
  });

  it("round-trips every code through lower case and stray separators", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: CODE_BYTES, maxLength: CODE_BYTES }), fc.constantFrom(" ", "-", "", " - "), (bytes, sep) => {
        const code = certificateCodeFrom(bytes);
        const typed = code.toLowerCase().split("-").join(sep);
        return normalizeCertificateCode(typed) === code;
      }),
    );
  });
});
