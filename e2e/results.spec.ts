// Results end to end: an organizer publishes a judged event through the UI, the public sees the
// leaderboard, a participant downloads and verifies a certificate.
import { randomBytes } from "node:crypto";
import { expect, expectAccessible, getDb, loginAs, makeUser, PHONE, test } from "./fixtures";

async function judgedEventWith(organizerId: string, participantId: string, rounds: "one" | "two" = "one") {
  const db = await getDb();
  const { createEvent } = await import("../prisma/seed-utils");
  const { judgeEvent } = await import("../prisma/seed-results");
  const now = new Date();
  const tag = randomBytes(3).toString("hex");
  const event = await createEvent(db, now, {
    slug: `e2e-hasil-${tag}`,
    name: `Hackathon Uji Hasil ${tag}`,
    summary: "Uji",
    description: "Uji",
    rules: "Uji",
    offsets: { registrationOpens: -60, registrationCloses: -40, screeningCloses: -33, submissionOpens: -30, submissionCloses: -5, rounds: rounds === "one" ? [-2] : [-2, 3], announcement: 5 },
    roundNames: rounds === "one" ? ["Penyisihan"] : ["Penyisihan", "Final"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: [
      { name: "Layanan Publik Desa", description: "" },
      { name: "Literasi Digital", description: "" },
    ],
    criteria: [
      [
        { name: "Dampak", description: "", weight: 60, scaleMin: 1, scaleMax: 10 },
        { name: "Inovasi", description: "", weight: 40, scaleMin: 1, scaleMax: 10 },
      ],
    ],
    awards: [
      { name: "Juara I", kind: "PLACE", place: 1, prize: "Rp15.000.000" },
      { name: "Juara II", kind: "PLACE", place: 2, prize: "Rp10.000.000" },
      { name: "Juara III", kind: "PLACE", place: 3, prize: "Rp7.500.000" },
    ],
    faqs: [],
  });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizerId, role: "ORGANIZER" } });
  const judges = await db.user.findMany({ where: { email: { startsWith: "juri" } }, take: 4, orderBy: { email: "asc" } });
  for (const j of judges) await db.eventMember.create({ data: { eventId: event.id, userId: j.id, role: "JUDGE" } });
  await judgeEvent(db, event.id, now, { teams: 6, finalists: rounds === "one" ? 0 : 4 });
  // The participant joins the best team (the first one made).
  const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, name: "Sigap Desa" } });
  await db.teamMember.create({ data: { eventId: event.id, teamId: team.id, userId: participantId } });
  return event;
}

