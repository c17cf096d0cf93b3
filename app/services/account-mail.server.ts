// Mails that prove or protect ownership of an address: the confirmation link, the note sent
// to an existing account's owner when someone signs up with their address, and the mails of an
// address change (the link to the new address, notes to the old one).
import { env } from "./env.server";
import { sendMail } from "./mail.server";

type T = (key: string, options?: Record<string, unknown>) => string;
type Person = { id: string; name: string; email: string };

const base = () => env().APP_URL.replace(/\/$/, "");

/** Mails the confirmation link for `token` (from createEmailVerifyToken). */
export async function sendVerificationMail(t: T, user: Person, token: string): Promise<void> {
  const link = `${base()}/verifikasi-email/${token}`;
  await sendMail({ to: user.email, subject: t("account.mail.verifySubject"), text: t("account.mail.verifyBody", { name: user.name, link }) });
}

export async function sendAccountExistsMail(t: T, user: Person): Promise<void> {
  await sendMail({
    to: user.email,
    subject: t("account.mail.existsSubject"),
    text: t("account.mail.existsBody", { name: user.name, login: `${base()}/masuk`, reset: `${base()}/lupa-sandi` }),
  });
}

/** Mails the link that moves the account to `newEmail` (token from requestEmailChange) to that address. */
export async function sendEmailChangeLink(t: T, user: { name: string }, newEmail: string, token: string): Promise<void> {
  const link = `${base()}/akun/email/${token}`;
  await sendMail({ to: newEmail, subject: t("account.mail.changeLinkSubject"), text: t("account.mail.changeLinkBody", { name: user.name, link, email: newEmail }) });
}

/** Tells the old address that a change to `newEmail` was asked for (and how to stop it). */
export async function sendEmailChangeRequestedMail(t: T, user: { name: string; email: string }, newEmail: string): Promise<void> {
  await sendMail({
    to: user.email,
    subject: t("account.mail.changeRequestedSubject"),
    text: t("account.mail.changeRequestedBody", { name: user.name, email: newEmail, account: `${base()}/akun/email`, reset: `${base()}/lupa-sandi` }),
  });
}

/** Tells the old address that the account now uses `newEmail`. */
export async function sendEmailChangedMail(t: T, user: { name: string }, oldEmail: string, newEmail: string): Promise<void> {
  await sendMail({ to: oldEmail, subject: t("account.mail.changedSubject"), text: t("account.mail.changedBody", { name: user.name, email: newEmail }) });
}

/** Tells the owner that the password was changed on the account page. */
export async function sendPasswordChangedMail(t: T, user: Person): Promise<void> {
  await sendMail({ to: user.email, subject: t("account.mail.passwordChangedSubject"), text: t("account.mail.passwordChangedBody", { name: user.name, reset: `${base()}/lupa-sandi` }) });
}
