import { randomBytes } from "node:crypto";
import { expect, expectAccessible, getDb, hydrated, loginAs, makeUser, PHONE, test, type TestUser } from "./fixtures";

/** An event whose first round is open now, with three submitted projects of accepted teams. */
async function judgingEvent(judgeCount = 1) {
  const db = await getDb();
  const { createEvent } = await import("../prisma/seed-utils");
  const { createDemoSubmission, createDemoTeam } = await import("../prisma/seed-judging");
  const slug = `e2e-juri-${randomBytes(4).toString("hex")}`;
  const event = await createEvent(db, new Date(), {
    slug,
    name: `Hackathon Penjurian ${slug}`,
    summary: "",
    description: "",
    rules: "",
    offsets: { registrationOpens: -30, registrationCloses: -20, screeningCloses: -15, submissionOpens: -14, submissionCloses: -1, rounds: [3, 6], announcement: 8 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: [{ name: "Umum", description: "" }],
    criteria: [
      [
        { name: "Dampak", description: "Manfaat bagi warga.", weight: 60, scaleMin: 1, scaleMax: 10 },
        { name: "Inovasi", description: "Kebaruan ide.", weight: 40, scaleMin: 1, scaleMax: 5 },
      ],
    ],
    awards: [],
    faqs: [],
  });
  const round = await db.round.findFirstOrThrow({ where: { eventId: event.id, order: 1 } });
  const judges: TestUser[] = [];
  for (let i = 0; i < judgeCount; i++) {
    const judge = await makeUser({ name: `Juri Uji ${i + 1}` });
    await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    judges.push(judge);
  }
  const submissions = [];
  for (const [i, title] of ["Lapor Jalan", "Cek Hoaks", "Pasar Desa"].entries()) {
    const member = await makeUser({ name: `Peserta ${i + 1}` });
    const team = await createDemoTeam(db, event.id, { name: `Tim ${title}`, kimName: `KIM ${title}`, memberIds: [member.id] });
    submissions.push(await createDemoSubmission(db, event, team.id, null, { title, tagline: `Tagline ${title}`, description: `## Tentang\n${title} membantu warga.` }));
  }
  return { db, event, round, judges, submissions };
}

test("a judge scores three submissions on a phone, offline mid-way, and finalizes", async ({ page, context }) => {
  const { db, event, round, judges, submissions } = await judgingEvent();
  const judge = judges[0];
  const assignments = [];
  for (const s of submissions) {
    await db.roundEntry.create({ data: { roundId: round.id, submissionId: s.id } });
    assignments.push(await db.assignment.create({ data: { roundId: round.id, judgeId: judge.id, submissionId: s.id } }));
  }
  await page.setViewportSize(PHONE);
  await loginAs(page, judge);
  await page.goto(`/juri/${event.slug}`);
  await expect(page.getByTestId("progress")).toHaveText("0 dari 3 dinilai");
  await expectAccessible(page);

  const score = async (dampak: string, inovasi: string) => {
    await page
      .getByRole("group", { name: /^Dampak/ })
      .getByRole("radio", { name: dampak, exact: true })
      .check();
    await page
      .getByRole("group", { name: /^Inovasi/ })
      .getByRole("radio", { name: inovasi, exact: true })
      .check();
  };

  // First two while online: each change is saved automatically. The queue's links navigate
  // within the app (the page is not loaded again: what this window holds survives).
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole("link", { name: /Cek Hoaks/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cek Hoaks" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expectAccessible(page);
  await score("8", "4");
  await page.getByLabel("Komentar untuk tim").fill("Solusi yang jelas untuk KIM.");
  await expect(page.getByTestId("save-status")).toHaveText("Tersimpan");
  await page.getByRole("link", { name: /Karya berikutnya/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lapor Jalan" })).toBeVisible();
  await score("6", "3");
  await expect(page.getByTestId("save-status")).toHaveText("Tersimpan");

  // The third while offline: kept on the device, sent when the connection returns.
  await page.getByRole("link", { name: /Karya berikutnya/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pasar Desa" })).toBeVisible();
  await context.setOffline(true);
  await score("9", "5");
  await page.getByLabel("Catatan untuk panitia").fill("Dinilai saat sinyal hilang.");
  await expect(page.getByText("Offline — nilai disimpan di perangkat")).toBeVisible();
  const third = assignments[2];
  const draft = await page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith(`kim-nilai:${id}:`)), third.id);
  expect(draft).toEqual([`kim-nilai:${third.id}:0`]);
  expect(await db.judgment.findUnique({ where: { assignmentId: third.id } })).toBeNull();
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("Tersimpan");
  await expect(page.getByText("Offline — nilai disimpan di perangkat")).toBeHidden();
  const sent = await db.judgment.findUniqueOrThrow({ where: { assignmentId: third.id }, include: { scores: { include: { criterion: true } } } });
  expect(Object.fromEntries(sent.scores.map((s) => [s.criterion.name, s.value]))).toEqual({ Dampak: 9, Inovasi: 5 });
  expect(sent.privateNote).toBe("Dinilai saat sinyal hilang.");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kim-nilai:")))).toEqual([]);

  // Finalize all three, each with a confirmation.
  for (const title of ["Pasar Desa", "Cek Hoaks", "Lapor Jalan"]) {
    if (!(await page.getByRole("heading", { level: 1, name: title }).isVisible())) {
      await page.getByRole("link", { name: new RegExp(title) }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    }
    await page.getByText("Finalisasi…").click();
    await page.getByRole("button", { name: "Ya, finalisasi nilai" }).click();
    await expect(page).toHaveURL(new RegExp(`/juri/${event.slug}\\?final=1$`));
    await expect(page.getByRole("status").filter({ hasText: "Penilaian final terkirim ke panitia" })).toBeVisible();
  }
  await expect(page.getByText("Semua karya Anda sudah dinilai final. Terima kasih!")).toBeVisible();
  await expect(page.getByTestId("progress")).toHaveText("3 dari 3 dinilai");
  await expect(page.getByText("Sudah difinalisasi: 3")).toBeVisible();
  expect(await db.judgment.count({ where: { assignment: { roundId: round.id, judgeId: judge.id }, finalizedAt: { not: null } } })).toBe(3);

  // The status filter and the judge's tabs navigate within the app too, and mark where the judge is.
  await page.getByRole("link", { name: "Difinalisasi (3)" }).click();
  await expect(page).toHaveURL(new RegExp(`/juri/${event.slug}\\?saring=`));
  await expect(page.getByRole("link", { name: "Difinalisasi (3)" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Afiliasi & konflik" }).click();
  await expect(page).toHaveURL(new RegExp(`/juri/${event.slug}/konflik$`));
  await expect(page.getByRole("link", { name: "Afiliasi & konflik" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Daftar penilaian" })).not.toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Daftar penilaian" }).click();
  await expect(page.getByTestId("progress")).toHaveText("3 dari 3 dinilai");
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // A finalized judgment is read-only.
  await page.getByRole("link", { name: /Pasar Desa/ }).click();
  await expect(page.getByText(/sudah difinalisasi pada/)).toBeVisible();
  await expect(page.getByRole("group", { name: /^Dampak/ }).getByRole("radio", { name: "9", exact: true })).toBeDisabled();
});

test("a save from another device shows a conflict instead of overwriting", async ({ page }) => {
  const { db, event, round, judges, submissions } = await judgingEvent();
  const judge = judges[0];
  await db.roundEntry.create({ data: { roundId: round.id, submissionId: submissions[0].id } });
  const a = await db.assignment.create({ data: { roundId: round.id, judgeId: judge.id, submissionId: submissions[0].id } });
  await page.setViewportSize(PHONE);
  await loginAs(page, judge);
  await page.goto(`/juri/${event.slug}/nilai/${a.id}`);
  // Meanwhile the judge's laptop saved version 1.
  const criteria = await db.criterion.findMany({ where: { roundId: round.id }, orderBy: { order: "asc" } });
  await db.judgment.create({ data: { assignmentId: a.id, version: 1, comment: "dari laptop", scores: { create: [{ criterionId: criteria[0].id, value: 2 }] } } });
  await page
    .getByRole("group", { name: /^Dampak/ })
    .getByRole("radio", { name: "7", exact: true })
    .check();
  await expect(page.getByRole("alert")).toContainText("sudah diubah dari perangkat atau tab lain (versi 1)");
  expect((await db.judgment.findUniqueOrThrow({ where: { assignmentId: a.id }, include: { scores: true } })).scores[0].value).toBe(2);
  await page.getByRole("button", { name: "Timpa dengan isian saya" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Tersimpan");
  const after = await db.judgment.findUniqueOrThrow({ where: { assignmentId: a.id }, include: { scores: true } });
  expect(after.version).toBe(2);
  expect(after.scores.find((s) => s.criterionId === criteria[0].id)?.value).toBe(7);
});

test("the organizer assigns automatically and can see why a judge is not assigned", async ({ page }) => {
  const { db, event, judges } = await judgingEvent(4);
  const organizer = await makeUser({ name: "Panitia Uji" });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  // One declared conflict, so one explanation is a conflict.
  const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, name: "Tim Cek Hoaks" } });
  await db.conflict.create({ data: { eventId: event.id, judgeId: judges[0].id, teamId: team.id, reason: "declared", source: "DECLARED" } });
  await page.setViewportSize(PHONE);
  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/penjurian`);
  await expect(page.getByRole("heading", { name: "Penjurian", level: 2 })).toBeVisible();
  await hydrated(page);
  await page.getByRole("button", { name: "Bagikan otomatis" }).click();
  await expect(page.getByText("9 penugasan baru dibuat.")).toBeVisible();
  await expect(page.getByText("Semua karya sudah mendapat juri lengkap.")).toBeVisible();
  await expectAccessible(page);
  const card = page.getByRole("article").filter({ hasText: "Cek Hoaks" });
  await card.getByText("Mengapa juri lain tidak ditugaskan?").click();
  await expect(card.getByText("Konflik kepentingan: dinyatakan sendiri oleh juri.")).toBeVisible();
  for (const tab of ["Progres", "Konflik kepentingan", "Babak berikutnya", "Jejak audit"]) {
    await page.getByRole("link", { name: tab, exact: true }).click();
    await expect(page.getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
  }
  await expect(page.getByText(/membagi juri otomatis di babak .*: 9 penugasan baru/)).toBeVisible();

  // The judge declares affiliations on their own page.
  await loginAs(page, judges[1]);
  await page.goto(`/juri/${event.slug}/konflik`);
  await expectAccessible(page);
  await page.getByLabel(/Tim Lapor Jalan/).check();
  await page.getByRole("button", { name: "Simpan afiliasi dan konflik" }).click();
  await expect(page.getByText("Afiliasi dan konflik tersimpan.")).toBeVisible();
  expect(await db.conflict.count({ where: { eventId: event.id, judgeId: judges[1].id, source: "DECLARED" } })).toBe(1);
});

test("scoring works without JavaScript: refusal keeps the values, save, finalize", async ({ browser }) => {
  const { db, event, round, judges, submissions } = await judgingEvent();
  const judge = judges[0];
  await db.roundEntry.create({ data: { roundId: round.id, submissionId: submissions[0].id } });
  const a = await db.assignment.create({ data: { roundId: round.id, judgeId: judge.id, submissionId: submissions[0].id } });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await loginAs(page, judge);
  await page.goto(`/juri/${event.slug}/nilai/${a.id}`);
  const dampak7 = page.getByRole("group", { name: /^Dampak/ }).getByRole("radio", { name: "7", exact: true });
  await dampak7.check();
  await page.getByText("Finalisasi…").click();
  await page.getByRole("button", { name: "Ya, finalisasi nilai" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Semua kriteria harus dinilai sebelum finalisasi." })).toBeVisible();
  await expect(page.getByText("Kriteria ini belum dinilai.")).toBeVisible();
  await expect(dampak7).toBeChecked();
  expect(await db.judgment.count({ where: { assignmentId: a.id } })).toBe(0);

  await page
    .getByRole("group", { name: /^Inovasi/ })
    .getByRole("radio", { name: "3", exact: true })
    .check();
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Tersimpan");
  expect((await db.judgment.findUniqueOrThrow({ where: { assignmentId: a.id } })).version).toBe(1);

  await page.getByText("Finalisasi…").click();
  await page.getByRole("button", { name: "Ya, finalisasi nilai" }).click();
  await expect(page).toHaveURL(new RegExp(`/juri/${event.slug}\\?final=1$`));
  await expect(page.getByText("Difinalisasi", { exact: true })).toBeVisible();
  await context.close();
});

test("a judge who logs in from the home page lands on the dashboard with what waits for them first", async ({ page }) => {
  const { db, event, round, judges, submissions } = await judgingEvent();
  const judge = judges[0];
  for (const s of submissions.slice(0, 2)) {
    await db.roundEntry.create({ data: { roundId: round.id, submissionId: s.id } });
    await db.assignment.create({ data: { roundId: round.id, judgeId: judge.id, submissionId: s.id } });
  }
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await page.getByRole("link", { name: "Masuk" }).first().click();
  await page.getByLabel("Email").fill(judge.email);
  await page.getByLabel("Kata sandi").fill(judge.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  // The judging section is the first thing under the greeting, with the count and the way in.
  await expect(page.locator("main h2").first()).toHaveText("Acara yang saya nilai");
  await expect(page.getByText("2 karya menunggu nilai Anda")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tim saya" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Mulai menilai" }).click();
  await expect(page).toHaveURL(new RegExp(`/juri/${event.slug}$`));
  await expect(page.getByTestId("progress")).toHaveText("0 dari 2 dinilai");
});
