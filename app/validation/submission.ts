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

export const filterSchema = z.object({
  track: z.string().max(64).optional(),
  region: z.string().max(64).optional(),
  status: z.enum(["DRAFT", "SUBMITTED", "NONE"]).optional(),
  timing: z.enum(["late", "extension"]).optional(),
  q: z.string().trim().max(100).optional(),
});
