// Every route action reads only the fields its form declares and never echoes anything else: each
// action is posted each intent it knows (and none) by the actor it is for, together with unknown
// fields carrying big junk values and a junk field name, and no answer (body or headers) contains
// the junk. Actions that answer with the form's values (Conform's reply) must show that they did
// at least once, so a route that went back to parsing the whole form fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ECHO_MAX } from "~/services/forms.server";
import { db } from "~/services/db.server";
import { guardAction } from "~/services/request-body.server";
import { startSession } from "~/services/session.server";
import { rootDir } from "~/test/db-template";
import { makeAssignment, makeUser, organizedEvent } from "~/test/event-helpers";
import { BASE, call } from "~/test/request";

const routesDir = join(rootDir, "app", "routes");

type ActionRoute = { id: string; file: string; params: string[]; intents: string[]; echoes: boolean; action: Parameters<typeof guardAction>[1] };

const routes: ActionRoute[] = [];
for (const file of readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))) {
  const source = readFileSync(join(routesDir, file), "utf8");
  if (!/export (async )?function action|export const action/.test(source)) continue;
  // Every identifier-like string literal of the route, and of a shared action it hands the form to
  // (a `~/services/…-action.server` module), is tried as its intent.
  const shared = [...source.matchAll(/from "~\/(services\/[\w-]+-action\.server)"/g)].map((m) => readFileSync(join(rootDir, "app", `${m[1]}.ts`), "utf8"));
  const intents = [...new Set([source, ...shared].flatMap((text) => [...text.matchAll(/"([A-Za-z_][\w-]{0,40})"/g)].map((m) => m[1] as string)))];
  // Does the action answer with the submitted values (a Conform reply, or the judge's scores)?
  const echoes = /data\(\s*reply\(|result: reply\(|\.\.\.reply\(|badRequest\([^)]*reply\(|\bsubmitted }/.test(source);
  routes.push({
    id: `routes/${file.replace(/\.tsx?$/, "")}`,
    file,
    params: [...file.matchAll(/\$(\w+)/g)].map((m) => (m[1] as string).replace(/_$/, "")),
    intents,
    echoes,
    action: undefined as never,
  });
}

// Junk that must never come back: big values of unknown fields, an unknown field with a huge name,
// and the tail of a value far longer than any field takes.
const JUNK = "ZQXJUNK";
const junkValue = (n: number) => `${JUNK}${n}-`.padEnd(15_000, "q");
const junkName = `${JUNK}NAME`.padEnd(8_000, "n");
const TAIL = "ZQXTAIL";
const overlong = "a".repeat(ECHO_MAX + 1_000) + TAIL;

type Actor = "anonymous" | "organizer" | "judge" | "captain" | "admin";

function actorFor(routeId: string): Actor {
  const path = routeId.slice("routes/".length);
  if (path.startsWith("kelola.")) return "organizer";
  if (path.startsWith("juri.")) return "judge";
  if (path.startsWith("admin.")) return "admin";
  if (/^(tim|acara|gabung|undangan|akun|persetujuan)([._]|$)/.test(path)) return "captain";
  return "anonymous";
}

/** Fields a form always carries, where the action needs them before it answers with the values. */
const NORMAL: Record<string, [string, string][]> = {
  "routes/juri.$slug.nilai.$assignmentId": [
    ["version", "0"],
    ["comment", "Bagus"],
  ],
  // A profile with a number that is not a WhatsApp number: refused, with the name shown again.
  "routes/akun": [
    ["name", "Nama Uji"],
    ["whatsapp", "bukan-nomor"],
  ],
};

let users: Record<Exclude<Actor, "anonymous">, string>;
let params: Record<string, string>;

beforeAll(async () => {
  for (const route of routes) route.action = (await import(join(routesDir, route.file))).action;
  const { event, organizer } = await organizedEvent({ settings: { peoplesChoice: true } });
  const round = await db.round.findFirstOrThrow({ where: { eventId: event.id } });
  const assignment = await makeAssignment(event.id, round.id);
  const submission = await db.submission.findUniqueOrThrow({ where: { id: assignment.submissionId } });
  const team = await db.team.findUniqueOrThrow({ where: { id: submission.teamId } });
  const captain = await makeUser({ name: "Kapten Tim" });
  await db.teamMember.create({ data: { teamId: team.id, eventId: event.id, userId: captain.id, role: "CAPTAIN" } });
  const admin = await makeUser({ isAdmin: true });
  users = { organizer: organizer.id, judge: assignment.judgeId, captain: captain.id, admin: admin.id };
  params = { slug: event.slug, teamId: team.id, assignmentId: assignment.id, token: team.inviteToken, id: "tidak-ada" };
});

const cookies = new Map<string, string>();

async function cookieFor(actor: Actor): Promise<string | null> {
  if (actor === "anonymous") return null;
  const userId = users[actor];
  const cookie = cookies.get(userId);
  // A fresh session once an intent has logged the actor out, so the next posts still act as them.
  if (cookie && (await db.session.count({ where: { id: cookie.split("=")[1] } }))) return cookie;
  const fresh = (await startSession(userId, new Request(BASE))).split(";")[0] as string;
  cookies.set(userId, fresh);
  return fresh;
}

function body(fields: [string, string][]): URLSearchParams {
  const form = new URLSearchParams(fields);
  form.append("catatanRahasia", junkValue(1));
  form.append("__proto__", junkValue(2));
  form.append(junkName, "1");
  form.append("extra[0].value", junkValue(3));
  return form;
}

/** Posts through the same guard the server uses and returns everything the client would see. */
async function post(route: ActionRoute, fields: [string, string][], accept = "text/html") {
  const headers = new Headers({
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: BASE,
    Accept: accept,
    "X-Client-IP": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  const cookie = await cookieFor(actorFor(route.id));
  if (cookie) headers.set("Cookie", cookie);
  const search = route.id === "routes/tim.$teamId.karya" ? "?unggah=lampiran" : "";
  const request = new Request(`${BASE}/uji${search}`, { method: "POST", headers, body: body(fields).toString() });
  const routeParams = Object.fromEntries(route.params.map((p) => [p, params[p] ?? "x"]));
  const res = await call(async () => guardAction(route.id, route.action)({ request, params: routeParams, context: { nonce: "" } }));
  const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body ?? null);
  return { status: res.status, text, headers: [...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n") };
}

describe("every action reads and echoes only its own fields", () => {
  it("found the route actions", () => {
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.filter((r) => r.echoes).length).toBeGreaterThan(15);
  });

  for (const route of routes) {
    it(`${route.id}: no unknown field or overlong value comes back`, { timeout: 120_000 }, async () => {
      let echoed = 0;
      for (const intent of [null, "save", ...route.intents]) {
        const fields: [string, string][] = intent === null ? [] : [["intent", intent], ...(NORMAL[route.id] ?? [])];
        const res = await post(route, fields);
        expect(res.status, `${route.id} intent=${intent}`).toBeLessThan(500);
        expect(res.text.includes(JUNK), `${route.id} intent=${intent} echoed junk: ${res.text.slice(0, 300)}`).toBe(false);
        expect(res.headers.includes(JUNK), `${route.id} intent=${intent} put junk in a header`).toBe(false);
        if (/"initialValue"|"submitted"/.test(res.text)) echoed++;
      }
      // The route's answers do carry the form's values, so the absence of junk above means something.
      if (route.echoes) expect(echoed, `${route.id} never answered with the submitted values`).toBeGreaterThan(0);
    });
  }

  it("echoes a known field's overlong value only up to the longest any field takes", async () => {
    const cases: [string, [string, string][]][] = [
      ["routes/masuk", [["email", overlong]]],
      [
        "routes/tim.$teamId.karya",
        [
          ["intent", "save"],
          ["description", overlong],
        ],
      ],
      [
        "routes/kelola.$slug.pengumuman",
        [
          ["title", "Pengumuman"],
          ["body", overlong],
        ],
      ],
      [
        "routes/juri.$slug.nilai.$assignmentId",
        [
          ["intent", "save"],
          ["version", "0"],
          ["comment", overlong],
        ],
      ],
    ];
    for (const [id, fields] of cases) {
      const route = routes.find((r) => r.id === id);
      if (!route) throw new Error(`no action ${id}`);
      const res = await post(route, fields);
      expect(res.status, `${id}: ${res.text.slice(0, 300)}`).toBe(400);
      expect(res.text.includes(TAIL), `${id} echoed an overlong value in full`).toBe(false);
      expect(res.text.includes(JUNK)).toBe(false);
    }
  });

  it("no action parses the raw form: the server side uses the known-field parsers", () => {
    for (const route of routes) {
      const source = readFileSync(join(routesDir, route.file), "utf8");
      const action = source.slice(source.search(/export (async )?function action|export const action/));
      const actionBody = action.slice(0, action.search(/\n}\n/));
      // parseWithZod is for the browser's own check (onValidate); a schema's safeParse would read every field.
      expect(actionBody, route.id).not.toMatch(/parseWithZod\(|Schema\.safeParse\(Object\.fromEntries/);
    }
  });
});
