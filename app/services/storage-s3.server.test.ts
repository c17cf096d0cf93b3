// The S3 file store against a local S3-compatible server: the same behaviour as the local folder
// (round trip, key checks, a missing key is null), objects under S3_PREFIX, and readiness.
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startS3, type LocalS3 } from "~/test/s3-server";
import { env, resetEnvCache } from "./env.server";
import { checkReadiness } from "./health.server";
import { s3Client } from "./storage-s3.server";
import { deleteFile, fileExists, getFile, openFile, putFile } from "./storage.server";

let s3: LocalS3;

function useS3(overrides: Record<string, string> = {}) {
  for (const [name, value] of Object.entries({ ...s3.env, ...overrides })) vi.stubEnv(name, value);
  resetEnvCache();
}

beforeAll(async () => {
  s3 = await startS3();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});
afterAll(async () => {
  await s3?.close();
});

describe("files in S3-compatible object storage", () => {
  it("stores, reads back, finds and deletes a file under the configured prefix, with nothing on the local disk", async () => {
    useS3();
    const bytes = new TextEncoder().encode("%PDF-1.4\nproposal di bucket\n%%EOF\n");
    const stored = await putFile("attachments", bytes);
    expect(stored.key).toMatch(/^attachments\/[A-Za-z0-9_-]{32}$/);
    expect(stored.size).toBe(bytes.byteLength);
    expect(new Uint8Array((await getFile(stored.key))!)).toEqual(bytes);
    expect(await fileExists(stored.key)).toBe(true);
    const opened = await openFile(stored.key);
    expect(opened?.size).toBe(bytes.byteLength);
    expect(new Uint8Array(await new Response(opened?.stream).arrayBuffer())).toEqual(bytes);

    const listed = await (await s3Client(env().S3!)).send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "kim/" }));
    expect(listed.Contents?.map((o) => o.Key)).toContain(`kim/${stored.key}`);
    expect(existsSync(join(process.env.DATA_DIR ?? "", "uploads"))).toBe(false);

    await deleteFile(stored.key);
    expect(await fileExists(stored.key)).toBe(false);
    expect(await getFile(stored.key)).toBeNull();
  });

  it("answers null for a key never stored, and deleting it is no error", async () => {
    useS3();
    const missing = "attachments/tidakAdaBerkasDenganKunciIni";
    expect(await getFile(missing)).toBeNull();
    expect(await openFile(missing)).toBeNull();
    expect(await fileExists(missing)).toBe(false);
    await expect(deleteFile(missing)).resolves.toBeUndefined();
  });

  it("checks keys before they reach the bucket", async () => {
    useS3();
    for (const key of ["../kim/attachments/x", "attachments/../../etc", "attachments/pendek", "/attachments/aaaaaaaaaaaaaaaaaaaaaaaa", ""]) {
      expect(await getFile(key)).toBeNull();
      expect(await openFile(key)).toBeNull();
      expect(await fileExists(key)).toBe(false);
      await expect(deleteFile(key)).rejects.toThrow(/invalid storage key/);
    }
    await expect(putFile("../lampiran", new Uint8Array([1]))).rejects.toThrow(/invalid storage key/);
    await expect(putFile("Lampiran Tim", new Uint8Array([1]))).rejects.toThrow(/invalid storage key/);
  });

  it("keeps deployments with different prefixes apart in one bucket", async () => {
    useS3({ S3_PREFIX: "kim/produksi" });
    const stored = await putFile("banners", new Uint8Array([1, 2, 3]));
    useS3({ S3_PREFIX: "kim/uji" });
    expect(await getFile(stored.key)).toBeNull();
    useS3({ S3_PREFIX: "kim/produksi" });
    expect(await getFile(stored.key)).toEqual(Buffer.from([1, 2, 3]));
  });
});

describe("readiness with object storage", () => {
  it("is ready when the bucket answers", async () => {
    useS3();
    expect(await checkReadiness(false)).toMatchObject({ status: "ok", database: "ok", storage: "ok" });
  });

  it("is not ready when the bucket is missing", async () => {
    useS3({ S3_BUCKET: "kim-tidak-ada" });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await checkReadiness(false)).toMatchObject({ status: "error", database: "ok", storage: "unavailable" });
    expect(errors).toHaveBeenCalledWith("readyz: storage check failed", expect.anything());
  });

  it("is not ready when the store does not answer at all", async () => {
    const closed = await startS3();
    await closed.close();
    useS3({ S3_ENDPOINT: closed.endpoint });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await checkReadiness(false)).toMatchObject({ status: "error", storage: "unavailable" });
    expect(errors).toHaveBeenCalled();
  });
});