test("organizer publishes, the public sees the leaderboard, a participant downloads and verifies a certificate", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(PHONE);
  const organizer = await makeUser({ name: "Rina Panitia Uji" });
  const participant = await makeUser({ name: "Dewi Peserta" });
  const event = await judgedEventWith(organizer.id, participant.id);

  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/hasil`);
  await expect(page.getByRole("heading", { name: "Hasil penjurian" })).toBeVisible();
  await expect(page.getByText("Diperbarui langsung")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Statistik juri" })).toBeVisible();
  await expectAccessible(page);

  // Rehearsal of the ceremony before publication.
  await page.goto(`/acara/${event.slug}/hasil/tayang`);
  await expect(page.getByText("Gladi — belum dipublikasikan")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("heading", { name: "Juara III" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/kelola/${event.slug}/hasil`);
  await expect(page.getByLabel("Penerima").first()).toHaveValue(/.+/);
  await page.getByRole("checkbox", { name: /Saya mengerti: hasil babak Penyisihan/ }).check();
  await page.getByRole("button", { name: "Publikasikan hasil" }).click();
  await expect(page.getByText("Hasil sudah dipublikasikan dan sertifikat diterbitkan.")).toBeVisible();
  await page.getByRole("link", { name: "Lihat berita acara" }).click();
  await expect(page.getByText("Terverifikasi — dokumen sesuai dengan sidik SHA-256")).toBeVisible();
  await expectAccessible(page);

  // The public (a fresh, anonymous context) sees the leaderboard and the winners.
  const anonContext = await browser.newContext({ viewport: PHONE, locale: "id-ID" });
  const anon = await anonContext.newPage();
  const res = await anon.goto(`/acara/${event.slug}/hasil`);
  expect(res?.headers()["cache-control"]).toContain("public");
  await expect(anon.getByRole("heading", { name: "Pemenang" })).toBeVisible();
  await expect(anon.getByText("Juara I", { exact: true })).toBeVisible();
  await expect(anon.getByRole("list", { name: "Papan peringkat" }).getByRole("listitem")).toHaveCount(6);
  await anon.getByLabel("Bidang").selectOption("Literasi Digital");
  await anon.getByRole("button", { name: "Terapkan" }).click();
  await expect(anon.getByRole("list", { name: "Papan peringkat" }).getByRole("listitem")).toHaveCount(3);
  await expectAccessible(anon);
  await anonContext.close();

  // The participant's team page now leads to the results, the closed project form second.
  await page.context().clearCookies();
  await loginAs(page, participant);
  const db = await getDb();
  const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, members: { some: { userId: participant.id } } } });
  await page.goto(`/tim/${team.id}`);
  await expect(page.getByRole("link", { name: "Lihat hasil" })).toHaveAttribute("href", `/acara/${event.slug}/hasil`);
  await expect(page.getByRole("link", { name: "Lihat hasil" })).toHaveClass(/btn-primary/);
  await expect(page.getByRole("link", { name: "Lihat karya tim" })).toHaveClass(/btn-secondary/);
  await expect(page.getByRole("link", { name: "Buka formulir karya" })).toHaveCount(0);

  // The participant downloads their certificate and verifies it.
  await page.goto("/sertifikat");
  await expect(page.getByText("Pemenang — Juara I")).toBeVisible();
  // On a phone the title keeps the card's width (one line) and the download button sits below it.
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Pemenang — Juara I" }) });
  const title = await card.getByRole("heading").boundingBox();
  const button = await card.getByRole("link", { name: "Unduh PDF" }).boundingBox();
  expect(title && button).toBeTruthy();
  if (title && button) {
    expect(title.height).toBeLessThan(32);
    expect(button.y).toBeGreaterThanOrEqual(title.y + title.height);
  }
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh PDF" }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  await page.getByRole("link", { name: "Halaman verifikasi" }).first().click();
  await expect(page.getByRole("heading", { name: "Sertifikat terverifikasi" })).toBeVisible();
  await expect(page.locator("#konten").getByText("Dewi Peserta")).toBeVisible();
  await expectAccessible(page);

  const forged = await page.goto("/verifikasi/PALSU-1234567890abcdef");
  expect(forged?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sertifikat tidak valid" })).toBeVisible();
});

