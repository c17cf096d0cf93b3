import { describe, expect, it } from "vitest";
import { tFor } from "./i18n.server";
import { reminderMailText, type ReminderMail } from "./reminder-mail.server";

const deadline = new Date("2026-12-01T16:59:59.999Z");
const base: ReminderMail = {
  kind: "submission",
  to: { email: "dewi@contoh.id", name: "Dewi" },
  event: { name: "KIM Hackathon Jatim 2026", slug: "kim-2026", timezone: "Asia/Makassar" },
  deadline,
  now: new Date(deadline.getTime() - 3 * 3_600_000),
  team: { id: "t1", name: "Lapor Cepat", members: 2, minSize: 3 },
};

describe("reminder mail text", () => {
  it("reads in Indonesian with the deadline in the event's zone and the time left", async () => {
    const { subject, text } = reminderMailText(base, await tFor("id"));
    expect(subject).toBe("3 jam lagi: kirim karya Lapor Cepat untuk KIM Hackathon Jatim 2026");
    expect(text).toContain("ditutup Rabu, 2 Desember 2026 00.59 WITA, 3 jam lagi");
    expect(text).toContain("http://localhost:3000/tim/t1/karya");
  });

  it("reads in English when the recipient's language is English, with singular and plural", async () => {
    const en = await tFor("en");
    const one = reminderMailText({ ...base, language: "en", now: new Date(deadline.getTime() - 3_600_000) }, en);
    expect(one.subject).toBe("1 hour left: submit Lapor Cepat's project for KIM Hackathon Jatim 2026");
    expect(one.text).toContain("closes Wednesday, 2 December 2026 00:59 WITA, 1 hour from now");
    const late = reminderMailText({ ...base, kind: "judging", language: "en", round: { name: "Final", open: 4 }, now: new Date(deadline.getTime() - 25 * 60_000) }, en);
    expect(late.subject).toBe("4 scores waiting — KIM Hackathon Jatim 2026 round Final closes Wednesday, 2 December 2026 00:59 WITA");
    expect(late.text).toContain("25 minutes from now");
    expect(late.text).toContain("http://localhost:3000/juri/kim-2026");
  });
});
