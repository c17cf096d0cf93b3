import fc from "fast-check";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { concat, DOCX, EMPTY_ZIP, FAKE_EOCD, patchEocd, PDF, PNG, PPTX, toZip64, withArchiveComment, ZIP } from "~/test/upload-samples";
import { decideUpload, FILE_KIND_INFO, isWholeZip, kindFromDetection, UPLOAD_KINDS, uploadSizeError, type FileKind, type UploadPolicy } from "./filetype";

// The pure part of the upload checks. What the content is comes from the `file-type` package
// (app/services/filetype.server.test.ts runs real and disguised files through it).

describe("isWholeZip", () => {
  it.each<[string, Uint8Array]>([
    ["zip", ZIP],
    ["empty zip", EMPTY_ZIP],
    ["pptx", PPTX],
    ["pptx with archive comment", withArchiveComment(PPTX, strToU8("dibuat oleh KIM"))],
    ["pptx whose comment contains a fake EOCD", withArchiveComment(PPTX, concat(FAKE_EOCD, strToU8("xyzab")))],
    ["zip64 pptx", toZip64(PPTX)],
  ])("accepts %s", (_name, bytes) => {
    expect(isWholeZip(bytes)).toBe(true);
  });

  it.each<[string, Uint8Array]>([
    ["zero bytes", new Uint8Array(0)],
    ["a png", PNG],
    ["zip local header only", ZIP.subarray(0, 30)],
    ["zip missing its last byte", ZIP.subarray(0, ZIP.length - 1)],
    ["pptx cut in half", PPTX.subarray(0, Math.floor(PPTX.length / 2))],
    ["zip with trailing garbage", concat(ZIP, strToU8("garbage"))],
    ["PK text", strToU8("PK\x03\x04 hello")],
    ["lying entry count", patchEocd(PPTX, (v, e) => (v.setUint16(e + 8, 9, true), v.setUint16(e + 10, 9, true)))],
    ["directory offset past the end", patchEocd(PPTX, (v, e) => v.setUint32(e + 16, 0x7fffffff, true))],
    ["multi-disk zip", patchEocd(ZIP, (v, e) => v.setUint16(e + 4, 1, true))],
    ["0xffff entries but no zip64 locator", patchEocd(ZIP, (v, e) => v.setUint16(e + 10, 0xffff, true))],
  ])("refuses %s", (_name, bytes) => {
    expect(isWholeZip(bytes)).toBe(false);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => void isWholeZip(bytes)),
      { numRuns: 2000 },
    );
  });
});

describe("kindFromDetection", () => {
  it("maps the detector's names onto our kinds", () => {
    expect(kindFromDetection("pdf", PDF)).toBe("pdf");
    expect(kindFromDetection("apng", PNG)).toBe("png");
    expect(kindFromDetection("jpg", new Uint8Array([0xff, 0xd8, 0xff]))).toBe("jpeg");
    expect(kindFromDetection("exe", strToU8("MZ"))).toBeNull();
    expect(kindFromDetection(null, strToU8("<html>"))).toBeNull();
  });

  it("keeps Office kinds, makes any other archive a zip, and refuses a damaged one", () => {
    expect(kindFromDetection("pptx", PPTX)).toBe("pptx");
    expect(kindFromDetection("docx", DOCX)).toBe("docx");
    expect(kindFromDetection("jar", ZIP)).toBe("zip");
    expect(kindFromDetection("zip", EMPTY_ZIP)).toBe("zip");
    expect(kindFromDetection("pptx", PPTX.subarray(0, PPTX.length - 1))).toBeNull();
    expect(kindFromDetection("zip", strToU8("PK\x03\x04 hello"))).toBeNull();
  });

  it("refuses a file with a BOM in front of its signature", () => {
    expect(kindFromDetection("pdf", concat(new Uint8Array([0xef, 0xbb, 0xbf]), PDF))).toBeNull();
  });
});

describe("decideUpload", () => {
  const attachments = UPLOAD_KINDS.attachments;
  const decide = (sniffed: FileKind | null, declaredName?: string | null, declaredMime?: string | null, policy: UploadPolicy = attachments) =>
    decideUpload({ size: 100, sniffed, declaredName, declaredMime, ...policy });

  it("accepts matching files and returns canonical ext/mime", () => {
    expect(decide("pdf", "Proposal Tim.PDF", "application/pdf", UPLOAD_KINDS.proposal)).toEqual({ ok: true, kind: "pdf", ext: "pdf", mime: "application/pdf" });
    expect(decide("jpeg", "poster.jpeg", "image/jpeg", UPLOAD_KINDS.image)).toEqual({ ok: true, kind: "jpeg", ext: "jpg", mime: "image/jpeg" });
    expect(decide("png", "blob", "application/octet-stream", UPLOAD_KINDS.image)).toMatchObject({ ok: true, kind: "png" });
    expect(decide("pptx", "deck.zip")).toMatchObject({ ok: true, kind: "zip", ext: "zip" });
    expect(decide("pptx", "deck.pptx", "application/zip")).toMatchObject({ ok: true, kind: "pptx" });
  });

  it("flags content_mismatch and type_not_allowed", () => {
    expect(decide(null, "evil.pdf")).toEqual({ ok: false, code: "content_mismatch" });
    expect(decide(null, "evil", "image/png")).toEqual({ ok: false, code: "content_mismatch" });
    expect(decide("png", "proposal.pdf")).toEqual({ ok: false, code: "content_mismatch" });
    expect(decide("docx", "deck.pptx")).toEqual({ ok: false, code: "content_mismatch" });
    expect(decide(null, "notes.txt", "text/plain")).toEqual({ ok: false, code: "type_not_allowed" });
    expect(decide("gif", "anim.gif", null, UPLOAD_KINDS.image)).toEqual({ ok: false, code: "type_not_allowed" });
    expect(decide("docx", "essay.docx")).toEqual({ ok: false, code: "type_not_allowed" });
  });

  it("checks size before content", () => {
    expect(uploadSizeError(0, 10)).toEqual({ ok: false, code: "empty" });
    expect(uploadSizeError(11, 10)).toEqual({ ok: false, code: "too_large" });
    expect(uploadSizeError(10, 10)).toBeNull();
    expect(decideUpload({ size: 11, sniffed: "pdf", declaredName: "x.pdf", allowed: ["pdf"], maxBytes: 10 })).toEqual({ ok: false, code: "too_large" });
  });

  it("only ever accepts an allowed kind compatible with the content", () => {
    const kinds = Object.keys(FILE_KIND_INFO) as FileKind[];
    const names = ["a.pdf", "a.png", "a.jpg", "a.webp", "a.gif", "a.zip", "a.pptx", "a.docx", "a.xlsx", "a.html", "a", "a.txt", null];
    fc.assert(
      fc.property(fc.constantFrom<FileKind | null>(...kinds, null), fc.constantFrom(...names), fc.subarray(kinds), (sniffed, declaredName, allowed) => {
        const result = decideUpload({ size: 1, sniffed, declaredName, allowed, maxBytes: 10 });
        if (result.ok) {
          expect(allowed).toContain(result.kind);
          expect(sniffed === result.kind || (result.kind === "zip" && sniffed !== null)).toBe(true);
          expect(result.ext).toBe(FILE_KIND_INFO[result.kind].ext);
        }
      }),
    );
  });
});