test("an organizer corrects a publication; the old certificate says it was superseded, and a typed code verifies", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(PHONE);
  const db = await getDb();
  const organizer = await makeUser({ name: "Panitia Koreksi" });
  const participant = await makeUser({ name: "Sari Peserta" });
  const event = await judgedEventWith(organizer.id, participant.id);
  const { loadRoundResults } = await import("../app/models/results.server");
  const { publishResults } = await import("../app/models/publication.server");
  const round = await db.round.findFirstOrThrow({ where: { eventId: event.id } });
  const ranked = (await loadRoundResults(event, { roundId: round.id, method: "zscore" })).rows.map((r) => r.submissionId);
  const [first, second] = await Promise.all([1, 2].map((place) => db.award.findFirstOrThrow({ where: { eventId: event.id, place } })));
  const published = await publishResults({
    eventId: event.id,
    actorId: organizer.id,
    roundId: round.id,
    method: "zscore",
    override: false,
    overrideReason: "",
    recipients: { [first!.id]: [ranked[0]!], [second!.id]: [ranked[1]!] },
    now: new Date(),
  });
  if (!published.ok) throw new Error(published.code);
  const oldWinner = await db.certificate.findFirstOrThrow({ where: { publicationId: published.publicationId, userId: participant.id, kind: "WINNER" } });

  // Juara I and II were swapped by mistake: the organizer corrects the record.
  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/hasil`);
  await expect(page.getByRole("heading", { name: "Koreksi hasil" })).toBeVisible();
  await page.getByText("Buka formulir koreksi").click();
  await page.locator(`#award-${first!.id}-0`).selectOption(ranked[1]!);
  await page.locator(`#award-${second!.id}-0`).selectOption(ranked[0]!);
  await expect(page.getByText(/tetap dapat diverifikasi, tetapi ditandai telah digantikan/)).toBeVisible();
  const confirm = page.getByRole("checkbox", { name: /Saya mengerti semua akibat di atas dan ingin menerbitkan koreksi/ });
  await confirm.check();
  await page.getByRole("button", { name: "Terbitkan koreksi" }).click();
  await expect(page.getByText("Tuliskan alasan koreksi, minimal 10 karakter.")).toBeVisible();
  await expect(page.getByLabel("Alasan koreksi")).toHaveAttribute("aria-invalid", "true");
  expect(await db.publication.count({ where: { eventId: event.id } })).toBe(1);
  await expectAccessible(page);

  const reason = "Juara I dan Juara II tertukar saat input; dibetulkan sesuai berita acara dewan juri.";
  await page.locator(`#award-${first!.id}-0`).selectOption(ranked[1]!);
  await page.locator(`#award-${second!.id}-0`).selectOption(ranked[0]!);
  await page.getByLabel("Alasan koreksi").fill(reason);
  await page.getByRole("checkbox", { name: /Saya mengerti semua akibat di atas/ }).check();
  await page.getByRole("button", { name: "Terbitkan koreksi" }).click();
  await expect(page.getByText("Koreksi diterbitkan. Berita acara lama ditandai digantikan dan sertifikat diterbitkan ulang.")).toBeVisible();
  await expect(page.getByText(`Hasil ini adalah koreksi. Alasan: ${reason}`)).toBeVisible();

  // The public sees the corrected results with the note.
  const anonContext = await browser.newContext({ viewport: PHONE, locale: "id-ID" });
  const anon = await anonContext.newPage();
  await anon.goto(`/acara/${event.slug}/hasil`);
  await expect(anon.getByText(/^Dikoreksi pada /)).toBeVisible();
  await expect(anon.getByText(`Alasan: ${reason}`)).toBeVisible();
  await expectAccessible(anon);
  await anon.getByRole("link", { name: "Lihat berita acara sebelum koreksi" }).click();
  await expect(anon.getByText("Berita acara ini telah digantikan")).toBeVisible();
  await expect(anon.getByText("Terverifikasi — dokumen sesuai dengan sidik SHA-256")).toBeVisible();
  await expectAccessible(anon);

  // Anyone types the old winner certificate's code, in lower case with dashes, from the footer link.
  await anon.getByRole("link", { name: "Verifikasi sertifikat" }).click();
  await expect(anon.getByRole("heading", { name: "Verifikasi sertifikat" })).toBeVisible();
  await expectAccessible(anon);
  await anon.getByLabel("Kode sertifikat").fill(oldWinner.code.toLowerCase());
  await anon.getByRole("button", { name: "Periksa" }).click();
  await expect(anon.getByRole("heading", { name: "Sertifikat ini telah digantikan" })).toBeVisible();
  await expect(anon.getByText(`Alasan: ${reason}`)).toBeVisible();
  await expect(anon.getByText("Koreksi tersebut menerbitkan sertifikat pengganti untuk orang dan peran yang sama.")).toBeVisible();
  await expect(anon.getByText("Juara I", { exact: true })).toBeVisible();
  await expectAccessible(anon);
  await anon.getByRole("link", { name: "Lihat sertifikat pengganti" }).click();
  await expect(anon.getByRole("heading", { name: "Sertifikat terverifikasi" })).toBeVisible();
  await expect(anon.getByText("Juara II", { exact: true })).toBeVisible();

  // The participant's reissued certificate, typed the way people do.
  const reissued = await db.certificate.findFirstOrThrow({ where: { publication: { eventId: event.id, correctedBy: { is: null } }, userId: participant.id, kind: "WINNER" } });
  expect(reissued.awardName).toBe("Juara II");
  await anon.goto("/verifikasi");
  await anon.getByLabel("Kode sertifikat").fill(` ${reissued.code.toLowerCase().replace(/-/g, " - ")} `);
  await anon.getByLabel("Kode sertifikat").press("Enter");
  await expect(anon.getByRole("heading", { name: "Sertifikat terverifikasi" })).toBeVisible();
  await expect(anon).toHaveURL(new RegExp(`/verifikasi/${reissued.code}$`));
  await expect(anon.getByText("Juara II", { exact: true })).toBeVisible();

  // A code that matches nothing: the reason, and the form again on the same page.
  await anon.getByRole("link", { name: "Verifikasi sertifikat" }).click();
  await anon.getByLabel("Kode sertifikat").fill("kim-0000-0000-0000-0000");
  await anon.getByRole("button", { name: "Periksa" }).click();
  await expect(anon.getByRole("heading", { name: "Sertifikat tidak valid" })).toBeVisible();
  await expect(anon.getByLabel("Kode sertifikat")).toHaveValue("KIM-0000-0000-0000-0000");
  await expectAccessible(anon);
  await anonContext.close();
});

