// Environment parsed once at boot. A bad value stops the process with a message naming it.
import { z } from "zod";
import { parseTrustProxy } from "./proxy.server";

const schema = z.object({
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
  SCHEDULER: z
    .enum(["on", "off"])
    .default("on")
    .transform((v) => v === "on"),
  // How often a live-results stream re-reads its signal when no change notice woke it (ms).
  LIVE_POLL_MS: z.coerce.number().int().min(250).max(3_600_000).default(2500),
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
