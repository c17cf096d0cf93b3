// Schemas of the account page's forms: the same field rules as sign-up. Messages are locale keys.
import { z } from "zod";
import { emailField, nameField, passwordField, whatsappField } from "./auth";

const currentPasswordField = z.string({ required_error: "validation.required" }).max(128, "validation.passwordMax");

export const profileSchema = z.object({
  name: nameField,
  whatsapp: whatsappField,
});

export const passwordChangeSchema = z
  .object({
    currentPassword: currentPasswordField,
    password: passwordField,
    confirm: z.string({ required_error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "account.passwordSame" });

export const emailChangeSchema = z.object({
  email: emailField,
  currentPassword: currentPasswordField,
});

/** Fields never echoed back into a form after a refused post. */
export const SECRET_FIELDS = ["currentPassword", "password", "confirm"];
