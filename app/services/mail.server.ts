// Outgoing mail. With SMTP_URL set, mail goes through that server; without it every message is
// written to the outbox folder (data/outbox) and logged, so a demo works offline.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Transporter } from "nodemailer";
import { env } from "./env.server";

export type Mail = { to: string; subject: string; text: string; html?: string };

let transport: Transporter | undefined;
/** The SMTP client is loaded with the first mail: a server that sends none never holds it. */
async function getTransport(): Promise<Transporter | null> {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (!transport) {
    const { default: nodemailer } = await import("nodemailer");
    transport ??= nodemailer.createTransport(url);
  }
  return transport;
}

export function outboxDir(): string {
  return resolve(env().DATA_DIR, "outbox");
}

export async function sendMail(mail: Mail): Promise<void> {
  const t = await getTransport();
  if (t) {
    await t.sendMail({ from: env().MAIL_FROM, ...mail });
    return;
  }
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const file = join(dir, `${Date.now()}-${safeTo}.eml`);
  const body = [`From: ${env().MAIL_FROM}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, `Date: ${new Date().toUTCString()}`, "Content-Type: text/plain; charset=utf-8", "", mail.text].join("\r\n");
  await writeFile(file, body);
  if (env().NODE_ENV !== "test") console.log(`[mail] to=${mail.to} subject="${mail.subject}" saved ${file}`);
}

/** For tests: replace the transport (e.g. with one pointing at a local SMTP server). */
export function setTransportForTests(t: Transporter | undefined) {
  transport = t;
}
