import { utcToZonedLocal } from "../app/domain/time";
import { expect, hydrated, expectAccessible, getDb, loginAs, mailLink, makeUser, openSection, PHONE, test } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;
/** A datetime-local value in WIB, `days` from now. */
const wib = (days: number) => utcToZonedLocal(new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000), "Asia/Jakarta");

test("an admin creates an event and an organizer sets it up on a phone and publishes it", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await makeUser({ name: "Admin Uji", isAdmin: true });
  const organizer = await makeUser({ name: "Panitia Uji" });
  const slug = `kim-uji-${Date.now().toString(36)}`;

  const adminContext = await browser.newContext({ viewport: PHONE });
  const adminPage = await adminContext.newPage();
  await loginAs(adminPage, admin);
  await adminPage.goto("/admin");
  await expect(adminPage.getByRole("heading", { name: "Buat acara baru" })).toBeVisible();
  await expectAccessible(adminPage);
  await adminPage.getByLabel("Nama acara").fill("KIM Hackathon Uji Coba");
  await adminPage.getByLabel("Alamat halaman").fill(slug);
  await adminPage.getByLabel("Pendaftaran dibuka").fill(wib(10));
  await adminPage.getByLabel("Pendaftaran ditutup").fill(wib(20));
  await adminPage.getByLabel("Seleksi administrasi selesai").fill(wib(25));
  await adminPage.getByLabel("Pengumpulan karya dibuka").fill(wib(26));
  await adminPage.getByLabel("Pengumpulan karya ditutup").fill(wib(40));
  await adminPage.getByLabel("Babak 1 ditutup").fill(wib(45));
  await adminPage.getByLabel("Pengumuman pemenang").fill(wib(50));
  await adminPage.getByLabel(/Email panitia/).fill(organizer.email);
  await adminPage.getByRole("button", { name: "Buat acara" }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/kelola/${slug}/tim-panitia`));
  await expect(adminPage.getByText(organizer.email)).toBeVisible();
  await adminContext.close();

  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await loginAs(page, organizer);
  // An existing account is invited like anyone else and joins by accepting.
  await expect.poll(() => mailLink(organizer.email, "undangan")).not.toBeNull();
  await page.goto(new URL(mailLink(organizer.email, "undangan") ?? "").pathname);
  await page.getByRole("button", { name: "Terima undangan" }).click();
  await expect(page).toHaveURL(new RegExp(`/kelola/${slug}\\?tersimpan=welcome`));

  // A private event is not public yet.
  const anon = await browser.newContext({ viewport: PHONE });
  const visitor = await anon.newPage();
  expect((await visitor.goto(`/acara/${slug}`))?.status()).toBe(404);

  await page.goto("/dasbor");
  await page.getByRole("link", { name: "KIM Hackathon Uji Coba" }).click();
  await expect(page).toHaveURL(new RegExp(`/kelola/${slug}$`));
  await expect(page.getByRole("heading", { name: "Persiapan acara" })).toBeVisible();
  await expectAccessible(page);

  // Settings.
  await openSection(page, "Pengaturan");
  await page.getByLabel("Ringkasan").fill("Uji coba hackathon untuk KIM se-Jawa Timur.");
  await page.getByLabel("Deskripsi").fill("## Tentang\nMembangun **layanan informasi** desa.");
  await page.getByLabel(/Email kontak/).fill("panitia-uji@contoh.id");
  await page.getByLabel(/WhatsApp kontak/).fill("0812 3456 7890");
  await page.getByRole("button", { name: "Simpan", exact: true }).first().click();
  await expect(page.getByText("Pengaturan tersimpan.")).toBeVisible();
  await expectAccessible(page);

  // Timeline: a date out of order is refused on its field, then fixed so registration is open now.
  await openSection(page, "Linimasa");
  await page.getByLabel("Pendaftaran dibuka (WIB)").fill(wib(-1));
  await page.getByLabel("Pendaftaran ditutup (WIB)").fill(wib(-2));
  await page.getByRole("button", { name: "Simpan linimasa" }).click();
  await expect(page.getByText("Harus setelah tanggal sebelumnya di linimasa.")).toBeVisible();
  await expect(page.getByLabel("Pendaftaran ditutup (WIB)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Pendaftaran ditutup (WIB)").fill(wib(14));
  await page.getByRole("button", { name: "Simpan linimasa" }).click();
  // Opening registration at once is said out loud and needs a second, explicit yes.
  await expect(page.getByText(/^Pendaftaran tim langsung dibuka, sampai .* WIB\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Ya, simpan perubahan ini" }).click();
  await expect(page.getByText("Linimasa tersimpan.")).toBeVisible();
  await expectAccessible(page);

  // Structure: a track.
  await openSection(page, "Struktur");
  await page.getByLabel("Nama bidang", { exact: true }).fill("Layanan Publik Desa");
  await page.getByRole("button", { name: "Tambahkan bidang" }).click();
  await expect(page.getByText("Bidang diperbarui.")).toBeVisible();
  await expect(page.getByLabel("Nama bidang 1")).toHaveValue("Layanan Publik Desa");
  await expectAccessible(page);

  // Rubric: weights must total 100.
  await page.getByRole("link", { name: "Rubrik" }).click();
  await page.getByRole("button", { name: "Tambah kriteria" }).click();
  await page.getByRole("button", { name: "Tambah kriteria" }).click();
  await page.getByLabel("Kriteria 1", { exact: true }).fill("Dampak bagi masyarakat");
  await page.getByLabel("Bobot (%)").nth(0).fill("60");
  await page.getByLabel("Kriteria 2", { exact: true }).fill("Inovasi");
  await page.getByLabel("Bobot (%)").nth(1).fill("30");
  await page.getByRole("button", { name: "Simpan rubrik" }).click();
  await expect(page.getByText("Total bobot harus tepat 100.")).toBeVisible();
  await page.getByLabel("Bobot (%)").nth(1).fill("40");
  await expect(page.getByText("Total bobot: 100 dari 100")).toBeVisible();
  await page.getByRole("button", { name: "Simpan rubrik" }).click();
  await expect(page.getByText("Rubrik tersimpan.")).toBeVisible();
  await expectAccessible(page);

  // Publish.
  await openSection(page, "Pengaturan");
  await page.getByLabel("Tampilkan acara untuk umum").check();
  await page.getByRole("button", { name: "Simpan", exact: true }).first().click();
  await expect(page.getByText("Pengaturan tersimpan.")).toBeVisible();

  for (const path of ["tim-panitia", "struktur/wilayah", "struktur/penghargaan", "audit"]) {
    await page.goto(`/kelola/${slug}/${path}`);
    await expectAccessible(page);
  }
  await expect(page.getByText("Panitia Uji mengubah linimasa").first()).toBeVisible();

  // The public sees the event in registration with a countdown and the register button.
  await visitor.goto(`/acara/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: "KIM Hackathon Uji Coba" })).toBeVisible();
  await expect(visitor.locator("header").getByText("Pendaftaran", { exact: true })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Daftarkan tim" })).toHaveAttribute("href", `/acara/${slug}/daftar-tim`);
  await expect(visitor.getByText(/Pendaftaran ditutup —/)).toBeVisible();
  await expect(visitor.getByTestId("countdown")).toContainText("hari");
  await expect(visitor.locator('[aria-current="step"]').first()).toContainText("Pendaftaran");
  await expect(visitor.getByRole("link", { name: "Chat WhatsApp panitia" })).toHaveAttribute("href", /^https:\/\/wa\.me\/6281234567890/);
  await expect(visitor.getByText("Layanan Publik Desa")).toBeVisible();
  await expectAccessible(visitor);

  const db = await getDb();
  const saved = await db.event.findUniqueOrThrow({ where: { slug }, include: { criteria: true, tracks: true } });
  expect(saved.isPublic).toBe(true);
  expect(saved.criteria.map((c) => c.weight).sort()).toEqual([40, 60]);
  await anon.close();
  await context.close();
});

