import { demoPdf } from "../prisma/seed-submissions";
import { expect, expectAccessible, getDb as fixtureDb, loginAs, makeUser, PHONE, test } from "./fixtures";

// The client sets SQLite pragmas on first use without holding queries back; a transaction
// started before they finish fails with "Safety level may not be changed inside a transaction".
async function getDb() {
  const { dbReady } = await import("../app/services/db.server");
  await dbReady;
  return fixtureDb();
}

const HOUR = 60 * 60 * 1000;

/** An event whose submission window is open now, with an accepted team captained by a new user. */
async function openTeam() {
  const db = await getDb();
  const { createEvent } = await import("../prisma/seed-utils");
  const { createTeam } = await import("../prisma/seed-submissions");
  const now = new Date();
  const slug = `e2e-karya-${now.getTime()}`;
  const event = await createEvent(db, now, {
    slug,
    name: "Hackathon Uji Karya",
    summary: "",
    description: "",
    rules: "",
    offsets: { registrationOpens: -10, registrationCloses: -5, screeningCloses: -3, submissionOpens: -1, submissionCloses: 2, rounds: [3, 4], announcement: 5 },
    roundNames: ["Penyisihan", "Final"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: [{ name: "Layanan Publik Desa", description: "" }],
    criteria: [[{ name: "Dampak", description: "", weight: 100, scaleMin: 1, scaleMax: 10 }]],
    awards: [],
    faqs: [],
  });
  const user = await makeUser({ name: "Kapten Uji" });
  const team = await createTeam(db, { eventId: event.id, name: `Tim Uji ${now.getTime()}`, userIds: [user.id] });
  return { event, user, team, db };
}

test("a team drafts, uploads, submits, edits and reads its revision history on a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const { user, team } = await openTeam();
  await loginAs(page, user);
  await page.goto(`/tim/${team.id}/karya`);
  await expect(page.getByRole("heading", { name: "Karya tim", level: 1 })).toBeVisible();
  await expect(page.getByText("Belum mulai")).toBeVisible();
  await expectAccessible(page);

  // Draft: autosaved after a pause in typing.
  await page.getByLabel("Judul karya").fill("Lapor Desa");
  await page.getByLabel("Ringkasan satu kalimat").fill("Warga melapor jalan rusak lewat WhatsApp.");
  await page.getByLabel("Deskripsi").fill("## Masalah\nLaporan warga tercecer.\n\n<script>alert(1)</script>");
  await expect(page.getByText(/^Tersimpan \d{2}\.\d{2} WIB$/)).toBeVisible({ timeout: 10_000 });

  // Upload an attachment (the page reloads with the draft kept).
  await page.getByLabel("Pilih berkas lampiran").setInputFiles({ name: "Proposal Tim.pdf", mimeType: "application/pdf", buffer: Buffer.from(demoPdf("Proposal")) });
  await page.getByRole("button", { name: "Unggah lampiran" }).click();
  await expect(page.getByRole("link", { name: "Proposal Tim.pdf" })).toBeVisible();
  await expect(page.getByLabel("Pilih berkas lampiran")).toHaveValue("");
  await expect(page.getByLabel("Judul karya")).toHaveValue("Lapor Desa");

  // A file whose content is not its type is refused with a clear message.
  await page.getByLabel("Pilih berkas lampiran").setInputFiles({ name: "palsu.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Unggah lampiran" }).click();
  await expect(page.getByText("Isi berkas tidak sesuai dengan jenisnya")).toBeVisible();

  // Submit needs the confirmation.
  await page.getByLabel("Bidang lomba").selectOption({ label: "Layanan Publik Desa" });
  await page.getByLabel(/Video presentasi/).fill("https://youtu.be/dQw4w9WgXcQ");
  await page.getByRole("button", { name: "Kirim karya" }).click();
  await expect(page.getByText("Centang pernyataan ini untuk mengirim karya.")).toBeVisible();
  await page.getByLabel("Saya yakin karya ini siap dikirim ke panitia.").check();
  await page.getByRole("button", { name: "Kirim karya" }).click();
  await expect(page.getByText("Karya terkirim!")).toBeVisible();
  await expect(page.getByText("Terkirim", { exact: true })).toBeVisible();
  await expect(page.getByText("Revisi 1")).toBeVisible();

  // Edit after submitting: a new revision with a visible diff.
  await page.getByLabel("Judul karya").fill("Lapor Desa Pintar");
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByText("Perubahan tersimpan sebagai revisi baru.")).toBeVisible();
  const latest = page.getByRole("listitem").filter({ hasText: "Revisi 2" });
  await expect(latest.locator("ins")).toHaveText(" Pintar");
  // The description's script is shown as text in the preview, never run.
  await expect(page.locator(".prose-kim script")).toHaveCount(0);
  await expect(page.locator(".prose-kim").getByText("<script>alert(1)</script>")).toBeVisible();
  await expectAccessible(page);
});

