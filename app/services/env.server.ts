// Environment parsed once at boot. A bad value stops the process with a message naming it.
import { z } from "zod";
import { parseTrustProxy } from "./proxy.server";

// Object storage: all of it or none. S3_BUCKET turns it on; the rest must come with it.
const S3_REQUIRED = ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
const S3_ALL = ["S3_BUCKET", "S3_ENDPOINT", ...S3_REQUIRED, "S3_FORCE_PATH_STYLE", "S3_PREFIX"] as const;

export type S3Settings = { bucket: string; endpoint?: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean; prefix: string };

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.string().url().default("http://localhost:3000"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
      .default("file:./data/kim.db"),
    DATA_DIR: z.string().default("./data"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must look like smtp://user:pass@host:587")
      .optional(),
    MAIL_FROM: z.string().default("KIM Hackathon <noreply@kim-hackathon.local>"),
    ADMIN_EMAIL: z.string().email().optional(),
    // Who holds the participants' data (the privacy notice names it as the data controller).
    PRIVACY_OPERATOR: z.string().trim().min(3, "must name the organizing office").max(160).default("Dinas Komunikasi dan Informatika Provinsi Jawa Timur"),
    // Where people write about their data; optional.
    PRIVACY_CONTACT: z.string().email().optional(),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const parsed = parseTrustProxy(raw);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
        return z.NEVER;
      }),
    LOG_REQUESTS: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    // Compares every kept query plan with the plan compiled from the literal query (query-plans.server.ts); the tests run with it on.
    QUERY_PLAN_CHECK: z
      .enum(["on", "off"])
      .default("off")
      .transform((v) => v === "on"),
    SCHEDULER: z
      .enum(["on", "off"])
      .default("on")
      .transform((v) => v === "on"),
    // Requests worked on at once; the rest wait in arrival order (admission.server.ts). More
    // than a few only interleaves JavaScript on one thread; with PostgreSQL, a few more let
    // requests overlap their database round trips.
    REQUEST_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(4),
    // Requests allowed to wait, and for how long (ms), before one is answered 503 with Retry-After.
    REQUEST_QUEUE: z.coerce.number().int().min(0).max(100_000).default(5000),
    REQUEST_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    // How often a live-results stream re-reads its signal when no change notice woke it (ms).
    LIVE_POLL_MS: z.coerce.number().int().min(250).max(3_600_000).default(2500),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3–63 lowercase letters, digits, dots and hyphens")
      .optional(),
    S3_ENDPOINT: z
      .string()
      .url()
      .regex(/^https?:\/\//, "must be a URL such as https://s3.example.id or http://minio:9000")
      .optional(),
    S3_REGION: z.string().trim().min(1).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).optional(),
    // Keys live under this folder of the bucket, so one bucket can hold several deployments.
    S3_PREFIX: z
      .string()
      .transform((v) => v.replace(/^\/+|\/+$/g, ""))
      .pipe(
        z
          .string()
          .regex(/^([A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*)?$/, "must be a folder path such as kim or kim/produksi")
          .refine((v) => !v.split("/").some((part) => /^\.+$/.test(part)), "must not contain . or .. folders"),
      )
      .optional(),
  })
  .superRefine((e, ctx) => {
    const given = S3_ALL.filter((name) => e[name] !== undefined);
    if (!given.length) return;
    const missing = e.S3_BUCKET === undefined ? ["S3_BUCKET"] : S3_REQUIRED.filter((name) => e[name] === undefined);
    for (const name of missing) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: `is required for object storage (${given.join(", ")} given)` });
  })
  .transform(({ S3_BUCKET, S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE, S3_PREFIX, ...rest }) => {
    const s3: S3Settings | undefined =
      S3_BUCKET && S3_REGION && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY
        ? {
            bucket: S3_BUCKET,
            endpoint: S3_ENDPOINT,
            region: S3_REGION,
            accessKeyId: S3_ACCESS_KEY_ID,
            secretAccessKey: S3_SECRET_ACCESS_KEY,
            forcePathStyle: S3_FORCE_PATH_STYLE === "true",
            prefix: S3_PREFIX ?? "",
          }
        : undefined;
    return { ...rest, S3: s3 };
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Tests change variables at run time; production parses once. */
export function resetEnvCache() {
  cached = undefined;
}
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
