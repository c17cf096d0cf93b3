// A local S3-compatible server (s3rver) for tests: its own free port and its own folder under
// data/, one bucket made at start. `env` holds the settings that point the app at it.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import S3rver from "s3rver";
import { testDataDir } from "./db-template";

export type LocalS3 = { bucket: string; endpoint: string; env: Record<string, string>; close: () => Promise<void> };

export async function startS3(opts: { bucket?: string; prefix?: string } = {}): Promise<LocalS3> {
  const bucket = opts.bucket ?? "kim-berkas";
  const directory = join(testDataDir, `s3-${process.env.VITEST_POOL_ID ?? "0"}-${randomBytes(4).toString("hex")}`);
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }], resetOnClose: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    S3_PREFIX: opts.prefix ?? "kim",
  };
  return { bucket, endpoint, env, close: () => server.close() };
}
