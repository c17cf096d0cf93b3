import { expect, hydrated, expectAccessible, getDb, loginAs, makeUser, PHONE, test } from "./fixtures";

const SLUG = "kim-hackathon-jatim-2027";

test("a captain registers, invites by link, a member joins on a phone, the organizer accepts, the team sees it", async ({ page, browser }) => {
  const captain = await makeUser({ name: "Ketua Uji" });
  await loginAs(page, captain);
  await page.goto(`/acara/${SLUG}/daftar-tim`);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Daftarkan tim" })).toBeVisible();
  await expectAccessible(page);

  // Bad input first: a name already taken by a seeded team in this event.
  await page.getByLabel("Nama tim").fill("tim kabar  desa");
  await page.getByLabel("Nama KIM").fill("KIM Uji Coba");
  await page.getByLabel("Kabupaten/kota").selectOption({ label: "Kota Surabaya" });
  await page.getByLabel("Instansi / kampus").fill("Universitas Uji");
  await page.getByLabel("Saya mendaftar sebagai").selectOption({ label: "Mahasiswa" });
  // The demo 2027 event asks every team for an introduction video.
  await page.getByLabel("Tautan video").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await page.getByRole("button", { name: "Daftarkan tim" }).click();
  await expect(page.getByText("Nama tim ini sudah dipakai tim lain di acara ini.")).toBeVisible();

  const teamName = `Tim E2E ${Date.now()}`;
  await page.getByLabel("Nama tim").fill(teamName);
  await page.getByRole("button", { name: "Daftarkan tim" }).click();
  await expect(page).toHaveURL(/\/tim\/[^/?]+\?baru=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(teamName);
  await expect(page.getByText("Menunggu seleksi").first()).toBeVisible();
  await expect(page.getByText("2 anggota lagi dibutuhkan")).toBeVisible();
  await expectAccessible(page);
  const teamUrl = new URL(page.url()).pathname;
  const inviteLink = await page.getByLabel("Tautan undangan").inputValue();
  expect(inviteLink).toMatch(/\/gabung\/[A-Za-z0-9_-]{40,}$/);

  const phone = await browser.newContext({ viewport: PHONE });
  const codePage = await phone.newPage();
  await loginAs(codePage, await makeUser());
  await codePage.goto("/gabung");
  await hydrated(codePage);
  await expectAccessible(codePage);
  await codePage.close();

  const memberPage = await phone.newPage();
  const member = await makeUser({ name: "Anggota KIM Uji" });
  await loginAs(memberPage, member);
  await memberPage.goto(new URL(inviteLink).pathname);
  await hydrated(memberPage);
  await expect(memberPage.getByRole("heading", { name: `Gabung dengan ${teamName}` })).toBeVisible();
  await expectAccessible(memberPage);
  await memberPage.getByLabel("Saya mendaftar sebagai").selectOption({ label: "Anggota KIM — sisa 2 tempat" });
  await memberPage.getByRole("button", { name: "Gabung tim" }).click();
  await expect(memberPage).toHaveURL(new RegExp(`${teamUrl}\\?gabung=1$`));
  await expect(memberPage.getByText("Anda sudah bergabung dengan tim ini.")).toBeVisible();
  await expect(memberPage.locator("#konten").getByText("Anggota KIM Uji")).toBeVisible();
  await expectAccessible(memberPage);
  await phone.close();

  const db = await getDb();
  const organizer = await makeUser({ name: "Panitia Uji" });
  const event = await db.event.findUniqueOrThrow({ where: { slug: SLUG } });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  const orgContext = await browser.newContext();
  const orgPage = await orgContext.newPage();
  await loginAs(orgPage, organizer);
  await orgPage.goto(`/kelola/${SLUG}/tim`);
  await hydrated(orgPage);
  await hydrated(orgPage);
  await expectAccessible(orgPage);
  await orgPage.getByLabel("Cari tim").fill(teamName.toUpperCase());
  await orgPage.getByRole("button", { name: "Saring" }).click();
  await expect(orgPage.getByText("1 tim ditampilkan")).toBeVisible();
  await orgPage.getByRole("link", { name: teamName }).click();
  await expect(orgPage.getByRole("heading", { name: "Keputusan seleksi" })).toBeVisible();
  await hydrated(orgPage);
  await expectAccessible(orgPage);
  await orgPage.getByLabel("Tidak lolos").check();
  await orgPage.getByRole("button", { name: "Simpan keputusan" }).click();
  await expect(orgPage.getByText("Tuliskan alasan penolakan")).toBeVisible();
  await orgPage.getByLabel("Lolos", { exact: true }).check();
  // Two of the minimum three: accepting needs an explicit tick, named on the page.
  await expect(orgPage.getByText("Tim ini masih kurang 1 anggota dari minimum 3 orang.")).toBeVisible();
  await orgPage.getByLabel("Terima meskipun anggotanya belum lengkap").check();
  await orgPage.getByRole("button", { name: "Simpan keputusan" }).click();
  await expect(orgPage.getByText("Keputusan tersimpan dan tim sudah diberi tahu.")).toBeVisible();
  await orgContext.close();

  await page.goto("/dasbor");

  await hydrated(page);
  const mine = page.getByRole("listitem").filter({ hasText: teamName });
  await expect(mine.getByText("Lolos seleksi")).toBeVisible();
  await expect(mine.getByText(/Lengkapi anggota \(1 lagi\)/)).toBeVisible();
  await expectAccessible(page);
  await page.goto(teamUrl);
  await hydrated(page);
  await expect(page.getByText("Lolos seleksi").first()).toBeVisible();
});

test("a wrong invite code gets a clear message, also without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await loginAs(page, await makeUser());
  // Scripts are off, so nothing hydrates: the server-rendered form is what is used.
  await page.goto("/gabung");
  await page.getByLabel("Kode undangan").fill("ZZZZ ZZZZ");
  await page.getByRole("button", { name: "Cari tim" }).click();
  await expect(page.getByText("Kode undangan tidak dikenal atau sudah diganti.")).toBeVisible();
  await context.close();
});

test("a stranger cannot open a team page", async ({ page }) => {
  const db = await getDb();
  const team = await db.team.findFirstOrThrow({ where: { name: "Tim Sigap Desa" } });
  await loginAs(page, await makeUser());
  const res = await page.goto(`/tim/${team.id}`);
  expect(res?.status()).toBe(404);
});
