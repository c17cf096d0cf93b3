// Form schemas shared by the browser (Conform) and the server. Messages are locale keys.
import { z } from "zod";
import { normalizeWhatsApp } from "~/domain/links";
import { agreeField } from "./privacy";

/** How long a password-reset link works. Here, not in the user model, because the page says it too. */
export const RESET_TOKEN_MINUTES = 60;

export const emailField = z.string({ required_error: "validation.required" }).trim().max(254, "validation.tooLong").email("validation.email");

export const passwordField = z.string({ required_error: "validation.required" }).min(8, "validation.passwordMin").max(128, "validation.passwordMax");

export const nameField = z.string({ required_error: "validation.required" }).trim().min(2, "validation.nameMin").max(100, "validation.tooLong");

export const whatsappField = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || normalizeWhatsApp(v) !== null, "validation.whatsapp");

export const signupSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: passwordField,
    confirm: z.string({ required_error: "validation.required" }),
    whatsapp: whatsappField,
    // The privacy notice shown on the form (PRIVACY_VERSION), agreed to explicitly.
    agree: agreeField("privacy.agreeRequired"),
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "validation.required" }).max(128, "validation.passwordMax"),
  redirectTo: z.string().optional(),
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z
  .object({ password: passwordField, confirm: z.string({ required_error: "validation.required" }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });
