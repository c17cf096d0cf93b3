import { expect, expectAccessible, getDb, hydrated, loginAs, makeUser, PHONE, test } from "./fixtures";

const SLUG = "kim-hackathon-jatim-2027";

test.use({ viewport: PHONE });

test("on a phone: a lone participant lists themselves and asks a team, the captain accepts, the participant sees their team", async ({ page, browser }) => {
  const db = await getDb();
  const event = await db.event.findUniqueOrThrow({ where: { slug: SLUG }, include: { regions: { take: 1 } } });
  const captain = await makeUser({ name: "Kapten Cari" });
  const teamName = `Tim Cari ${Date.now()}`;
  const code = Math.random().toString(36).slice(2, 10).toUpperCase();
  const team = await db.team.create({
    data: { eventId: event.id, name: teamName, nameKey: teamName.toLowerCase(), inviteCode: code, inviteToken: `e2e-${code}-${Date.now()}`, regionId: event.regions[0]?.id ?? null },
  });
  await db.teamMember.create({ data: { teamId: team.id, eventId: event.id, userId: captain.id, role: "CAPTAIN", pool: "mahasiswa" } });

  // The captain puts the team in the finder from the team's page.
  await loginAs(page, captain);
  await page.goto(`/tim/${team.id}`);
  await hydrated(page);
  await page.getByRole("link", { name: "Cari anggota" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cari anggota" })).toBeVisible();
  await page.getByLabel("Catatan untuk peserta (opsional)").fill("Butuh yang paham video");
  await page.getByRole("button", { name: "Tampilkan tim di Cari tim" }).click();
  await expect(page.getByText("Tim sekarang tampil di Cari tim.")).toBeVisible();
  await expectAccessible(page);

  // A participant without a team lists themselves on their phone.
  const phone = await browser.newContext({ viewport: PHONE });
  const lonePage = await phone.newPage();
  const lone = await makeUser({ name: "Sari Tanpa Tim" });
  await loginAs(lonePage, lone);
  await lonePage.goto(`/acara/${SLUG}`);
  await hydrated(lonePage);
  await lonePage.getByRole("link", { name: "Cari tim" }).first().click();
  await expect(lonePage.getByRole("heading", { level: 1, name: "Cari tim" })).toBeVisible();
  await lonePage.getByLabel("Keahlian", { exact: true }).fill("video, desain UI");
  await lonePage.getByLabel("Kelompok", { exact: true }).selectOption({ label: "Anggota KIM" });
  // Without agreeing to be shown, the listing is refused next to the box.
  await lonePage.getByRole("button", { name: "Tampilkan saya" }).click();
  await expect(lonePage.getByText("Setujui dulu agar data Anda boleh ditampilkan kepada peserta lain.")).toBeVisible();
  await lonePage.getByLabel(/Saya setuju nama, keahlian/).check();
  await lonePage.getByRole("button", { name: "Tampilkan saya" }).click();
  await expect(lonePage.getByText("Anda sekarang tampil di Cari tim.")).toBeVisible();
  await expectAccessible(lonePage);

  const card = lonePage.getByTestId("finder-team").filter({ hasText: teamName });
  await expect(card.getByText("Butuh yang paham video")).toBeVisible();
  await card.getByLabel("Pesan untuk kapten (opsional)").fill("Saya bisa edit video");
  await card.getByRole("button", { name: "Minta bergabung" }).click();
  await expect(lonePage.getByText("Permintaan terkirim ke kapten tim.")).toBeVisible();

  // The captain sees the listing (without contact details) and the request, and accepts.
  await page.goto(`/acara/${SLUG}/cari-tim`);
  await expect(page.getByTestId("finder-person").filter({ hasText: "Sari Tanpa Tim" })).toBeVisible();
  expect(await page.content()).not.toContain(lone.email);
  await page.goto(`/tim/${team.id}/cari-anggota`);
  await hydrated(page);
  const request = page.getByTestId("finder-request").filter({ hasText: "Sari Tanpa Tim" });
  await expect(request.getByText("Pesan: Saya bisa edit video")).toBeVisible();
  await request.getByRole("button", { name: /Terima/ }).click();
  await expect(page.getByText("Diterima: anggota baru sudah masuk tim.")).toBeVisible();

  // The participant now sees their team, with the captain's contact as a teammate.
  await lonePage.goto("/dasbor");
  await lonePage.getByRole("link", { name: teamName }).click();
  await expect(lonePage.getByRole("heading", { level: 1 })).toContainText(teamName);
  await expect(lonePage.locator("#konten").getByText("Kapten Cari")).toBeVisible();
  await expect(lonePage.locator("#konten").getByText(captain.email)).toBeVisible();
  await phone.close();
});
