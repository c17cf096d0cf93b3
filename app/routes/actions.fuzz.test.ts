// Every route action, fed arbitrary bodies (field sets, value types and sizes, encodings,
// unicode, files where none belong, bodies that are not forms at all) by anyone: it answers,
// never with a 5xx, and a refused request leaves the database and the stored files exactly as
// they were. FUZZ_RUNS sets the number of cases in all (default 1,000).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { guardAction } from "~/services/request-body.server";
import { startSession } from "~/services/session.server";
import { rootDir } from "~/test/db-template";
import { makeAssignment, organizedEvent, makeUser } from "~/test/event-helpers";
import { BASE } from "~/test/request";
import { databaseFingerprint } from "~/test/db-fingerprint";

const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const routesDir = join(rootDir, "app", "routes");

type ActionRoute = { id: string; file: string; params: string[]; vocabulary: string[]; action: Parameters<typeof guardAction>[1] };

const files = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."));
const routes: ActionRoute[] = [];
for (const file of files) {
  const source = readFileSync(join(routesDir, file), "utf8");
  if (!/export (async )?function action|export const action/.test(source)) continue;
  // Every identifier-like string literal in the route: field names, intents, enum values.
  const vocabulary = [...new Set([...source.matchAll(/"([A-Za-z_][\w.\-[\]]{0,40})"/g)].map((m) => m[1] as string))];
  // `$slug_` (a route that leaves its parent layout) is the param `slug`.
  const params = [...file.matchAll(/\$(\w+)/g)].map((m) => (m[1] as string).replace(/_$/, ""));
  routes.push({ id: `routes/${file.replace(/\.tsx?$/, "")}`, file, params, vocabulary, action: undefined as never });
}

type Actor = { id: string } | null;
let actors: Actor[] = [];
let ids: Record<string, string> = {};
let eventId = "";

beforeAll(async () => {
  for (const route of routes) route.action = (await import(join(routesDir, route.file))).action;
  const { event, organizer } = await organizedEvent();
  eventId = event.id;
  const round = await db.round.findFirstOrThrow({ where: { eventId: event.id } });
  const assignment = await makeAssignment(event.id, round.id);
  const submission = await db.submission.findUniqueOrThrow({ where: { id: assignment.submissionId } });
  const captain = await makeUser({ name: "Kapten Tim" });
  await db.teamMember.create({ data: { teamId: submission.teamId, eventId: event.id, userId: captain.id, role: "CAPTAIN" } });
  const admin = await makeUser({ isAdmin: true });
  const team = await db.team.findUniqueOrThrow({ where: { id: submission.teamId } });
  actors = [null, { id: organizer.id }, { id: assignment.judgeId }, { id: captain.id }, { id: admin.id }];
  ids = {
    teamId: team.id,
    submissionId: submission.id,
    assignmentId: assignment.id,
    attachmentId: "lampiran-tidak-ada",
    token: team.inviteToken,
    code: "KODE-TIDAK-ADA",
    id: "tidak-ada",
  };
});

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => `${relative(dir, f)}:${createHash("sha256").update(readFileSync(f)).digest("hex")}`)
      .sort();
  } catch {
    return [];
  }
}

const snapshot = async () => ({ db: await databaseFingerprint({ except: ["RateLimiterFlexible"] }), files: filesUnder(process.env.DATA_DIR ?? "") });

const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "on", "true", "null", "[]", "9".repeat(400), "a=b&c=d", "x;y", "\u0000", "\ud800", "🇮🇩"),
  fc.integer().map(String),
  fc.double().map(String),
);
// Sizes around and past the form limit (128 kB), now and then.
const bigText = fc.integer({ min: 100_000, max: 300_000 }).map((n) => "ä".repeat(n / 2));

