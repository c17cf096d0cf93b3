// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2, …), so several instances
// with separate data folders share them. Keys are the same opaque keys as on the local disk, under
// S3_PREFIX when one is set. Objects are private: every download streams through the app's routes,
// which check who may see the file first.
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { S3Settings } from "./env.server";
import type { FileStore } from "./storage.server";

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

export function s3Client(settings: S3Settings): S3Client {
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

export function s3Store(settings: S3Settings, client: S3Client = s3Client(settings)): FileStore & { list(): AsyncGenerator<string> } {
  const Bucket = settings.bucket;
  const base = settings.prefix ? `${settings.prefix}/` : "";
  const objectKey = (key: string) => `${base}${key}`;
  /** The object with its body still to be read, or null when there is none under the key. */
  const getObject = async (key: string) => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
      return object.Body ? { ...object, Body: object.Body } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
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
        if (isNotFound(error)) return false;
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