test("ticking the confirmation and submitting at once leaves no false draft warning", async ({ page }) => {
  const { user, team } = await openTeam();
  await page.clock.install();
  await loginAs(page, user);
  await page.goto(`/tim/${team.id}/karya`);
  await page.getByLabel("Judul karya").fill("Lapor Cepat");
  await page.getByLabel("Deskripsi").fill("Dikirim tanpa jeda.");
  await page.getByLabel("Bidang lomba").selectOption({ label: "Layanan Publik Desa" });
  await page.getByLabel(/Video presentasi/).fill("https://youtu.be/dQw4w9WgXcQ");
  await page.getByLabel("Saya yakin karya ini siap dikirim ke panitia.").check();
  const autosaves: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.postData()?.includes("intent=autosave")) autosaves.push(r.url());
  });
  await page.getByRole("button", { name: "Kirim karya" }).click();
  await expect(page.getByText("Karya terkirim!")).toBeVisible();
  // Run every timer the edits above queued, then let any request they start finish.
  await page.clock.runFor(10_000);
  await page.waitForLoadState("networkidle");
  expect(autosaves).toEqual([]);
  await expect(page.getByText(/Draf belum tersimpan/)).toHaveCount(0);
});

test("the form works without JavaScript: save a draft and submit with the checkbox", async ({ browser }) => {
  const { user, team } = await openTeam();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await loginAs(page, user);
  await page.goto(`/tim/${team.id}/karya`);
  await page.getByLabel("Judul karya").fill("Tanpa JS");
  await page.getByLabel("Deskripsi").fill("Deskripsi singkat.");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.getByText("Draf tersimpan.")).toBeVisible();
  await page.getByLabel("Bidang lomba").selectOption({ label: "Layanan Publik Desa" });
  await page.getByLabel("Saya yakin karya ini siap dikirim ke panitia.").check();
  await page.getByRole("button", { name: "Kirim karya" }).click();
  await expect(page.getByText("Karya terkirim!")).toBeVisible();
  await context.close();
});

test("a closed window refuses the team with the closing time", async ({ page }) => {
  const { user, team, event, db } = await openTeam();
  await db.event.update({ where: { id: event.id }, data: { submissionClosesAt: new Date(Date.now() - HOUR) } });
  await loginAs(page, user);
  await page.goto(`/tim/${team.id}/karya`);
  await expect(page.getByRole("alert").filter({ hasText: /^Pengumpulan karya ditutup pada .+ WIB\.$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Kirim karya" })).toHaveCount(0);
  // The closed form looks closed: grey fields that say "not allowed" under the pointer.
  const title = page.getByLabel("Judul karya");
  await expect(title).toBeDisabled();
  await expect(title).toHaveCSS("background-color", "rgb(241, 245, 249)");
  await expect(title).toHaveCSS("cursor", "not-allowed");
});

test("the public gallery and a project page read well on a phone and a laptop", async ({ page }) => {
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    await page.setViewportSize(viewport);
    await page.goto("/acara/kim-hackathon-jatim-2026/galeri");
    await expect(page.getByRole("heading", { name: "Galeri karya", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Lapor Desa" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pasar Tani Daring" })).toHaveCount(0);
    await expectAccessible(page);
  }
  await page.getByLabel("Cari judul atau tim").fill("kabar");
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page.getByRole("link", { name: "Saring Kabar", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Lapor Desa" })).toHaveCount(0);
  await page.getByRole("link", { name: "Saring Kabar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Saring Kabar", level: 1, exact: true })).toBeVisible();
  await expect(page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]')).toHaveCount(1);
  await expectAccessible(page);
});

test("organizers filter submissions, export CSV and toggle the gallery", async ({ page }) => {
  const db = await getDb();
  const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" } });
  const organizer = await makeUser({ name: "Panitia Uji" });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  await loginAs(page, organizer);
  await page.goto("/kelola/kim-hackathon-jatim-2026/karya");
  await expect(page.getByRole("heading", { name: "Karya peserta" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Status").selectOption({ label: "Draf" });
  await page.getByRole("button", { name: "Saring" }).click();
  await expect(page.getByText("Menampilkan 1 tim")).toBeVisible();
  await expect(page.getByText("Tanpa video")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh CSV" }).click();
  const csv = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(csv, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("Pasar Tani Daring");

  await page.getByRole("button", { name: "Tarik galeri" }).click();
  await expect(page.getByRole("button", { name: "Publikasikan galeri" })).toBeVisible();
  // The public (no session) now gets 404; the organizer still has a preview.
  expect((await fetch(new URL("/acara/kim-hackathon-jatim-2026/galeri", page.url()))).status).toBe(404);
  await page.getByRole("button", { name: "Publikasikan galeri" }).click();
  await expect(page.getByRole("button", { name: "Tarik galeri" })).toBeVisible();
});
