// Upload content sniffing with the `file-type` package. Its API is asynchronous, so it is called
// here; which of its answers we accept and the upload policy stay pure in app/domain/filetype.ts.
import { fileTypeFromBuffer } from "file-type";
import { decideUpload, kindFromDetection, uploadSizeError, type FileKind, type UploadCheckInput, type UploadCheckResult } from "~/domain/filetype";

/** What the bytes are, as one of our kinds; null for anything else (HTML, executables, text…). */
export async function sniffFileType(bytes: Uint8Array): Promise<FileKind | null> {
  let detected: string | null = null;
  try {
    detected = (await fileTypeFromBuffer(bytes))?.ext ?? null;
  } catch {
    // A parser error on malformed input means the content is not a file we can accept.
    return null;
  }
  return kindFromDetection(detected, bytes);
}

/** Checks an upload against its policy: size first, then what its content is. */
export async function checkUpload(input: UploadCheckInput): Promise<UploadCheckResult> {
  const sizeError = uploadSizeError(input.bytes.length, input.maxBytes);
  if (sizeError) return sizeError;
  const { bytes, ...rest } = input;
  return decideUpload({ ...rest, size: bytes.length, sniffed: await sniffFileType(bytes) });
}
