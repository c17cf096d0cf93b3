import { expect, expectAccessible, getDb, hydrated, loginAs, mailLink, makeUser, PHONE, test } from "./fixtures";

test("home page lists the seeded event in Indonesian and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kelompok Informasi Masyarakat");
  await expect(page.getByRole("link", { name: "KIM Hackathon Jawa Timur 2026", exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("switching to English is remembered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("community information groups");
  await page.goto("/masuk");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
});

test("sign up on a phone, see errors next to fields, log out and log back in", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/daftar");
  await expectAccessible(page);
  await page.getByLabel("Nama lengkap").fill("Dewi Kartika");
  await page.getByLabel("Email").fill("bukan-email");
  await page.getByLabel("Kata sandi", { exact: true }).fill("pendek");
  await page.getByLabel("Ulangi kata sandi").fill("pendek");
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByText("Masukkan alamat email yang valid")).toBeVisible();
  await expect(page.getByText("Kata sandi minimal 8 karakter.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const email = `dewi-${Date.now()}@contoh.id`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Nomor WhatsApp/).fill("0812 3456 7890");
  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-kuat-1");
  await page.getByLabel("Ulangi kata sandi").fill("rahasia-kuat-1");
  await page.getByLabel(/Saya telah membaca pemberitahuan privasi/).check();
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByRole("heading", { name: "Periksa email Anda" })).toBeVisible();
  await expect(page.getByText(`Kami telah mengirim email ke ${email}`)).toBeVisible();
  await expectAccessible(page);

  await expect.poll(() => mailLink(email, "verifikasi-email")).not.toBeNull();
  await page.goto(mailLink(email, "verifikasi-email") ?? "");
  await expect(page.getByText("Email Anda sudah terverifikasi. Terima kasih!")).toBeVisible();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-kuat-1");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/dasbor$/);
  await expect(page.getByRole("heading", { name: "Halo, Dewi Kartika" })).toBeVisible();

  await page.locator("summary", { hasText: "Menu" }).click();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();

  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("salah-sandi-1");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page.getByText("Email atau kata sandi salah.")).toBeVisible();
  await page.getByLabel("Kata sandi").fill("rahasia-kuat-1");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/dasbor$/);
});

test("a workshop hall signs up behind one connection; one address repeated is held back with a clear message", async ({ page, baseURL }) => {
  // Thirty people in one room share one public address: every one of them gets an account.
  const stamp = Date.now();
  const hall = Array.from({ length: 30 }, (_, i) => `peserta-aula-${stamp}-${i}@contoh.id`);
  for (const email of hall) {
    const res = await page.request.post("/daftar", {
      headers: { Origin: baseURL ?? "" },
      form: { name: "Peserta Lokakarya", email, password: "rahasia-kuat-1", confirm: "rahasia-kuat-1", agree: "on" },
    });
    expect(res.status(), email).toBe(200);
  }
  const db = await getDb();
  expect(await db.user.count({ where: { email: { startsWith: `peserta-aula-${stamp}-` } } })).toBe(30);

  // The 31st, in the browser on a phone, is still welcome.
  await page.setViewportSize(PHONE);
  await page.goto("/daftar");
  await hydrated(page);
  const last = `peserta-aula-${stamp}-akhir@contoh.id`;
  await page.getByLabel("Nama lengkap").fill("Peserta Terakhir");
  await page.getByLabel("Email").fill(last);
  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-kuat-1");
  await page.getByLabel("Ulangi kata sandi").fill("rahasia-kuat-1");
  await page.getByLabel(/Saya telah membaca pemberitahuan privasi/).check();
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByRole("heading", { name: "Periksa email Anda" })).toBeVisible();

  // One address tried again and again is held back, with a message that says what to do.
  const repeated = `ulang-${stamp}@contoh.id`;
  let status = 200;
  for (let i = 0; i < 10 && status === 200; i++) {
    const res = await page.request.post("/daftar", {
      headers: { Origin: baseURL ?? "" },
      form: { name: "Pendaftar Berulang", email: repeated, password: "rahasia-kuat-1", confirm: "rahasia-kuat-1", agree: "on" },
    });
    status = res.status();
  }
  expect(status).toBe(429);
  await page.goto("/daftar");
  await hydrated(page);
  await page.getByLabel("Nama lengkap").fill("Pendaftar Berulang");
  await page.getByLabel("Email").fill(repeated);
  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-kuat-1");
  await page.getByLabel("Ulangi kata sandi").fill("rahasia-kuat-1");
  await page.getByLabel(/Saya telah membaca pemberitahuan privasi/).check();
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByText(/Terlalu banyak percobaan pendaftaran untuk email ini\. Periksa kotak masuk Anda, atau coba lagi dalam \d+ menit\./)).toBeVisible();
  await expectAccessible(page);
});

