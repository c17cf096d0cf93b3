/*
 * Upload file types. The content is identified by the `file-type` package (called in
 * app/services/filetype.server.ts, since it is asynchronous); this module holds the pure part:
 * which of its answers we accept, the ZIP integrity check it does not make, and the upload policy.
 * The declared name and MIME type come from the client and are only used to *reject*
 * inconsistencies; the stored kind/extension/MIME always come from the bytes themselves, so a file
 * is never served with a type the attacker chose.
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

export type UploadDecisionInput = Omit<UploadCheckInput, "bytes"> & {
  size: number;
  /** What the content is (`kindFromDetection`), null when it is none of our kinds. */
  sniffed: FileKind | null;
};

export type UploadCheckError = "too_large" | "empty" | "type_not_allowed" | "content_mismatch";

export type UploadCheckResult = { ok: true; kind: FileKind; ext: string; mime: string } | { ok: false; code: UploadCheckError };

// ---------------------------------------------------------------------------
// ZIP integrity. `file-type` reads a ZIP's local headers from the front and calls anything starting
// with "PK\x03\x04" a zip (or an Office file); it never reads the central directory at the end,
// which is what every unzipper reads. A truncated, padded or self-contradicting archive would be
// accepted and only fail for the judge who opens it, so the central directory is checked here.
// All reads are bounds-checked: inputs are untrusted and may be truncated anywhere.
// ---------------------------------------------------------------------------

function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) {
    if (bytes[offset + i] !== expected[i]) return false;
  }
  return true;
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

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EOCD = [0x50, 0x4b, 0x05, 0x06];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP64_EOCD = [0x50, 0x4b, 0x06, 0x06];
const ZIP64_LOCATOR = [0x50, 0x4b, 0x06, 0x07];

const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;

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

/** True when the bytes are one whole ZIP archive whose central directory reads entry by entry. */
export function isWholeZip(bytes: Uint8Array): boolean {
  const cd = readCentralDirectory(bytes);
  if (cd === null) return false;
  const end = cd.offset + cd.size;
  let pos = cd.offset;
  for (let i = 0; i < cd.entries; i++) {
    if (pos + CENTRAL_HEADER_SIZE > end || !hasBytes(bytes, pos, ZIP_CENTRAL)) return false;
    const next = pos + CENTRAL_HEADER_SIZE + u16(bytes, pos + 28) + u16(bytes, pos + 30) + u16(bytes, pos + 32);
    if (next > end) return false;
    pos = next;
  }
  return true;
}

// ---------------------------------------------------------------------------
// What the detector said, as one of our kinds
// ---------------------------------------------------------------------------

/** `file-type`'s extensions for the kinds we know. */
const DETECTED_KINDS: Readonly<Record<string, FileKind>> = {
  pdf: "pdf",
  png: "png",
  apng: "png",
  jpg: "jpeg",
  webp: "webp",
  gif: "gif",
  zip: "zip",
  pptx: "pptx",
  docx: "docx",
  xlsx: "xlsx",
};

const OOXML_KINDS: ReadonlySet<FileKind> = new Set(["pptx", "docx", "xlsx"]);

/**
 * Our kind for the bytes, given the extension `file-type` detected in them (null when it knew
 * nothing). Every archive must pass the ZIP integrity check; an archive of another ZIP-based
 * format (EPUB, ODF, JAR…) is a plain zip, as it was for the uploader who named it `.zip`.
 */
export function kindFromDetection(detectedExt: string | null, bytes: Uint8Array): FileKind | null {
  // `file-type` skips a leading UTF-8 BOM and names what follows it. The bytes are stored and
  // served as they are, so a file must start with its own signature: junk in front of a PDF is
  // how HTML/PDF polyglots are built.
  if (hasBytes(bytes, 0, UTF8_BOM)) return null;
  if (hasBytes(bytes, 0, ZIP_LOCAL) || hasBytes(bytes, 0, ZIP_EOCD)) {
    if (!isWholeZip(bytes)) return null;
    const kind = detectedExt === null ? null : DETECTED_KINDS[detectedExt];
    return kind !== undefined && kind !== null && OOXML_KINDS.has(kind) ? kind : "zip";
  }
  return (detectedExt === null ? null : DETECTED_KINDS[detectedExt]) ?? null;
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

function extensionClaim(name: string | null | undefined): FileKind | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return null;
  return (
    EXTENSION_CLAIMS[
      base
        .slice(dot + 1)
        .trim()
        .toLowerCase()
    ] ?? null
  );
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

/** The checks made before looking at the content: nothing to read, or too much. */
export function uploadSizeError(size: number, maxBytes: number): UploadCheckResult | null {
  if (size === 0) return { ok: false, code: "empty" };
  if (size > maxBytes) return { ok: false, code: "too_large" };
  return null;
}

/**
 * Decides an upload against a policy, given what its content is.
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
export function decideUpload(input: UploadDecisionInput): UploadCheckResult {
  const { sniffed, allowed } = input;
  const sizeError = uploadSizeError(input.size, input.maxBytes);
  if (sizeError) return sizeError;

  const claims = [extensionClaim(input.declaredName), mimeClaim(input.declaredMime)].filter((claim): claim is FileKind => claim !== null);

  if (sniffed === null) {
    return { ok: false, code: claims.length > 0 ? "content_mismatch" : "type_not_allowed" };
  }
  if (claims.some((claim) => !claimMatches(claim, sniffed))) return { ok: false, code: "content_mismatch" };

  const kind: FileKind = extensionClaim(input.declaredName) === "zip" ? "zip" : sniffed;
  if (!allowed.includes(kind)) return { ok: false, code: "type_not_allowed" };
  return { ok: true, kind, ...FILE_KIND_INFO[kind] };
}
