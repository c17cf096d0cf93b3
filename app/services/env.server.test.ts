import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("has working defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/kim.db");
    expect(env.PORT).toBe(3000);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PRIVACY_OPERATOR).toBe("Dinas Komunikasi dan Informatika Provinsi Jawa Timur");
    expect(parseEnv({ PRIVACY_OPERATOR: "  Dinas Kominfo Kabupaten Malang " }).PRIVACY_OPERATOR).toBe("Dinas Kominfo Kabupaten Malang");
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/kim"],
    ["PORT", "tujuh"],
    ["APP_URL", "bukan url"],
    ["SMTP_URL", "mail.contoh.id"],
    ["ADMIN_EMAIL", "admin"],
    ["PRIVACY_OPERATOR", " "],
    ["PRIVACY_CONTACT", "dpo"],
    ["TRUST_PROXY", "kadang"],
    ["TRUST_PROXY", "true"],
    ["S3_BUCKET", "Berkas_KIM"],
    ["S3_ENDPOINT", "minio:9000"],
    ["S3_FORCE_PATH_STYLE", "ya"],
    ["S3_PREFIX", "kim/../lain"],
    ["LIVE_POLL_MS", "100"],
    ["LIVE_POLL_MS", "sebentar"],
    ["REQUEST_CONCURRENCY", "0"],
    ["REQUEST_QUEUE", "-1"],
    ["REQUEST_QUEUE_WAIT_MS", "lama"],
  ])("refuses a bad %s with a message naming it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  describe("object storage", () => {
    const complete = { S3_BUCKET: "kim-berkas", S3_REGION: "ap-southeast-3", S3_ACCESS_KEY_ID: "AKIAKIM", S3_SECRET_ACCESS_KEY: "rahasia" };

    it("is off without S3 settings: files stay in DATA_DIR", () => {
      expect(parseEnv({}).S3).toBeUndefined();
    });

    it("is on with a bucket, region and keys; endpoint, path style and prefix are optional", () => {
      expect(parseEnv(complete).S3).toEqual({
        bucket: "kim-berkas",
        region: "ap-southeast-3",
        accessKeyId: "AKIAKIM",
        secretAccessKey: "rahasia",
        forcePathStyle: false,
        prefix: "",
        endpoint: undefined,
      });
      const minio = parseEnv({ ...complete, S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "true", S3_PREFIX: "/kim/produksi/" }).S3;
      expect(minio).toMatchObject({ endpoint: "http://minio:9000", forcePathStyle: true, prefix: "kim/produksi" });
    });

    it.each(["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("refuses a partial configuration without %s, naming it", (name) => {
      const partial: Record<string, string> = { ...complete };
      delete partial[name];
      expect(() => parseEnv(partial)).toThrow(new RegExp(`${name}: is required for object storage`));
    });

    it("refuses S3 settings without a bucket rather than silently keeping files on the local disk", () => {
      expect(() => parseEnv({ S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "kunci" })).toThrow(/S3_BUCKET: is required for object storage \(S3_ENDPOINT, S3_ACCESS_KEY_ID given\)/);
    });
  });
});