test("a judge accepts the invite emailed to their address after signing in", async ({ browser }) => {
  const organizer = await makeUser({ name: "Panitia Undangan" });
  const db = await getDb();
  const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2027" } });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });

  const judge = await makeUser({ name: "Juri Baru" });
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/tim-panitia`);
  // Click only once the page is hydrated, so the click is not lost mid-hydration.
  await hydrated(page);
  await page.getByLabel("Email").fill(judge.email);
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(page.getByLabel("Tautan undangan")).toBeVisible();
  const link = await page.getByLabel("Tautan undangan").inputValue();
  expect(link).toContain("/undangan/");
  await context.close();

  const judgeContext = await browser.newContext({ viewport: PHONE });
  const judgePage = await judgeContext.newPage();
  await judgePage.goto(new URL(link).pathname);
  await expect(judgePage.getByText("Masuk atau buat akun dulu")).toBeVisible();
  await expectAccessible(judgePage);
  await loginAs(judgePage, judge);
  await judgePage.reload();
  await judgePage.getByLabel("Kabupaten/kota").selectOption({ label: "Kota Malang" });
  await judgePage.getByLabel(/Nama KIM/).fill("KIM Arjuna");
  await expectAccessible(judgePage);
  await judgePage.getByRole("button", { name: "Terima undangan" }).click();
  await expect(judgePage).toHaveURL(new RegExp(`/juri/${event.slug}`));
  const member = await db.eventMember.findFirstOrThrow({ where: { eventId: event.id, userId: judge.id }, include: { region: true } });
  expect(member).toMatchObject({ role: "JUDGE", kimName: "KIM Arjuna" });
  expect(member.region?.name).toBe("Kota Malang");

  await judgePage.goto(new URL(link).pathname);
  await expect(judgePage.getByText("Undangan ini sudah dipakai.")).toBeVisible();
  await judgeContext.close();
});

test("moving a deadline into the past shows what it closes and saves nothing until confirmed", async ({ page }) => {
  const db = await getDb();
  const { createEvent } = await import("../prisma/seed-utils");
  const slug = `kim-linimasa-${Date.now().toString(36)}`;
  const event = await createEvent(db, new Date(), {
    slug,
    name: "Hackathon Linimasa",
    summary: "",
    description: "",
    rules: "",
    offsets: { registrationOpens: -3, registrationCloses: 5, screeningCloses: 7, submissionOpens: 8, submissionCloses: 12, rounds: [15], announcement: 18 },
    roundNames: ["Penjurian"],
    minTeamSize: 1,
    maxTeamSize: 5,
    tracks: [],
    criteria: [[{ name: "Dampak", description: "", weight: 100, scaleMin: 1, scaleMax: 10 }]],
    awards: [],
    faqs: [],
  });
  const organizer = await makeUser({ name: "Panitia Linimasa" });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  await page.setViewportSize(PHONE);
  await loginAs(page, organizer);
  await page.goto(`/kelola/${slug}/linimasa`);
  // Taken once: computed again at the check, it would name the next minute if the clock turned meanwhile.
  const yesterday = wib(-1);
  await page.getByLabel("Pendaftaran ditutup (WIB)").fill(yesterday);
  await page.getByRole("button", { name: "Simpan linimasa" }).click();
  await expect(page.getByRole("heading", { name: "Perubahan ini langsung berlaku saat disimpan" })).toBeVisible();
  await expect(page.getByText(/^Pendaftaran tim langsung ditutup \(sebelumnya sampai .* WIB\)\.$/)).toBeVisible();
  // The form keeps the edit while asking.
  await expect(page.getByLabel("Pendaftaran ditutup (WIB)")).toHaveValue(yesterday);
  await expectAccessible(page);
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationClosesAt).toEqual(event.registrationClosesAt);

  await page.getByRole("link", { name: "Batalkan perubahan" }).click();
  await expect(page.getByRole("button", { name: "Simpan linimasa" })).toBeVisible();
  await expect(page.getByLabel("Pendaftaran ditutup (WIB)")).toHaveValue(utcToZonedLocal(event.registrationClosesAt, "Asia/Jakarta"));

  await page.getByLabel("Pendaftaran ditutup (WIB)").fill(wib(-1));
  await page.getByRole("button", { name: "Simpan linimasa" }).click();
  await page.getByRole("button", { name: "Ya, simpan perubahan ini" }).click();
  await expect(page.getByText("Linimasa tersimpan.")).toBeVisible();
  expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationClosesAt.getTime()).toBeLessThan(Date.now());
});

test("a page that cannot be shown keeps its area's header and menu, with a way back, in both languages", async ({ page }) => {
  const db = await getDb();
  const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" } });
  const organizer = await makeUser({ name: "Panitia Tersesat" });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  const judge = await makeUser({ name: "Juri Tersesat" });
  await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });

  await page.setViewportSize(PHONE);
  await loginAs(page, organizer);
  const missing = await page.goto(`/kelola/${event.slug}/tim/tidak-ada`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: event.name })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Bagian pengelolaan acara" })).toBeAttached();
  await expect(page.getByRole("heading", { level: 2, name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Muat ulang halaman" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Kembali ke ringkasan acara" }).click();
  await expect(page).toHaveURL(new RegExp(`/kelola/${event.slug}$`));

  // The public page of a project that does not exist keeps the site header and leads to the event.
  await page.goto(`/acara/${event.slug}/proyek/tidak-ada`);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
  await page.getByRole("link", { name: "Kembali ke halaman acara" }).click();
  await expect(page).toHaveURL(new RegExp(`/acara/${event.slug}$`));

  await page.context().clearCookies();
  await loginAs(page, judge);
  // The language cookie as the switch sets it (a serialized string).
  await page.context().addCookies([{ name: "lng", value: encodeURIComponent(Buffer.from(JSON.stringify("en")).toString("base64")), domain: "localhost", path: "/" }]);
  await page.goto(`/juri/${event.slug}/nilai/tidak-ada`);
  await expect(page.getByRole("navigation", { name: "Judge menu" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the judging queue" }).click();
  await expect(page).toHaveURL(new RegExp(`/juri/${event.slug}$`));
});
