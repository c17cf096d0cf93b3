import fc from "fast-check";
import { strToU8, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { FILE_KIND_INFO, UPLOAD_KINDS, type FileKind } from "~/domain/filetype";
import {
  APNG,
  concat,
  CONTENT_TYPES,
  DOCX,
  EMPTY_ZIP,
  EXE,
  FAKE_EOCD,
  GIF,
  HTML,
  JPEG,
  ODT,
  patchEocd,
  PDF,
  PNG,
  PPTX,
  toZip64,
  WEBP,
  withArchiveComment,
  xml,
  XLSX,
  zip,
  ZIP,
} from "~/test/upload-samples";
import { checkUpload, sniffFileType } from "./filetype.server";

// Content sniffing through the `file-type` package and the pure rules of app/domain/filetype.ts.

describe("sniffFileType — real files", () => {
  it.each<[string, Uint8Array, FileKind]>([
    ["pdf", PDF, "pdf"],
    ["png", PNG, "png"],
    ["jpeg", JPEG, "jpeg"],
    ["webp", WEBP, "webp"],
    ["gif87a", concat(strToU8("GIF87a"), GIF.subarray(6)), "gif"],
    ["gif89a", GIF, "gif"],
    ["zip", ZIP, "zip"],
    ["empty zip", EMPTY_ZIP, "zip"],
    ["pptx", PPTX, "pptx"],
    ["docx", DOCX, "docx"],
    ["xlsx", XLSX, "xlsx"],
    ["apng", APNG, "png"],
    ["odt (another zip-based format)", ODT, "zip"],
    ["pptx with archive comment", withArchiveComment(PPTX, strToU8("dibuat oleh KIM")), "pptx"],
    ["pptx whose comment contains a fake EOCD", withArchiveComment(PPTX, concat(FAKE_EOCD, strToU8("xyzab"))), "pptx"],
    ["zip64 pptx", toZip64(PPTX), "pptx"],
    ["zip64 plain zip", toZip64(ZIP), "zip"],
  ])("%s", async (_name, bytes, kind) => {
    expect(await sniffFileType(bytes)).toBe(kind);
  });

  it("sanity: the empty archive is the 22-byte EOCD form", async () => {
    expect(EMPTY_ZIP.length).toBe(22);
    expect(Array.from(EMPTY_ZIP.subarray(0, 4))).toEqual([0x50, 0x4b, 0x05, 0x06]);
  });
});

describe("sniffFileType — hostile and broken input", () => {
  it.each<[string, Uint8Array, FileKind | null]>([
    ["zero bytes", new Uint8Array(0), null],
    ["html", HTML, null],
    ["svg with a script", strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    ["windows executable", EXE, null],
    ["BOM in front of a png", concat(new Uint8Array([0xef, 0xbb, 0xbf]), PNG), null],
    ["pdf magic only at offset 10", concat(strToU8("<html>\n<!--"), PDF), null],
    ["pdf magic after a BOM", concat(new Uint8Array([0xef, 0xbb, 0xbf]), PDF), null],
    ["png signature only", PNG.subarray(0, 8), null],
    ["png truncated before IHDR", PNG.subarray(0, 14), null],
    ["jpeg two bytes", new Uint8Array([0xff, 0xd8]), null],
    ["riff without webp", concat(strToU8("RIFF\x10\0\0\0WAVEfmt "), new Uint8Array(16)), null],
    ["zip local header only", ZIP.subarray(0, 30), null],
    ["zip missing its last byte", ZIP.subarray(0, ZIP.length - 1), null],
    ["pptx cut in half", PPTX.subarray(0, Math.floor(PPTX.length / 2)), null],
    ["zip with trailing garbage", concat(ZIP, strToU8("garbage")), null],
    ["PK text", strToU8("PK\x03\x04 hello"), null],
    [
      "zip whose central directory is lying about its entry count",
      patchEocd(PPTX, (v, e) => {
        v.setUint16(e + 8, 9, true);
        v.setUint16(e + 10, 9, true);
      }),
      null,
    ],
    ["zip with directory offset past the end", patchEocd(PPTX, (v, e) => v.setUint32(e + 16, 0x7fffffff, true)), null],
    [
      "zip64 whose locator points at garbage",
      (() => {
        const z = toZip64(PPTX);
        const v = new DataView(z.buffer);
        v.setBigUint64(z.length - 22 - 20 + 8, 3n, true);
        return z;
      })(),
      null,
    ],
    ["multi-disk zip", patchEocd(ZIP, (v, e) => v.setUint16(e + 4, 1, true)), null],
    ["zip with 0xffff entries but no zip64 locator", patchEocd(ZIP, (v, e) => v.setUint16(e + 10, 0xffff, true)), null],
  ])("%s", async (_name, bytes, kind) => {
    expect(await sniffFileType(bytes)).toBe(kind);
  });

  it.each<[string, Zippable]>([
    ["no ppt/ entries", { "[Content_Types].xml": CONTENT_TYPES, "slides/slide1.xml": xml("<x/>") }],
    ["marker only in file content", { "notes.txt": strToU8("ppt/presentation.xml word/document.xml") }],
    ["marker in a nested path", { "backup/ppt/presentation.xml": xml("<p/>") }],
    ["marker with a suffix", { "ppt/presentation.xml.bak": xml("<p/>") }],
    ["marker differing in case", { "PPT/Presentation.xml": xml("<p/>") }],
    ["two office markers", { "ppt/presentation.xml": xml("<p/>"), "word/document.xml": xml("<w/>") }],
  ])("zip with %s is a plain zip", async (_name, files) => {
    expect(await sniffFileType(zip(files))).toBe("zip");
  });

  // The detector goes by the leading signature: a header cut short still names its type. Such a
  // file is stored and served as that type with nosniff, so it cannot act as anything else.
  it.each<[string, Uint8Array, FileKind]>([
    ["%PDF without version", strToU8("%PDF-x.y\n"), "pdf"],
    ["truncated pdf header", strToU8("%PDF"), "pdf"],
    ["webp header only", WEBP.subarray(0, 12), "webp"],
    ["gif truncated", strToU8("GIF8"), "gif"],
  ])("names a bare signature by its type: %s", async (_name, bytes, kind) => {
    expect(await sniffFileType(bytes)).toBe(kind);
  });

  it("never throws and only returns known kinds on arbitrary bytes", async () => {
    const kinds = new Set<FileKind | null>([...Object.keys(FILE_KIND_INFO), null] as Array<FileKind | null>);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        expect(kinds.has(await sniffFileType(bytes))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on truncations or byte flips of real archives", async () => {
    const samples = [PPTX, DOCX, XLSX, ZIP, toZip64(PPTX)];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), async (sample, cut, flipAt, flipTo) => {
        const truncated = sample.subarray(0, cut % (sample.length + 1));
        await sniffFileType(truncated);
        const flipped = sample.slice();
        flipped[flipAt % flipped.length] = flipTo;
        await sniffFileType(flipped);
      }),
      { numRuns: 300 },
    );
  });
});

