// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2, …), so several instances
// with separate data folders share them. Keys are the same opaque keys as on the local disk, under
// S3_PREFIX when one is set. Objects are private: every download streams through the app's routes,
// which check who may see the file first.
//
// The SDK is loaded on first use: a server without a bucket never holds it (about 11 MB in each
// server process).
import type * as S3 from "@aws-sdk/client-s3";
import type { S3Settings } from "./env.server";
import type { FileStore } from "./storage.server";

let sdk: Promise<typeof S3> | undefined;
const loadSdk = () => (sdk ??= import("@aws-sdk/client-s3"));

function isNotFound(error: unknown, { S3ServiceException }: typeof S3): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

export async function s3Client(settings: S3Settings): Promise<S3.S3Client> {
  const { S3Client } = await loadSdk();
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // The newer default checksum headers are not understood by every S3-compatible store; the
    // signed payload hash already protects what is sent.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A store that does not answer makes /readyz and the request fail instead of hanging.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
}

export async function s3Store(settings: S3Settings): Promise<FileStore & { list(): AsyncGenerator<string> }> {
  const s3 = await loadSdk();
  const { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } = s3;
  const client = await s3Client(settings);
  const Bucket = settings.bucket;
  const base = settings.prefix ? `${settings.prefix}/` : "";
  const objectKey = (key: string) => `${base}${key}`;
  /** The object with its body still to be read, or null when there is none under the key. */
  const getObject = async (key: string) => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
      return object.Body ? { ...object, Body: object.Body } : null;
    } catch (error) {
      if (isNotFound(error, s3)) return null;
      throw error;
    }
  };
  return {
    async put(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentLength: bytes.byteLength, ContentType: "application/octet-stream" }));
    },
    async get(key) {
      const object = await getObject(key);
      if (!object) return null;
      const bytes = await object.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async open(key) {
      const object = await getObject(key);
      return object ? { stream: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength ?? 0 } : null;
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error, s3)) return false;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    /** Every stored key (without the prefix), page by page. */
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: base || undefined, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) yield object.Key.slice(base.length);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