test("forms work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/daftar");
  await page.getByLabel("Nama lengkap").fill("Tanpa JS");
  await page.getByLabel("Email").fill("tanpa-js@");
  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-kuat-1");
  await page.getByLabel("Ulangi kata sandi").fill("rahasia-kuat-1");
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByText("Masukkan alamat email yang valid")).toBeVisible();
  await context.close();
});

test("a write from a foreign origin is refused with 403", async ({ request }) => {
  const res = await request.post("/masuk", { headers: { Origin: "https://evil.example" }, form: { email: "a@b.id", password: "x" } });
  expect(res.status()).toBe(403);
});

test("the account page logs out every device", async ({ page }) => {
  const user = await makeUser({ name: "Pengguna Dua Perangkat" });
  const { loginAs } = await import("./fixtures");
  await loginAs(page, user);
  await page.goto("/akun");
  await expect(page.getByText(/sedang masuk di 1 perangkat/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Keluar dari semua perangkat" }).click();
  await expect(page).toHaveURL(/\/masuk/);
});

test("on a phone, the account page edits the profile, changes the password and changes the email through the mailed link", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const user = await makeUser({ name: "Rina Akun" });
  await loginAs(page, user);
  await page.goto("/akun");
  await expectAccessible(page);

  // Profile: a bad number is refused next to the field, a good one is stored as +62….
  const profile = page.getByRole("region", { name: "Profil" });
  await profile.getByLabel("Nama lengkap").fill("Rina Kartika");
  await profile.getByLabel(/Nomor WhatsApp/).fill("12345");
  await profile.getByRole("button", { name: "Simpan profil" }).click();
  await expect(profile.getByText("Nomor WhatsApp tidak valid.")).toBeVisible();
  await profile.getByLabel(/Nomor WhatsApp/).fill("0812 3456 7890");
  await profile.getByRole("button", { name: "Simpan profil" }).click();
  await expect(page.getByText("Profil disimpan.")).toBeVisible();
  await expect(profile.getByLabel(/Nomor WhatsApp/)).toHaveValue("+6281234567890");
  await expect(profile.getByLabel("Nama lengkap")).toHaveValue("Rina Kartika");

  // Password: a wrong current one is refused; the right one changes it and this device stays in.
  await page.getByRole("link", { name: "Ganti kata sandi" }).click();
  await expect(page.getByRole("heading", { name: "Ganti kata sandi" })).toBeVisible();
  await page.getByLabel("Kata sandi saat ini").fill("bukan-sandinya");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-kuat-1");
  await page.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-kuat-1");
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(page.getByText("Kata sandi saat ini salah.")).toBeVisible();
  await page.getByLabel("Kata sandi saat ini").fill(user.password);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-kuat-1");
  await page.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-kuat-1");
  await page.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(page).toHaveURL(/\/akun\?ok=sandi$/);
  await expect(page.getByText("Kata sandi diganti.")).toBeVisible();

  // The new password logs in.
  await page.locator("summary", { hasText: "Menu" }).click();
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page.getByRole("link", { name: "Masuk" })).toBeVisible();
  await page.goto("/masuk?redirectTo=/akun");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Kata sandi").fill("sandi-baru-kuat-1");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);

  // Email: the account keeps its address until the link mailed to the new one is opened.
  const newEmail = `rina-baru-${Date.now()}@contoh.id`;
  await page.getByRole("link", { name: "Ganti email" }).click();
  await page.getByLabel("Email baru").fill(newEmail);
  await page.getByLabel("Kata sandi saat ini").fill("sandi-baru-kuat-1");
  await page.getByRole("button", { name: "Kirim tautan konfirmasi" }).click();
  await expect(page).toHaveURL(/\/akun\?ok=email-dikirim$/);
  await expect(page.getByText(`Menunggu konfirmasi: kami mengirim tautan ke ${newEmail}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Email" }).getByText(user.email)).toBeVisible();
  await expectAccessible(page);
  await expect.poll(() => mailLink(newEmail, "akun/email")).not.toBeNull();
  await page.goto(mailLink(newEmail, "akun/email") ?? "");
  await expect(page).toHaveURL(/\/akun\?ok=email-diganti$/);
  await expect(page.getByText("Email akun diganti dan sudah dikonfirmasi.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Email" }).getByText(newEmail)).toBeVisible();
  await expect(page.getByText("Alamat ini sudah dikonfirmasi.")).toBeVisible();
});

test("healthz reports the database", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("public files are served with their type and cache lifetime; unknown ones are the app's 404", async ({ request }) => {
  const icon = await request.get("/favicon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(icon.headers()["cache-control"]).toContain("max-age=3600");
  const manifest = await request.get("/site.webmanifest");
  expect(manifest.status()).toBe(200);
  const missing = await request.get("/tidak-ada.png");
  expect(missing.status()).toBe(404);
});

test("a cached public page is never served to a signed-in visitor", async ({ page, browser }) => {
  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  await anonPage.goto("/");
  await anonPage.goto("/");
  await expect(anonPage.getByRole("link", { name: "Masuk" })).toBeVisible();
  await anonymous.close();

  const user = await makeUser({ name: "Pengunjung Masuk" });
  const { loginAs } = await import("./fixtures");
  await loginAs(page, user);
  const res = await page.goto("/");
  expect(res?.headers()["x-cache"]).toBeUndefined();
  await expect(page.locator("header").getByText("Pengunjung Masuk").first()).toBeVisible();
});

test("the forgot-password page hydrates cleanly and says how long the link works", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/lupa-sandi");
  await expect(page.getByText("Kami akan mengirim tautan sekali pakai yang berlaku 60 menit.")).toBeVisible();
  // Typing validates in the browser, so the page has hydrated before the assertion below.
  await page.getByLabel("Email").fill("bukan-email");
  await page.getByLabel("Email").blur();
  await expect(page.getByText("Masukkan alamat email yang valid, misalnya nama@contoh.id.")).toBeVisible();
  await expect(page.getByText("Kami akan mengirim tautan sekali pakai yang berlaku 60 menit.")).toBeVisible();
});

test("on a phone the header is one row whose menu works by keyboard, and the organizer's sections sit behind one button", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await hydrated(page);
  const header = await page.locator("header").boundingBox();
  expect(header?.height).toBeLessThan(72);
  const menu = page.locator("header summary", { hasText: "Menu" });
  await expect(page.getByRole("link", { name: "Daftar", exact: true })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Daftar", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "Daftar", exact: true })).toBeHidden();
  await expect(menu).toBeFocused();

  const organizer = await makeUser({ name: "Panitia Navigasi" });
  const db = await getDb();
  const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-hackathon-jatim-2026" } });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  await loginAs(page, organizer);
  await page.goto(`/kelola/${event.slug}/penjurian`);
  await hydrated(page);
  expect((await page.locator("header").boundingBox())?.height).toBeLessThan(72);
  const sections = page.getByRole("navigation", { name: "Bagian pengelolaan acara" });
  const picker = sections.locator("summary");
  await expect(picker).toHaveText("Bagian: Penjurian");
  await picker.click();
  await expect(sections.getByRole("link")).toHaveCount(13);
  await expect(sections.getByRole("link", { name: "Penjurian" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await sections.getByRole("link", { name: "Hasil", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/kelola/${event.slug}/hasil$`));
  await expect(picker).toHaveText("Bagian: Hasil");
  await expect(sections.getByRole("link", { name: "Audit" })).toBeHidden();

  // The header menu reaches the account pages, within the app (the page is not loaded anew),
  // and marks the page it is on.
  await page.evaluate(() => Object.assign(window, { keptAcrossNavigation: true }));
  await page.locator("header summary", { hasText: "Menu" }).click();
  await page.getByRole("link", { name: "Akun", exact: true }).click();
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByRole("link", { name: "Akun", exact: true })).toBeHidden();
  expect(await page.evaluate(() => "keptAcrossNavigation" in window)).toBe(true);
  await page.locator("header summary", { hasText: "Menu" }).click();
  await expect(page.getByRole("link", { name: "Akun", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Dasbor", exact: true })).not.toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Dasbor", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  expect(await page.evaluate(() => "keptAcrossNavigation" in window)).toBe(true);
  // A link to the page already shown does not add a step to go back through.
  const steps = await page.evaluate(() => history.length);
  await page.locator("header summary", { hasText: "Menu" }).click();
  await page.getByRole("link", { name: "Dasbor", exact: true }).click();
  await expect(page.getByRole("link", { name: "Dasbor", exact: true })).toBeHidden();
  expect(await page.evaluate(() => history.length)).toBe(steps);
});

test("the phone menus open without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.locator("header summary", { hasText: "Menu" }).click();
  await page.getByRole("link", { name: "Daftar", exact: true }).click();
  await expect(page).toHaveURL(/\/daftar$/);
  await context.close();
});

test("UU PDP on a phone: sign-up needs consent, the data download holds the account, and a deleted account cannot log in", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const email = `pdp-${Date.now()}@contoh.id`;
  await page.goto("/daftar");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Data Anda dan cara kami memakainya" })).toBeVisible();
  await expect(page.getByText("Pengendali data: Dinas Komunikasi dan Informatika Provinsi Jawa Timur")).toBeVisible();
  await page.getByLabel("Nama lengkap").fill("Ratna Privasi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Nomor WhatsApp/).fill("0812 7777 8888");
  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-kuat-1");
  await page.getByLabel("Ulangi kata sandi").fill("rahasia-kuat-1");
  // Without the tick: a localized refusal and no account.
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByText("Centang persetujuan pemberitahuan privasi untuk melanjutkan.")).toBeVisible();
  const db = await getDb();
  expect(await db.user.count({ where: { email } })).toBe(0);
  // The server refuses it too when the browser's check is skipped.
  const forged = await page.request.post("/daftar", { headers: { Origin: new URL(page.url()).origin }, form: { name: "Ratna Privasi", email, password: "rahasia-kuat-1", confirm: "rahasia-kuat-1" } });
  expect(forged.status()).toBe(400);
  expect(await db.user.count({ where: { email } })).toBe(0);

  await page.getByLabel(/Saya telah membaca pemberitahuan privasi/).check();
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByRole("heading", { name: "Periksa email Anda" })).toBeVisible();
  expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ privacyVersion: expect.any(Number), privacyAcceptedAt: expect.any(Date) });

  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-kuat-1");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/dasbor$/);

  await page.goto("/akun");
  await expectAccessible(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh data saya (ZIP)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^data-saya-kim-hackathon-\d{4}-\d{2}-\d{2}\.zip$/);
  const { readFileSync } = await import("node:fs");
  const { strFromU8, unzipSync } = await import("fflate");
  const files = unzipSync(new Uint8Array(readFileSync((await download.path()) ?? "")));
  const data = JSON.parse(strFromU8(files["data-saya.json"]!));
  expect(data.account).toMatchObject({ name: "Ratna Privasi", email, whatsapp: "+6281277778888" });
  expect(data.consents.platformNotice.agreedVersion).toBe(data.consents.platformNotice.versionInForce);
  expect(JSON.stringify(data)).not.toMatch(/passwordHash|argon2/);

  await page.getByRole("link", { name: "Hapus akun" }).click();
  await expect(page.getByRole("heading", { name: "Hapus akun", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Kata sandi saat ini").fill("rahasia-kuat-1");
  await page.getByLabel("Ketik HAPUS untuk mengonfirmasi").fill("hapus saja");
  await page.getByRole("button", { name: "Hapus akun saya secara permanen" }).click();
  await expect(page.getByText("Ketik HAPUS (atau DELETE) persis untuk mengonfirmasi.")).toBeVisible();
  await page.getByLabel("Ketik HAPUS untuk mengonfirmasi").fill("HAPUS");
  await page.getByRole("button", { name: "Hapus akun saya secara permanen" }).click();
  await expect(page).toHaveURL(/\/masuk\?akun=dihapus$/);
  await expect(page.getByText("Akun Anda sudah dihapus.")).toBeVisible();
  expect(await db.user.count({ where: { email } })).toBe(0);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-kuat-1");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page.getByText("Email atau kata sandi salah.")).toBeVisible();
  await page.goto("/akun");
  await expect(page).toHaveURL(/\/masuk\?redirectTo=/);
});
