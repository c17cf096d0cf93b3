// Two production instances on one database and one data folder, as behind a load balancer: what
// one instance writes, the other serves. Sessions, login throttling, cached public pages and
// uploaded files must not live in one process. Then two instances with files in S3-compatible
// object storage and a data folder each. Runs on SQLite and on PostgreSQL (npm run test:pg).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG } from "~/test/upload-samples";
import { makeEvent, organizerOf, person } from "~/test/teams";
import { demoPdf } from "../prisma/seed-submissions";
import { db } from "~/services/db.server";
import { startS3, type LocalS3 } from "~/test/s3-server";
import { makeEvent as openEvent, makeTeam } from "~/test/submission-fixtures";
import { eventually, startServer, type ServerProcess } from "~/test/server-process";

// Both instances answer for the same public address, as they would behind one load balancer.
const APP_URL = "http://kim-hackathon.test";
let a: ServerProcess;
let b: ServerProcess;

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
// The load balancer passes the public host on (X-Forwarded-Host); the browser sends the public Origin.
// Larger than one read of a stream, so the download arrives in several pieces.
const PDF = (() => {
  const head = demoPdf("Proposal lintas instance");
  const bytes = new Uint8Array(300_000);
  bytes.set(head);
  return bytes;
})();
const HOST = new URL(APP_URL).host;
const post = (server: ServerProcess, path: string, body: URLSearchParams | FormData, cookie = "") =>
  fetch(`${server.url}${path}`, { method: "POST", body, redirect: "manual", headers: { "X-Forwarded-Host": HOST, Origin: APP_URL, ...(cookie ? { Cookie: cookie } : {}) } });
const get = (server: ServerProcess, path: string, cookie = "") => fetch(`${server.url}${path}`, { redirect: "manual", headers: { "X-Forwarded-Host": HOST, ...(cookie ? { Cookie: cookie } : {}) } });
const sessionCookie = (res: Response) => /kim_session=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0] ?? "";

/** A banner uploaded through `from`, served by `to`. */
async function uploadThenDownload(from: ServerProcess, to: ServerProcess) {
  const ev = await makeEvent();
  const organizer = await organizerOf(ev.id);
  const body = new FormData();
  body.set("intent", "banner");
  body.set("banner", new File([PNG], "sampul.png", { type: "image/png" }));
  expect((await post(from, `/kelola/${ev.slug}/pengaturan`, body, organizer.cookie)).status).toBe(302);
  const banner = await get(to, `/acara/${ev.slug}/banner`);
  expect(banner.status).toBe(200);
  expect(banner.headers.get("Content-Type")).toBe("image/png");
  expect(new Uint8Array(await banner.arrayBuffer())).toEqual(PNG);
}

async function stop(...servers: ServerProcess[]) {
  for (const s of servers) s?.child.kill("SIGTERM");
  await Promise.all(servers.map((s) => s?.exited));
}

describe("two instances behind one address", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(undefined, { APP_URL }), startServer(undefined, { APP_URL })]);
  }, 120_000);
  afterAll(() => stop(a, b));

  it("a session started on one instance works on the other, and logging out on it ends it on both", async () => {
    const p = await person("Dewi Kartika");
    const login = await post(a, "/masuk", form({ email: p.email, password: "rahasia-123" }));
    expect(login.status).toBe(302);
    const cookie = sessionCookie(login);
    expect(cookie).not.toBe("");
    const dashboard = await get(b, "/dasbor", cookie);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Dewi Kartika");
    expect((await post(b, "/keluar", form({}), cookie)).status).toBe(302);
    const after = await get(a, "/dasbor", cookie);
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/masuk/);
  });

  it("wrong passwords tried on both instances add up to one limit", async () => {
    const p = await person("Budi Santoso");
    const wrong = form({ email: p.email, password: "bukan-sandinya-1" });
    for (const server of [a, a, a, b, b]) expect((await post(server, "/masuk", wrong)).status).toBe(400);
    // Five failures in all: the next try is refused before the password is even checked.
    const limited = await post(a, "/masuk", form({ email: p.email, password: "rahasia-123" }));
    expect(limited.status).toBe(429);
    expect((await post(b, "/masuk", form({ email: p.email, password: "rahasia-123" }))).status).toBe(429);
  });

  it("a public page cached by one instance shows a change written through the other", async () => {
    const ev = await makeEvent();
    const organizer = await organizerOf(ev.id);
    const first = await get(b, `/acara/${ev.slug}`);
    expect(first.status).toBe(200);
    const again = await get(b, `/acara/${ev.slug}`);
    expect(again.headers.get("X-Cache")).toBe("HIT");
    const question = `Apakah ada sesi daring ${Date.now()}?`;
    expect((await post(a, `/kelola/${ev.slug}/pengaturan`, form({ intent: "faq-add", question, answer: "Ya, lewat Zoom." }), organizer.cookie)).status).toBe(302);
    // Another instance may serve a cached copy for a few seconds.
    await eventually(async () => (await (await get(b, `/acara/${ev.slug}`)).text()).includes(question), "the new question on the other instance", 20_000, 200);
  });

  it("a file uploaded through one instance downloads through the other", () => uploadThenDownload(a, b));

  it("both instances are ready", async () => {
    for (const server of [a, b]) expect(await (await get(server, "/readyz")).json()).toMatchObject({ status: "ok", database: "ok", storage: "ok" });
  });
});

describe("two instances with files in object storage and a data folder each", { timeout: 120_000 }, () => {
  let s3: LocalS3;
  let c: ServerProcess;
  let d: ServerProcess;
  beforeAll(async () => {
    s3 = await startS3();
    const own = (name: string) => ({ APP_URL, ...s3.env, DATA_DIR: join(process.env.DATA_DIR ?? "", name) });
    [c, d] = await Promise.all([startServer(undefined, own("instance-c")), startServer(undefined, own("instance-d"))]);
  }, 120_000);
  afterAll(async () => {
    await stop(c, d);
    await s3?.close();
  });

  it("a file uploaded through one instance downloads through the other", async () => {
    await uploadThenDownload(c, d);
    await uploadThenDownload(d, c);
    // Nothing went to either instance's own folder.
    for (const name of ["instance-c", "instance-d"]) expect(existsSync(join(process.env.DATA_DIR ?? "", name, "uploads"))).toBe(false);
  });

  it("a project attachment uploaded through one instance streams through the other's download route, for the team only", async () => {
    const now = Date.now();
    const event = await openEvent({ opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 3_600_000) });
    const { team, captain } = await makeTeam(event.id, { regionId: event.regions[0]!.id });
    const cookie = sessionCookie(await post(c, "/masuk", form({ email: captain.email, password: "rahasia-123" })));
    const body = new FormData();
    body.set("intent", "attach");
    body.set("file", new File([PDF], "Proposal.pdf", { type: "application/pdf" }));
    expect((await post(c, `/tim/${team.id}/karya?unggah=lampiran`, body, cookie)).status).toBe(302);
    const attachment = await db.attachment.findFirstOrThrow({ where: { submission: { teamId: team.id } } });
    const download = await get(d, `/berkas/${attachment.id}`, cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Length")).toBe(String(PDF.byteLength));
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect((await get(d, `/berkas/${attachment.id}`)).status).toBe(404);
  });

  it("both instances are ready, the bucket answering", async () => {
    for (const server of [c, d]) expect(await (await get(server, "/readyz")).json()).toMatchObject({ status: "ok", database: "ok", storage: "ok" });
  });
});
