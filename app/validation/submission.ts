// The project form. Messages are locale keys. Every field is optional for a draft; the rules a
// submitted project must meet are in domain/submission.ts (they depend on the event).
import { z } from "zod";
import { parseHttpUrl } from "~/domain/links";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();

const url = z
  .string()
  .trim()
  .max(2048, "validation.tooLong")
  .optional()
  .refine((v) => !v || parseHttpUrl(v) !== null, "submission.errors.url");

export const TITLE_MAX = 120;
export const TAGLINE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;

export const submissionSchema = z.object({
  intent: z.enum(["save", "autosave", "submit"]),
  title: text(TITLE_MAX),
  tagline: text(TAGLINE_MAX),
  description: z.string().max(DESCRIPTION_MAX, "validation.tooLong").optional(),
  trackId: z.string().max(64).optional(),
  repoUrl: url,
  demoUrl: url,
  videoUrl: url,
  confirm: z.literal("on").optional(),
});

export type SubmissionForm = z.infer<typeof submissionSchema>;

// List filters come from GET forms, which send every field, empty ones included. An empty or
// unknown value means "no filter" for that field only.
const filter = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

// The URL speaks Indonesian (see the README's glossary); the code's names are the concepts.
const TIMING = { terlambat: "late", perpanjangan: "extension" } as const;
export const TIMING_WORDS = Object.keys(TIMING) as (keyof typeof TIMING)[];

export const filterSchema = z.object({
  bidang: filter(z.string().max(64)),
  wilayah: filter(z.string().max(64)),
  status: filter(z.enum(["DRAFT", "SUBMITTED", "NONE"])),
  waktu: filter(z.enum(["terlambat", "perpanjangan"])),
  cari: filter(z.string().trim().max(100)),
});

export type FilterQuery = z.infer<typeof filterSchema>;

/** The filters as the URL says them (what a GET form shows again). */
export function parseFilterQuery(params: URLSearchParams): FilterQuery {
  return filterSchema.parse(Object.fromEntries(params));
}

/** The same filters by concept, as the models take them. */
export function filtersOf(f: FilterQuery) {
  return { track: f.bidang, region: f.wilayah, status: f.status, timing: f.waktu && TIMING[f.waktu], q: f.cari };
}

export function timingOf(word: keyof typeof TIMING) {
  return TIMING[word];
}

export function parseFilters(params: URLSearchParams) {
  return filtersOf(parseFilterQuery(params));
}
