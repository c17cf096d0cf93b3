// Test fixtures: users and logged-in sessions made directly in the e2e database (the same
// helpers as the demo seed), axe checks, and console errors turned into failures.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const port = process.env.E2E_PORT ?? "3100";
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./data/e2e-${port}/kim.db`;
process.env.DATA_DIR = `./data/e2e-${port}`;

export async function getDb() {
  const { db } = await import("../app/services/db.server");
  return db;
}

export type TestUser = { id: string; email: string; name: string; password: string };

export async function makeUser(overrides: Partial<{ name: string; isAdmin: boolean }> = {}): Promise<TestUser> {
  const { createUser } = await import("../prisma/seed-utils");
  const db = await getDb();
  const password = `sandi-${randomBytes(4).toString("hex")}`;
  const email = `e2e-${randomBytes(5).toString("hex")}@contoh.id`;
  const user = await createUser(db, { email, name: overrides.name ?? "Peserta Uji", password, isAdmin: overrides.isAdmin });
  return { id: user.id, email, name: user.name, password };
}

export async function loginAs(page: Page, user: TestUser) {
  const db = await getDb();
  const { sessionKey } = await import("../app/services/session-key.server");
  const id = randomBytes(20).toString("hex");
  await db.session.create({ data: { id: sessionKey(id), userId: user.id, expiresAt: new Date(Date.now() + 7 * 864e5) } });
  await page.context().addCookies([{ name: "kim_session", value: id, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
}

/** The newest link to `path` mailed to `email` (mail goes to DATA_DIR/outbox without SMTP). */
export function mailLink(email: string, path: string): string | null {
  const outbox = join(process.env.DATA_DIR ?? "", "outbox");
  if (!existsSync(outbox)) return null;
  const texts = readdirSync(outbox)
    .sort()
    .map((f) => readFileSync(join(outbox, f), "utf8"))
    .filter((t) => t.includes(`To: ${email}`));
  const found = texts.map((t) => new RegExp(`https?://[^\\s]+/${path}/[A-Za-z0-9_-]+`).exec(t)?.[0]).filter(Boolean);
  return found.at(-1) ?? null;
}

/** Waits until the page's scripts have taken over (root sets data-hydrated), so a click is handled by them. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        // A 4xx answer to a form post is the expected reply to bad input, which Chromium also logs.
        if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 4(00|03|04|09|29)/.test(m.text())) errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "no console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export const PHONE = { width: 390, height: 844 };

/** On a phone, opens an organizer section through the "Bagian" menu that stands in for the tabs. */
export async function openSection(page: Page, name: string) {
  await page.locator("summary", { hasText: /^Bagian:/ }).click();
  await page.getByRole("navigation", { name: "Bagian pengelolaan acara" }).getByRole("link", { name, exact: true }).click();
}
