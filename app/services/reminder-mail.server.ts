// The text of reminder mails, in the recipient's language (Indonesian unless stated otherwise),
// with the deadline in the event's time zone. Who gets which reminder is decided in
// app/models/reminders.server.ts; this only writes and sends one mail.
import type { ReminderKind } from "~/domain/reminders";
import { eventZone, formatInZone } from "~/domain/time";
import type { Language } from "~/i18n";
import { env } from "./env.server";
import { tFor } from "./i18n.server";
import { sendMail } from "./mail.server";

export type ReminderMail = {
  kind: ReminderKind;
  language?: Language;
  to: { email: string; name: string };
  event: { name: string; slug: string; timezone: string };
  deadline: Date;
  now: Date;
  /** Registration and submission reminders: the team. */
  team?: { id: string; name: string; members: number; minSize: number };
  /** Judging reminders: the round and how many of the judge's assignments are not final. */
  round?: { name: string; open: number };
};

type T = Awaited<ReturnType<typeof tFor>>;

/** "24 jam" / "45 menit": the time left, to the nearest hour from an hour up, else in whole minutes (at least one). */
function timeLeft(t: T, deadline: Date, now: Date): string {
  const minutes = Math.max(1, Math.floor((deadline.getTime() - now.getTime()) / 60_000));
  return minutes >= 60 ? t("reminders.mail.hoursLeft", { count: Math.round(minutes / 60) }) : t("reminders.mail.minutesLeft", { count: minutes });
}

export function reminderMailText(m: ReminderMail, t: T): { subject: string; text: string } {
  const language = m.language ?? "id";
  const base = env().APP_URL.replace(/\/$/, "");
  const params = {
    name: m.to.name,
    event: m.event.name,
    closes: formatInZone(m.deadline, eventZone(m.event.timezone), language),
    left: timeLeft(t, m.deadline, m.now),
    team: m.team?.name ?? "",
    members: m.team?.members ?? 0,
    min: m.team?.minSize ?? 0,
    round: m.round?.name ?? "",
    count: m.round?.open ?? 0,
  };
  const link = m.kind === "judging" ? `${base}/juri/${m.event.slug}` : m.kind === "submission" ? `${base}/tim/${m.team?.id ?? ""}/karya` : `${base}/tim/${m.team?.id ?? ""}`;
  return {
    subject: t(`reminders.mail.${m.kind}.subject`, params),
    text: `${t(`reminders.mail.${m.kind}.body`, { ...params, link })}\n\n${t("reminders.mail.footer", { event: m.event.name })}`,
  };
}

export async function sendReminderMail(m: ReminderMail): Promise<void> {
  const t = await tFor(m.language ?? "id");
  const { subject, text } = reminderMailText(m, t);
  await sendMail({ to: m.to.email, subject, text });
}
