// Emails about joining an event's organizing team, in the language of the person who sent them.
import { INVITE_DAYS } from "~/domain/event-setup";
import { env } from "./env.server";
import { sendMail } from "./mail.server";

type T = (key: string, options?: Record<string, unknown>) => string;

const base = () => env().APP_URL.replace(/\/$/, "");

export function inviteLink(token: string): string {
  return `${base()}/undangan/${token}`;
}

/** The link to claim a place in an imported team. */
export function seatLink(token: string): string {
  return `${base()}/gabung/tempat/${token}`;
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

/** Tells a member of an imported team where to claim their place (sign-in or sign-up with this address). */
export async function mailTeamSeat(t: T, seat: { email: string; name: string; token: string; teamName: string; captain: boolean }, ctx: { eventName: string; inviter: string }) {
  await sendMail({
    to: seat.email,
    subject: t("seat.mail.subject", { team: seat.teamName, event: ctx.eventName }),
    text: t(seat.captain ? "seat.mail.bodyCaptain" : "seat.mail.body", {
      name: seat.name,
      team: seat.teamName,
      event: ctx.eventName,
      inviter: ctx.inviter,
      link: seatLink(seat.token),
      email: seat.email,
    }),
  });
}