describe("checkUpload", () => {
  const attachments = UPLOAD_KINDS.attachments;

  it("accepts matching files and returns canonical ext/mime", async () => {
    expect(await checkUpload({ bytes: PDF, declaredName: "Proposal Tim.PDF", declaredMime: "application/pdf", ...UPLOAD_KINDS.proposal })).toEqual({
      ok: true,
      kind: "pdf",
      ext: "pdf",
      mime: "application/pdf",
    });
    expect(await checkUpload({ bytes: JPEG, declaredName: "poster.jpeg", declaredMime: "image/jpeg", ...UPLOAD_KINDS.image })).toEqual({
      ok: true,
      kind: "jpeg",
      ext: "jpg",
      mime: "image/jpeg",
    });
    expect(await checkUpload({ bytes: PPTX, declaredName: "pitch-deck.pptx", declaredMime: FILE_KIND_INFO.pptx.mime, ...attachments })).toEqual({
      ok: true,
      kind: "pptx",
      ext: "pptx",
      mime: FILE_KIND_INFO.pptx.mime,
    });
    expect(await checkUpload({ bytes: ZIP, declaredName: "source.zip", declaredMime: "application/x-zip-compressed", ...attachments })).toMatchObject({
      ok: true,
      kind: "zip",
    });
    expect(await checkUpload({ bytes: WEBP, declaredName: "cover.webp", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "webp" });
  });

  it("lets unknown names and generic MIME types defer to content", async () => {
    expect(await checkUpload({ bytes: PNG, declaredName: "blob", declaredMime: "application/octet-stream", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
    expect(await checkUpload({ bytes: PNG, declaredName: null, declaredMime: null, ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
    expect(await checkUpload({ bytes: PNG, declaredName: ".png", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
  });

  it("treats an Office file named .zip as a zip", async () => {
    expect(await checkUpload({ bytes: PPTX, declaredName: "deck.zip", ...attachments })).toMatchObject({ ok: true, kind: "zip", ext: "zip" });
    expect(await checkUpload({ bytes: PPTX, declaredName: "deck.pptx", declaredMime: "application/zip", ...attachments })).toMatchObject({ ok: true, kind: "pptx" });
  });

  it("refuses disguised files", async () => {
    const cases: Array<[Uint8Array, string, string | undefined]> = [
      [EXE, "proposal.pdf", "application/pdf"],
      [EXE, "proposal.pdf", undefined],
      [HTML, "cover.png", "image/png"],
      [concat(PNG.subarray(0, 8), HTML), "cover.png", "image/png"],
      [EXE, "source.zip", "application/zip"],
    ];
    for (const [bytes, declaredName, declaredMime] of cases) {
      expect(await checkUpload({ bytes, declaredName, declaredMime, ...attachments }), declaredName).toEqual({ ok: false, code: "content_mismatch" });
    }
    expect(await checkUpload({ bytes: EXE, declaredName: "setup.exe", ...attachments })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(await checkUpload({ bytes: HTML, declaredName: null, declaredMime: null, ...UPLOAD_KINDS.image })).toEqual({ ok: false, code: "type_not_allowed" });
  });

  it("accepts another zip-based format named .zip as a zip", async () => {
    expect(await checkUpload({ bytes: ODT, declaredName: "laporan.zip", ...attachments })).toMatchObject({ ok: true, kind: "zip", ext: "zip" });
    expect(await checkUpload({ bytes: ODT, declaredName: "laporan.odt", ...attachments })).toMatchObject({ ok: true, kind: "zip" });
  });

  it("flags content_mismatch", async () => {
    const html = HTML;
    const cases: Array<[Uint8Array, string | undefined, string | undefined]> = [
      [html, "evil.pdf", "application/pdf"],
      [html, "evil.pdf", undefined],
      [html, "evil", "application/pdf"],
      [PNG, "proposal.pdf", undefined],
      [ZIP, "deck.pptx", undefined],
      [DOCX, "deck.pptx", undefined],
      [PDF, "deck.pptx", undefined],
      [PNG, "photo.png", "image/jpeg"],
      [concat(strToU8("<html>\n<!--"), PDF), "doc.pdf", undefined],
      [PPTX.subarray(0, PPTX.length - 10), "deck.pptx", undefined],
    ];
    for (const [bytes, declaredName, declaredMime] of cases) {
      expect(await checkUpload({ bytes, declaredName, declaredMime, ...attachments }), `${declaredName} ${declaredMime}`).toEqual({
        ok: false,
        code: "content_mismatch",
      });
    }
  });

  it("flags type_not_allowed", async () => {
    expect(await checkUpload({ bytes: GIF, declaredName: "anim.gif", ...UPLOAD_KINDS.image })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(await checkUpload({ bytes: DOCX, declaredName: "essay.docx", ...attachments })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(await checkUpload({ bytes: PNG, declaredName: "x.png", ...UPLOAD_KINDS.proposal })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(await checkUpload({ bytes: strToU8("hello"), declaredName: "notes.txt", declaredMime: "text/plain", ...attachments })).toEqual({
      ok: false,
      code: "type_not_allowed",
    });
    expect(await checkUpload({ bytes: PPTX, declaredName: "deck.zip", allowed: ["pptx"], maxBytes: 1e6 })).toEqual({ ok: false, code: "type_not_allowed" });
  });

  it("flags empty and too_large before looking at content", async () => {
    expect(await checkUpload({ bytes: new Uint8Array(0), declaredName: "x.pdf", ...attachments })).toEqual({ ok: false, code: "empty" });
    expect(await checkUpload({ bytes: PDF, declaredName: "x.pdf", allowed: ["pdf"], maxBytes: PDF.length - 1 })).toEqual({ ok: false, code: "too_large" });
    expect(await checkUpload({ bytes: PDF, declaredName: "x.pdf", allowed: ["pdf"], maxBytes: PDF.length })).toMatchObject({ ok: true });
    const big = new Uint8Array(UPLOAD_KINDS.image.maxBytes + 1);
    big.set(PNG);
    expect(await checkUpload({ bytes: big, declaredName: "huge.png", ...UPLOAD_KINDS.image })).toEqual({ ok: false, code: "too_large" });
  });

  it("has the documented presets", async () => {
    expect(UPLOAD_KINDS.attachments).toEqual({ allowed: ["pdf", "pptx", "png", "jpeg", "webp", "zip"], maxBytes: 20 * 1024 * 1024 });
    expect(UPLOAD_KINDS.image).toEqual({ allowed: ["png", "jpeg", "webp"], maxBytes: 5 * 1024 * 1024 });
    expect(UPLOAD_KINDS.proposal).toEqual({ allowed: ["pdf"], maxBytes: 10 * 1024 * 1024 });
  });

  it("only ever accepts an allowed kind whose content sniffs compatibly", async () => {
    const samples: Uint8Array[] = [PDF, PNG, JPEG, WEBP, GIF, ZIP, PPTX, DOCX, XLSX, strToU8("<html>")];
    const names = ["a.pdf", "a.png", "a.jpg", "a.webp", "a.gif", "a.zip", "a.pptx", "a.docx", "a.xlsx", "a.html", "a", "a.txt"];
    const kinds = Object.keys(FILE_KIND_INFO) as FileKind[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), fc.constantFrom(...names), fc.subarray(kinds), async (bytes, declaredName, allowed) => {
        const result = await checkUpload({ bytes, declaredName, allowed, maxBytes: 1e6 });
        if (result.ok) {
          expect(allowed).toContain(result.kind);
          const sniffed = await sniffFileType(bytes);
          expect(sniffed === result.kind || (result.kind === "zip" && sniffed !== null)).toBe(true);
          expect(result.ext).toBe(FILE_KIND_INFO[result.kind].ext);
        }
      }),
    );
  });
});
