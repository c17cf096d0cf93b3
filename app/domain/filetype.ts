/*
 * Content-based file type detection for uploads. The declared name and MIME
 * type come from the client and are only used to *reject* inconsistencies;
 * the stored kind/extension/MIME always come from the bytes themselves, so a
 * file is never served with a type the attacker chose.
 *
 * `sniffFileType` expects the whole file: OOXML detection needs the ZIP
 * central directory, which lives at the end.
 */

export type FileKind = "pdf" | "png" | "jpeg" | "webp" | "gif" | "zip" | "pptx" | "docx" | "xlsx";

export const FILE_KIND_INFO: Readonly<Record<FileKind, { readonly ext: string; readonly mime: string }>> = {
  pdf: { ext: "pdf", mime: "application/pdf" },
  png: { ext: "png", mime: "image/png" },
  jpeg: { ext: "jpg", mime: "image/jpeg" },
  webp: { ext: "webp", mime: "image/webp" },
  gif: { ext: "gif", mime: "image/gif" },
  zip: { ext: "zip", mime: "application/zip" },
  pptx: { ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  docx: { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
};

const MIB = 1024 * 1024;

export interface UploadPolicy {
  readonly allowed: readonly FileKind[];
  readonly maxBytes: number;
}

export const UPLOAD_KINDS = {
  /** Submission attachments: decks, screenshots, source archives. */
  attachments: { allowed: ["pdf", "pptx", "png", "jpeg", "webp", "zip"], maxBytes: 20 * MIB },
  /** Event covers, logos, posters, avatars. */
  image: { allowed: ["png", "jpeg", "webp"], maxBytes: 5 * MIB },
  /** Proposal documents. */
  proposal: { allowed: ["pdf"], maxBytes: 10 * MIB },
} as const satisfies Record<string, UploadPolicy>;

export type UploadCheckInput = {
  bytes: Uint8Array;
  declaredName?: string | null | undefined;
  declaredMime?: string | null | undefined;
  allowed: readonly FileKind[];
  maxBytes: number;
};

export type UploadCheckError = "too_large" | "empty" | "type_not_allowed" | "content_mismatch";

export type UploadCheckResult =
  | { ok: true; kind: FileKind; ext: string; mime: string }
  | { ok: false; code: UploadCheckError };

// ---------------------------------------------------------------------------
// Byte helpers. All reads are bounds-checked: inputs are untrusted and may be
// truncated anywhere.
// ---------------------------------------------------------------------------

function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) {
    if (bytes[offset + i] !== expected[i]) return false;
  }
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

function u16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (u16(bytes, offset) + u16(bytes, offset + 2) * 0x10000) >>> 0;
}

/** Little-endian u64 as a number, or null if it exceeds what we can address. */
function u64(bytes: Uint8Array, offset: number): number | null {
  const high = u32(bytes, offset + 4);
  if (high > 0x1fffff) return null;
  return high * 0x1_0000_0000 + u32(bytes, offset);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EOCD = [0x50, 0x4b, 0x05, 0x06];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP64_EOCD = [0x50, 0x4b, 0x06, 0x06];
const ZIP64_LOCATOR = [0x50, 0x4b, 0x06, 0x07];

const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;

// ---------------------------------------------------------------------------
// ZIP central directory
// ---------------------------------------------------------------------------

interface CentralDirectory {
  offset: number;
  size: number;
  entries: number;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number | null {
  // The EOCD is followed only by its own comment, so scan backwards over at
  // most 64 KiB and accept a signature whose comment length ends the file
  // exactly; a "PK\x05\x06" inside the comment itself will not line up.
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (hasBytes(bytes, i, ZIP_EOCD) && i + EOCD_SIZE + u16(bytes, i + 20) === bytes.length) return i;
  }
  return null;
}

function readCentralDirectory(bytes: Uint8Array): CentralDirectory | null {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd === null) return null;

  const disk = u16(bytes, eocd + 4);
  const cdDisk = u16(bytes, eocd + 6);
  let entriesOnDisk = u16(bytes, eocd + 8);
  let entries = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  let end = eocd;

  if (entries === 0xffff || entriesOnDisk === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (!hasBytes(bytes, locator, ZIP64_LOCATOR)) return null;
    const zip64 = u64(bytes, locator + 8);
    if (zip64 === null || !hasBytes(bytes, zip64, ZIP64_EOCD) || zip64 + 56 > locator) return null;
    const e64OnDisk = u64(bytes, zip64 + 24);
    const e64 = u64(bytes, zip64 + 32);
    const s64 = u64(bytes, zip64 + 40);
    const o64 = u64(bytes, zip64 + 48);
    if (e64OnDisk === null || e64 === null || s64 === null || o64 === null) return null;
    entriesOnDisk = e64OnDisk;
    entries = e64;
    size = s64;
    offset = o64;
    end = zip64;
  } else if (disk !== 0 || cdDisk !== 0) {
    // Multi-volume archives cannot be read from a single upload.
    return null;
  }

  if (entriesOnDisk !== entries) return null;
  if (offset + size > end) return null;
  // Each entry needs at least a fixed header; rejects absurd counts up front.
  if (entries * CENTRAL_HEADER_SIZE > size) return null;
  return { offset, size, entries };
}

/** File names from the central directory, or null if it is malformed. */
export function listZipEntries(bytes: Uint8Array): string[] | null {
  const cd = readCentralDirectory(bytes);
  if (cd === null) return null;
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const end = cd.offset + cd.size;
  let pos = cd.offset;
  for (let i = 0; i < cd.entries; i++) {
    if (pos + CENTRAL_HEADER_SIZE > end || !hasBytes(bytes, pos, ZIP_CENTRAL)) return null;
    const nameLength = u16(bytes, pos + 28);
    const extraLength = u16(bytes, pos + 30);
    const commentLength = u16(bytes, pos + 32);
    const nameStart = pos + CENTRAL_HEADER_SIZE;
    const next = nameStart + nameLength + extraLength + commentLength;
    if (next > end) return null;
    names.push(decoder.decode(bytes.subarray(nameStart, nameStart + nameLength)));
    pos = next;
  }
  return names;
}

