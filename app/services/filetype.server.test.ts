import fc from "fast-check";
import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { FILE_KIND_INFO, UPLOAD_KINDS, checkUpload, listZipEntries, sniffFileType, type FileKind } from "./filetype";

// ---------------------------------------------------------------------------
// Real sample files
// ---------------------------------------------------------------------------

const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

function minimalPdf(): Uint8Array {
  const objects = [
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n",
  ];
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (const obj of objects) {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += obj;
  }
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

const PDF = minimalPdf();
// 1×1 images produced by real encoders.
const PNG = b64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
const GIF = b64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
const WEBP = b64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
const JPEG = concat(
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  strToU8("JFIF\0"),
  new Uint8Array([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
);

const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
const CONTENT_TYPES = xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
const RELS = xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');

const zip = (files: Zippable) => zipSync(files, { level: 6, mtime: new Date("2024-08-17T00:00:00Z") });

const ZIP = zip({ "README.md": strToU8("# Tim Garuda\n"), "src/index.ts": strToU8("export {};\n") });
const PPTX = zip({
  "[Content_Types].xml": CONTENT_TYPES,
  "_rels/.rels": RELS,
  "ppt/presentation.xml": xml("<p:presentation/>"),
  "ppt/slides/slide1.xml": xml("<p:sld/>"),
});
const DOCX = zip({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "word/document.xml": xml("<w:document/>") });
const XLSX = zip({ "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": xml("<workbook/>") });
const EMPTY_ZIP = zipSync({});

function eocdOffset(z: Uint8Array): number {
  for (let i = z.length - 22; i >= 0; i--) {
    if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 0x05 && z[i + 3] === 0x06) return i;
  }
  throw new Error("no eocd");
}

function withArchiveComment(z: Uint8Array, comment: Uint8Array): Uint8Array {
  const out = concat(z, comment);
  new DataView(out.buffer).setUint16(eocdOffset(z) + 20, comment.length, true);
  return out;
}

// An EOCD claiming one entry at offset 0, with a 3-byte comment, so it does
// not line up with the end of the file it is embedded in.
const FAKE_EOCD = (() => {
  const v = new DataView(new ArrayBuffer(22));
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, 1, true);
  v.setUint16(10, 1, true);
  v.setUint32(12, 46, true);
  v.setUint16(20, 3, true);
  return new Uint8Array(v.buffer);
})();

function patchEocd(z: Uint8Array, patch: (view: DataView, eocd: number) => void): Uint8Array {
  const out = z.slice();
  patch(new DataView(out.buffer), eocdOffset(out));
  return out;
}

/** Rewrites a ZIP so its central directory is only reachable via ZIP64 records. */
function toZip64(z: Uint8Array): Uint8Array {
  const eocd = eocdOffset(z);
  const src = new DataView(z.buffer, z.byteOffset, z.byteLength);
  const entries = src.getUint16(eocd + 10, true);
  const size = src.getUint32(eocd + 12, true);
  const offset = src.getUint32(eocd + 16, true);
  const head = z.subarray(0, eocd);
  const rec = new DataView(new ArrayBuffer(56));
  rec.setUint32(0, 0x06064b50, true);
  rec.setBigUint64(4, 44n, true);
  rec.setUint16(12, 45, true);
  rec.setUint16(14, 45, true);
  rec.setBigUint64(24, BigInt(entries), true);
  rec.setBigUint64(32, BigInt(entries), true);
  rec.setBigUint64(40, BigInt(size), true);
  rec.setBigUint64(48, BigInt(offset), true);
  const loc = new DataView(new ArrayBuffer(20));
  loc.setUint32(0, 0x07064b50, true);
  loc.setBigUint64(8, BigInt(head.length), true);
  loc.setUint32(16, 1, true);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 0xffff, true);
  end.setUint16(10, 0xffff, true);
  end.setUint32(12, 0xffffffff, true);
  end.setUint32(16, 0xffffffff, true);
  return concat(head, new Uint8Array(rec.buffer), new Uint8Array(loc.buffer), new Uint8Array(end.buffer));
}

