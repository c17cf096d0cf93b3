// Real sample files and damaged archives for the upload checks (app/domain/filetype.test.ts,
// app/services/filetype.server.test.ts).
import { strToU8, zipSync, type Zippable } from "fflate";

export const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));
export const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

export function minimalPdf(): Uint8Array {
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

export const PDF = minimalPdf();
// 1×1 images produced by real encoders.
export const PNG = b64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
export const GIF = b64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
export const WEBP = b64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
export const JPEG = concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), strToU8("JFIF\0"), new Uint8Array([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]));

export const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
// Every Office file names its main part in [Content_Types].xml; that is what the detector reads.
const contentTypes = (main?: { part: string; type: string }) =>
  xml(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${
      main ? `<Override PartName="${main.part}" ContentType="application/vnd.openxmlformats-officedocument.${main.type}.main+xml"/>` : ""
    }</Types>`,
  );
export const CONTENT_TYPES = contentTypes();
export const RELS = xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');

export const zip = (files: Zippable) => zipSync(files, { level: 6, mtime: new Date("2024-08-17T00:00:00Z") });

export const ZIP = zip({ "README.md": strToU8("# Tim Garuda\n"), "src/index.ts": strToU8("export {};\n") });
export const PPTX = zip({
  "[Content_Types].xml": contentTypes({ part: "/ppt/presentation.xml", type: "presentationml.presentation" }),
  "_rels/.rels": RELS,
  "ppt/presentation.xml": xml("<p:presentation/>"),
  "ppt/slides/slide1.xml": xml("<p:sld/>"),
});
export const DOCX = zip({ "[Content_Types].xml": contentTypes({ part: "/word/document.xml", type: "wordprocessingml.document" }), "_rels/.rels": RELS, "word/document.xml": xml("<w:document/>") });
export const XLSX = zip({ "[Content_Types].xml": contentTypes({ part: "/xl/workbook.xml", type: "spreadsheetml.sheet" }), "_rels/.rels": RELS, "xl/workbook.xml": xml("<workbook/>") });
export const EMPTY_ZIP = zipSync({});

export function eocdOffset(z: Uint8Array): number {
  for (let i = z.length - 22; i >= 0; i--) {
    if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 0x05 && z[i + 3] === 0x06) return i;
  }
  throw new Error("no eocd");
}

export function withArchiveComment(z: Uint8Array, comment: Uint8Array): Uint8Array {
  const out = concat(z, comment);
  new DataView(out.buffer).setUint16(eocdOffset(z) + 20, comment.length, true);
  return out;
}

// An EOCD claiming one entry at offset 0, with a 3-byte comment, so it does
// not line up with the end of the file it is embedded in.
export const FAKE_EOCD = (() => {
  const v = new DataView(new ArrayBuffer(22));
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, 1, true);
  v.setUint16(10, 1, true);
  v.setUint32(12, 46, true);
  v.setUint16(20, 3, true);
  return new Uint8Array(v.buffer);
})();

export function patchEocd(z: Uint8Array, patch: (view: DataView, eocd: number) => void): Uint8Array {
  const out = z.slice();
  patch(new DataView(out.buffer), eocdOffset(out));
  return out;
}

/** Rewrites a ZIP so its central directory is only reachable via ZIP64 records. */
export function toZip64(z: Uint8Array): Uint8Array {
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

/** A Windows executable's DOS header ("MZ") and PE signature. */
export const EXE = (() => {
  const bytes = new Uint8Array(256);
  bytes.set(strToU8("MZ"), 0);
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set(strToU8("PE\0\0"), 0x80);
  return bytes;
})();

export const HTML = strToU8("<!doctype html><html><script>alert(document.cookie)</script></html>");

/** An OpenDocument text: a ZIP whose first entry, stored, is its "mimetype". */
export const ODT = zipSync(
  { mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": xml("<office:document-content/>") },
  { mtime: new Date("2024-08-17T00:00:00Z") },
);

/** The 1×1 PNG with an animation control chunk before its image data: an animated PNG. */
export const APNG = (() => {
  const acTL = new Uint8Array(20);
  const view = new DataView(acTL.buffer);
  view.setUint32(0, 8);
  acTL.set(strToU8("acTL"), 4);
  view.setUint32(8, 1);
  return concat(PNG.subarray(0, 33), acTL, PNG.subarray(33));
})();