const OOXML_MARKERS: ReadonlyArray<readonly [string, FileKind]> = [
  ["ppt/presentation.xml", "pptx"],
  ["word/document.xml", "docx"],
  ["xl/workbook.xml", "xlsx"],
];

function classifyZip(bytes: Uint8Array): FileKind | null {
  const names = listZipEntries(bytes);
  if (names === null) return null;
  const found = new Set<FileKind>();
  for (const name of names) {
    for (const [marker, kind] of OOXML_MARKERS) if (name === marker) found.add(kind);
  }
  // An archive that looks like two Office formats at once is not a valid
  // document of either; treat it as a plain archive.
  if (found.size === 1) return [...found][0] ?? "zip";
  return "zip";
}

// ---------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

export function sniffFileType(bytes: Uint8Array): FileKind | null {
  // "%PDF-1.x": the header must be at offset 0. Readers tolerate leading junk,
  // which is exactly how HTML/PDF polyglots are built, so we do not.
  if (hasBytes(bytes, 0, ascii("%PDF-")) && isDigit(bytes[5]) && bytes[6] === 0x2e && isDigit(bytes[7])) return "pdf";
  // The IHDR chunk is mandatory and always first.
  if (hasBytes(bytes, 0, PNG_SIGNATURE) && hasBytes(bytes, 12, ascii("IHDR"))) return "png";
  if (hasBytes(bytes, 0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (
    hasBytes(bytes, 0, ascii("RIFF")) &&
    hasBytes(bytes, 8, ascii("WEBP")) &&
    (hasBytes(bytes, 12, ascii("VP8 ")) || hasBytes(bytes, 12, ascii("VP8L")) || hasBytes(bytes, 12, ascii("VP8X")))
  ) {
    return "webp";
  }
  if (hasBytes(bytes, 0, ascii("GIF87a")) || hasBytes(bytes, 0, ascii("GIF89a"))) return "gif";
  // A ZIP must also have a readable central directory: a truncated or
  // corrupt archive is not accepted as one.
  if (hasBytes(bytes, 0, ZIP_LOCAL) || hasBytes(bytes, 0, ZIP_EOCD)) return classifyZip(bytes);
  return null;
}

// ---------------------------------------------------------------------------
// Upload policy
// ---------------------------------------------------------------------------

const EXTENSION_CLAIMS: Readonly<Record<string, FileKind>> = {
  pdf: "pdf",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  jpe: "jpeg",
  jfif: "jpeg",
  webp: "webp",
  gif: "gif",
  zip: "zip",
  pptx: "pptx",
  docx: "docx",
  xlsx: "xlsx",
};

const MIME_CLAIMS: Readonly<Record<string, FileKind>> = {
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/pjpeg": "jpeg",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/zip": "zip",
  "application/x-zip": "zip",
  "application/x-zip-compressed": "zip",
  [FILE_KIND_INFO.pptx.mime]: "pptx",
  [FILE_KIND_INFO.docx.mime]: "docx",
  [FILE_KIND_INFO.xlsx.mime]: "xlsx",
};

const OOXML_KINDS: ReadonlySet<FileKind> = new Set(["pptx", "docx", "xlsx"]);

function extensionClaim(name: string | null | undefined): FileKind | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return null;
  return EXTENSION_CLAIMS[base.slice(dot + 1).trim().toLowerCase()] ?? null;
}

function mimeClaim(mime: string | null | undefined): FileKind | null {
  if (!mime) return null;
  const essence = mime.split(";")[0]?.trim().toLowerCase() ?? "";
  return MIME_CLAIMS[essence] ?? null;
}

function claimMatches(claim: FileKind, actual: FileKind): boolean {
  // Every OOXML file *is* a ZIP, so "zip" is an honest claim for one.
  return claim === actual || (claim === "zip" && OOXML_KINDS.has(actual));
}

/**
 * Validates an upload against a policy.
 *
 * - Extensions/MIME types we do not know (".txt", "application/octet-stream",
 *   no extension) make no claim; the content alone decides.
 * - A known claim that the content contradicts is `content_mismatch`,
 *   including content we cannot identify at all (HTML named ".pdf").
 * - An Office file uploaded as ".zip" is accepted as a zip, honouring what the
 *   user said they were uploading.
 * - The returned ext/mime are canonical for the detected kind and should be
 *   used for storage and serving, never the declared ones.
 */
export function checkUpload(input: UploadCheckInput): UploadCheckResult {
  const { bytes, allowed, maxBytes } = input;
  if (bytes.length === 0) return { ok: false, code: "empty" };
  if (bytes.length > maxBytes) return { ok: false, code: "too_large" };

  const sniffed = sniffFileType(bytes);
  const claims = [extensionClaim(input.declaredName), mimeClaim(input.declaredMime)].filter(
    (claim): claim is FileKind => claim !== null,
  );

  if (sniffed === null) {
    return { ok: false, code: claims.length > 0 ? "content_mismatch" : "type_not_allowed" };
  }
  if (claims.some((claim) => !claimMatches(claim, sniffed))) return { ok: false, code: "content_mismatch" };

  const kind: FileKind = extensionClaim(input.declaredName) === "zip" ? "zip" : sniffed;
  if (!allowed.includes(kind)) return { ok: false, code: "type_not_allowed" };
  return { ok: true, kind, ...FILE_KIND_INFO[kind] };
}
