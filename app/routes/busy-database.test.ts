// A database too busy to start a transaction (Prisma's P2028 under load) is not a server error:
// every action answers a localized 503 with Retry-After, for a page's form post and for a
// script's fetch alike, and nothing is written. On PostgreSQL a score save and a project
// submission are one statement each, with no transaction to start: there they go through.
import { describe, expect, it, vi } from "vitest";
import { db, isPostgres, Prisma } from "~/services/db.server";
import { languageCookie } from "~/services/i18n.server";
import { BUSY_RETRY_SECONDS, guardAction, isTransactionUnavailable } from "~/services/request-body.server";
import { startSession } from "~/services/session.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { assign, cookieFor, judgingEvent } from "~/test/judging-fixture";
import { BASE, call, getRequest } from "~/test/request";
import { makeEvent, makeTeam } from "~/test/submission-fixtures";
import { action as scoringPageAction } from "./juri.$slug.nilai.$assignmentId";
import { action as scoringSaveAction } from "./juri.$slug.nilai.$assignmentId.simpan";
import { action as submissionAction } from "./tim.$teamId.karya";

const HOUR = 60 * 60 * 1000;

function unableToStart() {
  return new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", {
    code: "P2028",
    clientVersion: Prisma.prismaVersion.client,
  });
}

/** Writes made of one statement on PostgreSQL, which open no transaction there. */
const oneStatement = isPostgres();

/**
 * While `fn` runs, every transaction the app opens fails to start, as when every connection stays
 * busy. `opens`: whether what `fn` does opens a transaction at all.
 */
async function whileTransactionsCannotStart<T>(fn: () => Promise<T>, opens = true): Promise<T> {
  // The client's methods live behind its own proxy, which a spy's restore does not put back: swap by hand.
  const client = db as unknown as { $transaction: unknown };
  const original = client.$transaction;
  const refused = vi.fn(() => Promise.reject(unableToStart()));
  client.$transaction = refused;
  try {
    const result = await fn();
    if (opens) expect(refused).toHaveBeenCalled();
    else expect(refused).not.toHaveBeenCalled();
    return result;
  } finally {
    client.$transaction = original;
  }
}

const english = (await languageCookie.serialize("en")).split(";")[0] as string;

