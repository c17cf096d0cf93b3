// Emails about joining an event's organizing team, in the language of the person who sent them.
import { INVITE_DAYS } from "~/domain/event-setup";
import { env } from "./env.server";
import { sendMail } from "./mail.server";

type T = (key: string, options?: Record<string, unknown>) => string;

export function inviteLink(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/undangan/${token}`;
}

/** Sends the invited address its link to accept (the same mail whether or not it has an account). */
export async function mailInvite(t: T, invite: { email: string; token: string }, ctx: { eventName: string; role: "ORGANIZER" | "JUDGE"; inviter: string }) {
  const role = t(`invite.roles.${ctx.role}`);
  await sendMail({
    to: invite.email,
    subject: t("invite.mail.subject", { event: ctx.eventName }),
    text: t("invite.mail.body", { inviter: ctx.inviter, event: ctx.eventName, role, link: inviteLink(invite.token), days: INVITE_DAYS }),
  });
}
