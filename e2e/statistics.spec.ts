import { expect, expectAccessible, getDb, hydrated, loginAs, openSection, PHONE, test } from "./fixtures";

test("the demo organizer reads the statistics on a phone: funnel, tile map and its table", async ({ page }) => {
  const db = await getDb();
  const organizer = await db.user.findUniqueOrThrow({ where: { email: "panitia@kominfo.jatimprov.go.id" } });
  await page.setViewportSize(PHONE);
  await loginAs(page, { id: organizer.id, email: organizer.email, name: organizer.name, password: "" });

  await page.goto("/kelola/kim-hackathon-jatim-2026");
  await hydrated(page);
  await openSection(page, "Statistik");
  await expect(page).toHaveURL(/\/kelola\/kim-hackathon-jatim-2026\/statistik$/);
  await expect(page.getByRole("heading", { level: 2, name: "Statistik" })).toBeVisible();

  const funnel = page.getByRole("img", { name: /^Grafik tahap peserta\. Terdaftar: \d+ tim/ });
  await expect(funnel).toBeVisible();
  await expect(funnel).toHaveAttribute("aria-label", /Pemenang: diketahui setelah hasil diumumkan/);
  const map = page.getByRole("img", { name: /^Peta petak 38 kabupaten\/kota/ });
  await expect(map).toBeVisible();
  // The map fits the phone's width: nothing scrolls sideways.
  const box = await map.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect(page.getByRole("rowheader", { name: "Kota Surabaya" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Grafik pendaftaran: \d+ tim/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Progres penjurian" })).toBeVisible();
  await expectAccessible(page);
});