function bodies(route: ActionRoute) {
  const known = route.vocabulary.length ? fc.constantFrom(...route.vocabulary) : fc.constant("intent");
  const name = fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) }, fc.constantFrom("__proto__", "constructor", "a=b", "x;y", ""));
  const value = fc.oneof(
    { weight: 3, arbitrary: known },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(ids)) },
    { weight: 3, arbitrary: oddText },
    { weight: 1, depthSize: "small", arbitrary: fc.oneof(fc.constant(""), bigText) },
  );
  const fields = fc.array(fc.tuple(name, value), { maxLength: 10 });
  const file = fc.record({
    field: name,
    filename: fc.oneof(fc.constantFrom("a=b.pdf", "a;b.pdf", 'a"b.png', "berkas.pdf", "", "../../etc/passwd"), fc.string({ unit: "grapheme", maxLength: 30 })),
    bytes: fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constant(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"))),
    type: fc.constantFrom("application/pdf", "image/png", "text/plain", "application/octet-stream", ""),
  });
  const contentType = fc.oneof(
    fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=zz", "application/xml", "", "form-data"),
    fc.string({ maxLength: 40 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
  );
  const form = fields.map((list) => ({ body: new URLSearchParams(list).toString(), type: "application/x-www-form-urlencoded" }));
  const latin1 = fields.map((list) => ({ body: new URLSearchParams(list).toString(), type: "application/x-www-form-urlencoded; charset=ISO-8859-1" }));
  const multipart = fc.tuple(fields, fc.array(file, { maxLength: 2 })).map(([list, parts]) => {
    const fd = new FormData();
    for (const [k, v] of list) fd.append(k, v);
    for (const p of parts) fd.append(p.field, new File([p.bytes], p.filename, { type: p.type }));
    return { body: fd as BodyInit, type: null };
  });
  const json = fc.jsonValue().map((v) => ({ body: JSON.stringify(v) ?? "null", type: "application/json" }));
  const garbage = fc.tuple(fc.uint8Array({ maxLength: 3000 }), contentType).map(([bytes, type]) => ({ body: bytes as BodyInit, type }));
  const text = fc.tuple(oddText, contentType).map(([s, type]) => ({ body: s, type }));
  const empty = fc.constant({ body: null, type: null });
  return fc.oneof({ weight: 4, arbitrary: form }, { weight: 3, arbitrary: multipart }, latin1, json, garbage, text, empty);
}

const cookies = new Map<string, string>();

async function cookieFor(actor: Actor): Promise<string | null> {
  if (!actor) return null;
  const cookie = cookies.get(actor.id);
  // A new session once a case has logged the actor out, so the next cases still act as them.
  if (cookie && (await db.session.count({ where: { id: cookie.split("=")[1] } }))) return cookie;
  const fresh = (await startSession(actor.id, new Request(BASE))).split(";")[0] as string;
  cookies.set(actor.id, fresh);
  return fresh;
}

async function run(route: ActionRoute, cookie: string | null, param: Record<string, string>, input: { body: BodyInit | null; type: string | null }) {
  const headers = new Headers({ Origin: BASE, "X-Client-IP": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1` });
  if (input.type !== null) headers.set("Content-Type", input.type);
  if (cookie) headers.set("Cookie", cookie);
  const search = route.id.includes("karya") && !route.id.includes("kelola") ? "?unggah=lampiran" : "";
  const request = new Request(`${BASE}/fuzz${search}`, { method: "POST", headers, body: input.body });
  try {
    const result = await guardAction(route.id, route.action)({ request, params: param, context: { nonce: "" } });
    if (result instanceof Response) return result.status;
    const init = (result as { init?: ResponseInit | null } | null)?.init;
    return init?.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("every action, fed arbitrary bodies", () => {
  it("found the route actions", () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  it("answers a body that is not a readable form with a localized 400 on every action, before the action runs", async () => {
    const boundary = "----kim";
    const bad: { body: BodyInit; type: string }[] = [
      { body: JSON.stringify({ intent: "save" }), type: "application/json" },
      { body: "intent=save", type: "text/plain" },
      { body: `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave`, type: `multipart/form-data; boundary=${boundary}` },
    ];
    for (const route of routes) {
      for (const input of bad) {
        const before = await snapshot();
        const request = new Request(`${BASE}/fuzz`, { method: "POST", headers: { Origin: BASE, "Content-Type": input.type }, body: input.body });
        let response: Response | null = null;
        try {
          await guardAction(route.id, route.action)({ request, params: {}, context: { nonce: "" } });
        } catch (error) {
          if (error instanceof Response) response = error;
          else throw error;
        }
        expect(response?.status, `${route.id} ${input.type}`).toBe(400);
        expect(await response?.json()).toMatchObject({ key: "errors.body.unreadable", message: expect.stringContaining("Isi kiriman tidak dapat dibaca") });
        expect(await snapshot()).toEqual(before);
      }
    }
  });

  const perRoute = Math.max(1, Math.ceil(TOTAL_RUNS / routes.length));
  for (const route of routes) {
    it(`${route.id}: no 5xx, and nothing written when refused`, async () => {
      const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
      const paramArb = fc.record(
        Object.fromEntries(route.params.map((p) => [p, fc.oneof({ weight: 4, arbitrary: fc.constant(p === "slug" ? event.slug : (ids[p] ?? "x")) }, fc.string({ maxLength: 30 }))])),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...actors), paramArb, bodies(route), async (actor, param, input) => {
          const cookie = await cookieFor(actor);
          const before = await snapshot();
          const status = await run(route, cookie, param as Record<string, string>, input);
          expect(status).toBeLessThan(500);
          if (status >= 400) expect(await snapshot()).toEqual(before);
        }),
        { numRuns: perRoute },
      );
    });
  }
});
