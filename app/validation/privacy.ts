// Privacy forms: agreeing to the notice (sign-up, a new version, an event's notice) and deleting
// the account. Messages are locale keys.
import { z } from "zod";
import { isDeleteConfirmation } from "~/domain/privacy";

/** A ticked checkbox; anything else (left unticked, forged) is the same localized refusal. */
export const agreeField = (message: string) => z.literal("on", { errorMap: () => ({ message }) });

export const consentSchema = z.object({
  agree: agreeField("privacy.agreeRequired"),
  redirectTo: z.string().optional(),
});

export const deleteAccountSchema = z.object({
  currentPassword: z.string({ required_error: "validation.required" }).max(128, "validation.passwordMax"),
  confirmation: z.string({ required_error: "privacy.delete.confirmMismatch" }).max(40, "privacy.delete.confirmMismatch").refine(isDeleteConfirmation, "privacy.delete.confirmMismatch"),
});