test("the results page opens on the Final being judged, warns on an earlier round, and publishing needs a confirmation", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  const db = await getDb();
  const organizer = await makeUser({ name: "Panitia Babak" });
  const participant = await makeUser({ name: "Peserta Babak" });
  const event = await judgedEventWith(organizer.id, participant.id, "two");
  // Round 1 is complete; the Final has its finalists assigned but nothing finalized yet.
  await db.judgment.updateMany({ where: { assignment: { round: { eventId: event.id, name: "Final" } } }, data: { finalizedAt: null } });

  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/hasil`);
  await expect(page.getByRole("heading", { name: "Babak Final" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Final" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/penilaian di babak ini belum final/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Pilih babak" }).getByRole("link", { name: "Penyisihan" }).click();
  await expect(page).toHaveURL(/babak=/);
  await expect(page.getByRole("heading", { name: "Babak Penyisihan" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Babak ini bukan babak terakhir: Final \(0 dari \d+ penilaian final\)/)).toBeVisible();
  const confirm = page.getByRole("checkbox", { name: /Saya mengerti: hasil babak Penyisihan dengan metode .* akan dibekukan .* sertifikat diterbitkan/ });
  await expect(confirm).not.toBeChecked();
  await expect(page.getByText("Perhatian: masih ada babak sesudahnya (Final).")).toBeVisible();

  await page.getByRole("button", { name: "Publikasikan hasil" }).click();
  await expect(page.getByText("Centang konfirmasi untuk mempublikasikan.")).toBeVisible();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  expect(await db.publication.count({ where: { eventId: event.id } })).toBe(0);
  await expectAccessible(page);
});

test("announcements, People's Choice and team feedback pages are accessible", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(PHONE);
  const db = await getDb();
  const organizer = await makeUser({ name: "Panitia Pengumuman" });
  const participant = await makeUser({ name: "Peserta Umpan Balik" });
  const event = await judgedEventWith(organizer.id, participant.id);
  await db.event.update({ where: { id: event.id }, data: { peoplesChoice: true, votingOpensAt: new Date(Date.now() - 3_600_000), votingClosesAt: new Date(Date.now() + 3_600_000) } });

  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/pengumuman`);
  await page.getByLabel("Judul").fill("x");
  await page.getByRole("button", { name: "Umumkan dan kirim email" }).click();
  await expect(page.getByText("Judul minimal 3 karakter.")).toBeVisible();
  await expect(page.getByLabel("Judul")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Judul").fill("Jadwal malam penganugerahan");
  await page.getByLabel("Isi").fill("Malam penganugerahan digelar **Sabtu** pukul 19.00 WIB.");
  await page.getByLabel("Kirim email ke").selectOption("judges");
  await page.getByRole("button", { name: "Umumkan dan kirim email" }).click();
  await expect(page.getByText("Pengumuman dipublikasikan dan dikirim ke 4 alamat email.")).toBeVisible();
  await expectAccessible(page);

  await page.context().clearCookies();
  await loginAs(page, participant);
  await page.goto(`/acara/${event.slug}/pilih`);
  await page
    .getByRole("button", { name: /Pilih karya ini/ })
    .first()
    .click();
  await expect(page.getByText("Terima kasih, suara Anda sudah tercatat.")).toBeVisible();
  await expectAccessible(page);

  const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, name: "Sigap Desa" } });
  await page.goto(`/tim/${team.id}/umpan-balik`);
  await expect(page.getByText("Umpan balik tersedia setelah panitia mempublikasikan hasil.")).toBeVisible();
  await expectAccessible(page);
});