// ---------------------------------------------------------------------------

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
    ["pptx with archive comment", withArchiveComment(PPTX, strToU8("dibuat oleh KIM")), "pptx"],
    ["pptx whose comment contains a fake EOCD", withArchiveComment(PPTX, concat(FAKE_EOCD, strToU8("xyzab"))), "pptx"],
    ["zip64 pptx", toZip64(PPTX), "pptx"],
    ["zip64 plain zip", toZip64(ZIP), "zip"],
  ])("%s", (_name, bytes, kind) => {
    expect(sniffFileType(bytes)).toBe(kind);
  });

  it("sanity: the empty archive is the 22-byte EOCD form", () => {
    expect(EMPTY_ZIP.length).toBe(22);
    expect(Array.from(EMPTY_ZIP.subarray(0, 4))).toEqual([0x50, 0x4b, 0x05, 0x06]);
  });

  it("lists central directory names", () => {
    expect(listZipEntries(PPTX)).toEqual(["[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml"]);
    expect(listZipEntries(toZip64(PPTX))).toEqual(listZipEntries(PPTX));
    expect(listZipEntries(EMPTY_ZIP)).toEqual([]);
    expect(listZipEntries(PNG)).toBeNull();
  });
});

describe("sniffFileType — hostile and broken input", () => {
  it.each<[string, Uint8Array, FileKind | null]>([
    ["zero bytes", new Uint8Array(0), null],
    ["html", strToU8("<!doctype html><script>alert(1)</script>"), null],
    ["pdf magic only at offset 10", concat(strToU8("<html>\n<!--"), PDF), null],
    ["pdf magic after a BOM", concat(new Uint8Array([0xef, 0xbb, 0xbf]), PDF), null],
    ["%PDF without version", strToU8("%PDF-x.y\n"), null],
    ["truncated pdf header", strToU8("%PDF"), null],
    ["png signature only", PNG.subarray(0, 8), null],
    ["png truncated before IHDR", PNG.subarray(0, 14), null],
    ["jpeg two bytes", new Uint8Array([0xff, 0xd8]), null],
    ["riff without webp", concat(strToU8("RIFF\x10\0\0\0WAVEfmt "), new Uint8Array(16)), null],
    ["webp header only", WEBP.subarray(0, 12), null],
    ["gif truncated", strToU8("GIF8"), null],
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
  ])("%s", (_name, bytes, kind) => {
    expect(sniffFileType(bytes)).toBe(kind);
  });

  it.each<[string, Zippable]>([
    ["no ppt/ entries", { "[Content_Types].xml": CONTENT_TYPES, "slides/slide1.xml": xml("<x/>") }],
    ["marker only in file content", { "notes.txt": strToU8("ppt/presentation.xml word/document.xml") }],
    ["marker in a nested path", { "backup/ppt/presentation.xml": xml("<p/>") }],
    ["marker with a suffix", { "ppt/presentation.xml.bak": xml("<p/>") }],
    ["marker differing in case", { "PPT/Presentation.xml": xml("<p/>") }],
    ["two office markers", { "ppt/presentation.xml": xml("<p/>"), "word/document.xml": xml("<w/>") }],
  ])("zip with %s is a plain zip", (_name, files) => {
    expect(sniffFileType(zip(files))).toBe("zip");
  });

  it("never throws and only returns known kinds on arbitrary bytes", () => {
    const kinds = new Set<FileKind | null>([...Object.keys(FILE_KIND_INFO), null] as Array<FileKind | null>);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(kinds.has(sniffFileType(bytes))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on truncations or byte flips of real archives", () => {
    const samples = [PPTX, DOCX, XLSX, ZIP, toZip64(PPTX)];
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (sample, cut, flipAt, flipTo) => {
          const truncated = sample.subarray(0, cut % (sample.length + 1));
          sniffFileType(truncated);
          const flipped = sample.slice();
          flipped[flipAt % flipped.length] = flipTo;
          sniffFileType(flipped);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("checkUpload", () => {
  const attachments = UPLOAD_KINDS.attachments;

  it("accepts matching files and returns canonical ext/mime", () => {
    expect(checkUpload({ bytes: PDF, declaredName: "Proposal Tim.PDF", declaredMime: "application/pdf", ...UPLOAD_KINDS.proposal })).toEqual({
      ok: true,
      kind: "pdf",
      ext: "pdf",
      mime: "application/pdf",
    });
    expect(checkUpload({ bytes: JPEG, declaredName: "poster.jpeg", declaredMime: "image/jpeg", ...UPLOAD_KINDS.image })).toEqual({
      ok: true,
      kind: "jpeg",
      ext: "jpg",
      mime: "image/jpeg",
    });
    expect(checkUpload({ bytes: PPTX, declaredName: "pitch-deck.pptx", declaredMime: FILE_KIND_INFO.pptx.mime, ...attachments })).toEqual({
      ok: true,
      kind: "pptx",
      ext: "pptx",
      mime: FILE_KIND_INFO.pptx.mime,
    });
    expect(checkUpload({ bytes: ZIP, declaredName: "source.zip", declaredMime: "application/x-zip-compressed", ...attachments })).toMatchObject({
      ok: true,
      kind: "zip",
    });
    expect(checkUpload({ bytes: WEBP, declaredName: "cover.webp", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "webp" });
  });

  it("lets unknown names and generic MIME types defer to content", () => {
    expect(checkUpload({ bytes: PNG, declaredName: "blob", declaredMime: "application/octet-stream", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
    expect(checkUpload({ bytes: PNG, declaredName: null, declaredMime: null, ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
    expect(checkUpload({ bytes: PNG, declaredName: ".png", ...UPLOAD_KINDS.image })).toMatchObject({ ok: true, kind: "png" });
  });

  it("treats an Office file named .zip as a zip", () => {
    expect(checkUpload({ bytes: PPTX, declaredName: "deck.zip", ...attachments })).toMatchObject({ ok: true, kind: "zip", ext: "zip" });
    expect(checkUpload({ bytes: PPTX, declaredName: "deck.pptx", declaredMime: "application/zip", ...attachments })).toMatchObject({ ok: true, kind: "pptx" });
  });

  it("flags content_mismatch", () => {
    const html = strToU8("<html><script>alert(document.cookie)</script></html>");
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
      expect(checkUpload({ bytes, declaredName, declaredMime, ...attachments }), `${declaredName} ${declaredMime}`).toEqual({
        ok: false,
        code: "content_mismatch",
      });
    }
  });

  it("flags type_not_allowed", () => {
    expect(checkUpload({ bytes: GIF, declaredName: "anim.gif", ...UPLOAD_KINDS.image })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(checkUpload({ bytes: DOCX, declaredName: "essay.docx", ...attachments })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(checkUpload({ bytes: PNG, declaredName: "x.png", ...UPLOAD_KINDS.proposal })).toEqual({ ok: false, code: "type_not_allowed" });
    expect(checkUpload({ bytes: strToU8("hello"), declaredName: "notes.txt", declaredMime: "text/plain", ...attachments })).toEqual({
      ok: false,
      code: "type_not_allowed",
    });
    expect(checkUpload({ bytes: PPTX, declaredName: "deck.zip", allowed: ["pptx"], maxBytes: 1e6 })).toEqual({ ok: false, code: "type_not_allowed" });
  });

  it("flags empty and too_large before looking at content", () => {
    expect(checkUpload({ bytes: new Uint8Array(0), declaredName: "x.pdf", ...attachments })).toEqual({ ok: false, code: "empty" });
    expect(checkUpload({ bytes: PDF, declaredName: "x.pdf", allowed: ["pdf"], maxBytes: PDF.length - 1 })).toEqual({ ok: false, code: "too_large" });
    expect(checkUpload({ bytes: PDF, declaredName: "x.pdf", allowed: ["pdf"], maxBytes: PDF.length })).toMatchObject({ ok: true });
    const big = new Uint8Array(UPLOAD_KINDS.image.maxBytes + 1);
    big.set(PNG);
    expect(checkUpload({ bytes: big, declaredName: "huge.png", ...UPLOAD_KINDS.image })).toEqual({ ok: false, code: "too_large" });
  });

  it("has the documented presets", () => {
    expect(UPLOAD_KINDS.attachments).toEqual({ allowed: ["pdf", "pptx", "png", "jpeg", "webp", "zip"], maxBytes: 20 * 1024 * 1024 });
    expect(UPLOAD_KINDS.image).toEqual({ allowed: ["png", "jpeg", "webp"], maxBytes: 5 * 1024 * 1024 });
    expect(UPLOAD_KINDS.proposal).toEqual({ allowed: ["pdf"], maxBytes: 10 * 1024 * 1024 });
  });

  it("only ever accepts an allowed kind whose content sniffs compatibly", () => {
    const samples: Uint8Array[] = [PDF, PNG, JPEG, WEBP, GIF, ZIP, PPTX, DOCX, XLSX, strToU8("<html>")];
    const names = ["a.pdf", "a.png", "a.jpg", "a.webp", "a.gif", "a.zip", "a.pptx", "a.docx", "a.xlsx", "a.html", "a", "a.txt"];
    const kinds = Object.keys(FILE_KIND_INFO) as FileKind[];
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.constantFrom(...names),
        fc.subarray(kinds),
        (bytes, declaredName, allowed) => {
          const result = checkUpload({ bytes, declaredName, allowed, maxBytes: 1e6 });
          if (result.ok) {
            expect(allowed).toContain(result.kind);
            const sniffed = sniffFileType(bytes);
            expect(sniffed === result.kind || (result.kind === "zip" && sniffed !== null)).toBe(true);
            expect(result.ext).toBe(FILE_KIND_INFO[result.kind].ext);
          }
        },
      ),
    );
  });
});