function post(path: string, fields: Record<string, string>, cookie: string, opts: { accept: string; lang?: "en" }) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, Accept: opts.accept, Cookie: cookie + (opts.lang ? `; ${english}` : "") });
  return new Request(`${BASE}${path}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

const run = (routeId: string, action: Parameters<typeof guardAction>[1], request: Request, params: Record<string, string>) =>
  call(async () => guardAction(routeId, action)({ request, params, context: { nonce: "" } }));

const snapshot = () => databaseFingerprint({ except: ["RateLimiterFlexible", "Session"] });

/** A judge signed in, with one assignment to score in the first round. */
async function judgeWithAssignment() {
  const fx = await judgingEvent({ judges: 1, teams: 1 });
  const [judge] = fx.judges;
  const [criterion] = fx.rounds[0].criteria;
  const a = await assign(fx.rounds[0].id, judge.id, fx.submissions[0].id);
  const cookie = await cookieFor(judge.id);
  return { fx, criterion, a, cookie };
}

describe("a transaction that cannot start", () => {
  it("is recognised by its Prisma error code only", () => {
    expect(isTransactionUnavailable(unableToStart())).toBe(true);
    expect(isTransactionUnavailable(new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: Prisma.prismaVersion.client }))).toBe(false);
    expect(isTransactionUnavailable(new Error("P2028"))).toBe(false);
  });

  it("answers a score save from the page's script with a JSON 503 in the judge's language, and saves nothing", async () => {
    const { fx, criterion, a, cookie } = await judgeWithAssignment();
    const path = `/juri/${fx.event.slug}/nilai/${a.id}/simpan`;
    const params = { slug: fx.event.slug, assignmentId: a.id };
    const fields = { intent: "save", version: "0", [`score.${criterion.id}`]: "7", comment: "Bagus" };
    const before = await snapshot();

    if (oneStatement) {
      const res = await whileTransactionsCannotStart(
        () => run("routes/juri.$slug.nilai.$assignmentId.simpan", scoringSaveAction, post(path, fields, cookie, { accept: "application/json" }), params),
        false,
      );
      expect(res.body).toMatchObject({ ok: true, version: 1 });
      expect(await db.judgment.count({ where: { assignmentId: a.id } })).toBe(1);
      return;
    }
    for (const lang of [undefined, "en"] as const) {
      const res = await whileTransactionsCannotStart(() =>
        run("routes/juri.$slug.nilai.$assignmentId.simpan", scoringSaveAction, post(path, fields, cookie, { accept: "application/json", lang }), params),
      );
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe(String(BUSY_RETRY_SECONDS));
      expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        status: 503,
        key: "errors.busy",
        message: lang === "en" ? expect.stringContaining("The server is busy") : expect.stringContaining("Server sedang sibuk"),
      });
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.judgment.count({ where: { assignmentId: a.id } })).toBe(0);

    // The same save, sent again once the database has room, goes through.
    const retry = await run("routes/juri.$slug.nilai.$assignmentId.simpan", scoringSaveAction, post(path, fields, cookie, { accept: "application/json" }), params);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ ok: true, version: 1 });
  });

  it("answers the scoring page's own form post (no JavaScript) with the same 503", async () => {
    const { fx, criterion, a, cookie } = await judgeWithAssignment();
    const before = await snapshot();
    const res = await whileTransactionsCannotStart(
      () =>
        run(
          "routes/juri.$slug.nilai.$assignmentId",
          scoringPageAction,
          post(`/juri/${fx.event.slug}/nilai/${a.id}`, { intent: "save", version: "0", [`score.${criterion.id}`]: "7", comment: "" }, cookie, { accept: "text/html" }),
          { slug: fx.event.slug, assignmentId: a.id },
        ),
      !oneStatement,
    );
    if (oneStatement) {
      expect(res.status).toBeLessThan(400);
      expect(await db.judgment.count({ where: { assignmentId: a.id } })).toBe(1);
      return;
    }
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe(String(BUSY_RETRY_SECONDS));
    expect(res.body).toMatchObject({ key: "errors.busy", message: expect.stringContaining("Server sedang sibuk") });
    expect(await snapshot()).toEqual(before);
  });

  it("answers a team's project submission with a 503 and stores no submission", async () => {
    const now = Date.now();
    const event = await makeEvent({ opensAt: new Date(now - 24 * HOUR), closesAt: new Date(now + 24 * HOUR) });
    const { team, captain } = await makeTeam(event.id, { regionId: event.regions[0]!.id });
    const cookie = (await startSession(captain.id, getRequest("/"))).split(";")[0] as string;
    const path = `/tim/${team.id}/karya`;
    const fields = { intent: "save", title: "Lapor Desa", tagline: "Aduan warga" };
    const before = await snapshot();
    if (oneStatement) {
      const res = await whileTransactionsCannotStart(() => run("routes/tim.$teamId.karya", submissionAction, post(path, fields, cookie, { accept: "text/html" }), { teamId: team.id }), false);
      expect(res.status).toBeLessThan(400);
      expect(await db.submission.count({ where: { teamId: team.id } })).toBe(1);
      return;
    }
    for (const lang of [undefined, "en"] as const) {
      const res = await whileTransactionsCannotStart(() => run("routes/tim.$teamId.karya", submissionAction, post(path, fields, cookie, { accept: "text/html", lang }), { teamId: team.id }));
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toBe(String(BUSY_RETRY_SECONDS));
      expect((res.body as { message: string }).message).toContain(lang === "en" ? "The server is busy" : "Server sedang sibuk");
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("leaves every other failure alone: it still surfaces as an error", async () => {
    const failing = guardAction("routes/x", async () => {
      throw new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: Prisma.prismaVersion.client });
    });
    const request = new Request(`${BASE}/x`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    await expect(failing({ request, params: {}, context: { nonce: "" } })).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  });
});
