// Results forms. Messages are locale keys.
import { z } from "zod";

export const SEGMENTS = ["all", "accepted", "finalists", "judges"] as const;

export const publishSchema = z.object({
  intent: z.literal("publish"),
  method: z.enum(["raw", "zscore", "borda"], { errorMap: () => ({ message: "publication.errors.method" }) }),
  roundId: z.string().optional(),
  override: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  overrideReason: z.string().trim().max(500, "validation.tooLong").optional().default(""),
  // Publishing freezes the results and issues certificates: it is never done by a stray tap.
  confirm: z.preprocess((v) => v === "on" || v === "true", z.literal(true, { errorMap: () => ({ message: "publication.errors.confirm" }) })),
});

// A correction replaces the current record: the organizer names the record they saw as current,
// says why (shown publicly next to the corrected results) and confirms what will happen.
export const correctSchema = publishSchema.extend({
  intent: z.literal("correct"),
  supersedesId: z.string({ required_error: "publication.errors.staleCorrection" }).min(1, "publication.errors.staleCorrection").max(64, "publication.errors.staleCorrection"),
  correctionReason: z.string({ required_error: "publication.errors.correctionReason" }).trim().min(10, "publication.errors.correctionReason").max(1000, "validation.tooLong"),
  confirm: z.preprocess((v) => v === "on" || v === "true", z.literal(true, { errorMap: () => ({ message: "publication.errors.confirmCorrection" }) })),
});

// Query parameters of the organizer's results page; anything malformed falls back to the default.
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((v) => v || null);
export const resultsQuerySchema = z.object({
  babak: optionalText,
  metode: optionalText,
  cari: optionalText,
  bidang: optionalText,
  wilayah: optionalText,
  halaman: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .catch(undefined)
    .transform((v) => v ?? null),
});

export const leaderboardQuerySchema = resultsQuerySchema.pick({ bidang: true, wilayah: true, halaman: true });

export const galleryQuerySchema = resultsQuerySchema.pick({ halaman: true });

export const announcementSchema = z.object({
  title: z.string({ required_error: "validation.required" }).trim().min(3, "announcement.errors.titleShort").max(150, "validation.tooLong"),
  body: z.string({ required_error: "validation.required" }).trim().min(10, "announcement.errors.bodyShort").max(10_000, "validation.tooLong"),
  segment: z.enum(SEGMENTS, { errorMap: () => ({ message: "announcement.errors.segment" }) }),
});

export const voteSchema = z.object({
  submissionId: z.string({ required_error: "vote.errors.invalidSubmission" }).min(1, "vote.errors.invalidSubmission").max(64, "vote.errors.invalidSubmission"),
});

export const verifyDocumentSchema = z.object({
  document: z.string({ required_error: "publication.errors.pasteRequired" }).min(2, "publication.errors.pasteRequired").max(5_000_000, "validation.tooLong"),
});

// A certificate code typed on /verifikasi; how it is read is up to the certificate model.
export const certificateLookupSchema = z.object({
  kode: z.string({ required_error: "certificate.lookup.required" }).trim().min(1, "certificate.lookup.required").max(100, "validation.tooLong"),
});
