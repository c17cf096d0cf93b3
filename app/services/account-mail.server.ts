// Mails that prove or protect ownership of an address: the confirmation link, and the note sent
// to an existing account's owner when someone signs up with their address.
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
