// Emails about joining an event's organizing team, in the language of the person who sent them.
import { INVITE_DAYS } from "~/domain/event-setup";
import type { InviteResult } from "~/models/invite.server";
import { env } from "./env.server";
import { sendMail } from "./mail.server";

type T = (key: string, options?: Record<string, unknown>) => string;

export function inviteLink(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/undangan/${token}`;
}

/** Tells the person what happened: a link to accept, or that they were added directly. */
export async function mailInviteResult(t: T, result: InviteResult, ctx: { eventName: string; eventSlug: string; role: "ORGANIZER" | "JUDGE"; inviter: string }) {
  const role = t(`invite.roles.${ctx.role}`);
  if (result.kind === "invited" && result.email) {
    await sendMail({
      to: result.email,
      subject: t("invite.mail.subject", { event: ctx.eventName }),
      text: t("invite.mail.body", { inviter: ctx.inviter, event: ctx.eventName, role, link: inviteLink(result.token), days: INVITE_DAYS }),
    });
  } else if (result.kind === "added") {
    const base = env().APP_URL.replace(/\/$/, "");
    const where = ctx.role === "ORGANIZER" ? `${base}/kelola/${ctx.eventSlug}` : `${base}/juri/${ctx.eventSlug}`;
    await sendMail({
      to: result.email,
      subject: t("invite.mail.addedSubject", { event: ctx.eventName }),
      text: t("invite.mail.addedBody", { name: result.name, inviter: ctx.inviter, event: ctx.eventName, role, link: where }),
    });
  }
}
