// The production server under a burst of score saves and project submissions, killed with
// SIGKILL half-way and started again: every save a judge or a team saw acknowledged is there, and
// every stored judgment and project is whole (its fields belong to the same save, its status and
// revisions agree with what was sent). Then SIGTERM: the request in flight is answered, and the
// process closes the database before it exits. CRASH_SAVES sets the saves acknowledged before the
// kill (default 60, score saves and submissions together).
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { assign, cookieFor, judgingEvent } from "~/test/judging-fixture";
import { isPg } from "~/test/db-template";
import { startServer } from "~/test/server-process";
import { makeEvent, makeTeam } from "~/test/submission-fixtures";

const SAVES_BEFORE_KILL = Number(process.env.CRASH_SAVES ?? 60);
const pg = isPg(process.env.DATABASE_URL ?? "");
const HOUR = 60 * 60 * 1000;

/** What save number `version` sends: the stored row must match it exactly. */
const expected = (version: number) => ({ scores: [(version % 10) + 1, ((version * 3) % 10) + 1], comment: `simpan ke-${version}` });

/** A team's n-th save of its project: every third one submits it (the first at n = 3), the rest save the draft or revise. */
const project = (team: number, n: number) => ({
  intent: n % 3 === 0 ? "submit" : "save",
  title: `Karya ${team} simpan ke-${n}`,
  tagline: `Tagline ${n}`,
  description: `Deskripsi karya ${team}, simpan ke-${n}.`,
});

describe("durability of the production server", () => {
  it("keeps every acknowledged score save and submission through a SIGKILL, and drains on SIGTERM", { timeout: 240_000 }, async () => {
    const fx = await judgingEvent({ judges: 3, teams: 4 });
    const round = fx.rounds[0];
    if (!round) throw new Error("no round");
    const [c1, c2] = round.criteria;
    if (!c1 || !c2) throw new Error("round 1 needs two criteria");
    const clients: { assignmentId: string; cookie: string; version: number; acked: number }[] = [];
    for (const judge of fx.judges) {
      const cookie = await cookieFor(judge.id);
      for (const s of fx.submissions) clients.push({ assignmentId: (await assign(round.id, judge.id, s.id)).id, cookie, version: 0, acked: 0 });
    }
    // Teams of an event whose submission window is open, each saving and submitting its project.
    const now = Date.now();
    const open = await makeEvent({ opensAt: new Date(now - 24 * HOUR), closesAt: new Date(now + 24 * HOUR) });
    const teams: { index: number; teamId: string; cookie: string; sent: number; acked: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const { team, captain } = await makeTeam(open.id, { regionId: open.regions[0]?.id, members: 1 });
      teams.push({ index: i, teamId: team.id, cookie: await cookieFor(captain.id), sent: 0, acked: 0 });
    }
    const trackId = open.tracks[0]?.id ?? "";

    let server = await startServer();
    let acked = 0;
    let killed = false;
    const save = async (c: (typeof clients)[number]) => {
      const next = c.version + 1;
      const want = expected(next);
      const body = new URLSearchParams({ intent: "save", version: String(c.version), [`score.${c1.id}`]: String(want.scores[0]), [`score.${c2.id}`]: String(want.scores[1]), comment: want.comment });
      const res = await fetch(`${server.url}/juri/${fx.event.slug}/nilai/${c.assignmentId}/simpan`, {
        method: "POST",
        headers: { Cookie: c.cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      const text = await res.text();
      expect(res.status, `${text}\n${server.output().slice(-2000)}`).toBe(200);
      // A reply of a few dozen bytes goes out as it is, with its length, not gzipped.
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
      const reply = JSON.parse(text) as { ok: boolean; version?: number };
      expect(reply.version).toBe(next);
      c.version = next;
      c.acked = next;
      acked++;
    };
    const submit = async (t: (typeof teams)[number]) => {
      const n = t.sent + 1;
      const fields = project(t.index, n);
      const body = new URLSearchParams({ ...fields, trackId, ...(fields.intent === "submit" ? { confirm: "on" } : {}) });
      t.sent = n;
      const res = await fetch(`${server.url}/tim/${t.teamId}/karya`, {
        method: "POST",
        headers: { Cookie: t.cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });
      const text = await res.text();
      expect(res.status, `${text.slice(0, 500)}\n${server.output().slice(-2000)}`).toBe(302);
      expect(res.headers.get("Location")).toMatch(new RegExp(`^/tim/${t.teamId}/karya\\?(tersimpan|terkirim|direvisi)=1$`));
      t.acked = n;
      acked++;
    };
    const keepGoing = async (step: () => Promise<void>) => {
      while (!killed) {
        try {
          await step();
        } catch (error) {
          if (!killed) throw error;
        }
        // The kill waits until every team has submitted its project at least once.
        if (acked >= SAVES_BEFORE_KILL && teams.every((t) => t.acked >= 3) && !killed) {
          killed = true;
          server.child.kill("SIGKILL");
        }
      }
    };
    const burst = [...clients.map((c) => keepGoing(() => save(c))), ...teams.map((t) => keepGoing(() => submit(t)))];
    await Promise.all(burst);
    await server.exited;

    server = await startServer();
    const stored = await db.judgment.findMany({ where: { assignmentId: { in: clients.map((c) => c.assignmentId) } }, include: { scores: true } });
    const byAssignment = new Map(stored.map((j) => [j.assignmentId, j]));
    expect(clients.reduce((n, c) => n + c.acked, 0) + teams.reduce((n, t) => n + t.acked, 0)).toBeGreaterThanOrEqual(SAVES_BEFORE_KILL);
    for (const c of clients) {
      const j = byAssignment.get(c.assignmentId);
      if (c.acked === 0) continue;
      expect(j, `acknowledged save of ${c.assignmentId} is missing`).toBeDefined();
      if (!j) continue;
      // A save in flight at the kill may have committed without its reply: never fewer, at most one more.
      expect(j.version).toBeGreaterThanOrEqual(c.acked);
      expect(j.version).toBeLessThanOrEqual(c.acked + 1);
      const want = expected(j.version);
      expect(j.comment).toBe(want.comment);
      const value = (criterionId: string) => j.scores.find((s) => s.criterionId === criterionId)?.value;
      expect([value(c1.id), value(c2.id)]).toEqual(want.scores);
    }

    // Every acknowledged project save is there, whole, with the status and revisions it implies.
    expect(
      teams.every((t) => t.acked >= 3),
      "every team had a submission acknowledged before the kill",
    ).toBe(true);
    const projects = await db.submission.findMany({ where: { teamId: { in: teams.map((t) => t.teamId) } }, include: { revisions: { orderBy: { number: "asc" } } } });
    const byTeam = new Map(projects.map((p) => [p.teamId, p]));
    for (const t of teams) {
      if (t.acked === 0) continue;
      const p = byTeam.get(t.teamId);
      expect(p, `acknowledged project of team ${t.index} is missing`).toBeDefined();
      if (!p) continue;
      // The stored project is one whole save: the last acknowledged one, or the one in flight at the kill.
      const n = Number(/simpan ke-(\d+)$/.exec(p.title)?.[1]);
      expect(n).toBeGreaterThanOrEqual(t.acked);
      expect(n).toBeLessThanOrEqual(t.sent);
      const want = project(t.index, n);
      expect({ title: p.title, tagline: p.tagline, description: p.description, trackId: p.trackId }).toEqual({ title: want.title, tagline: want.tagline, description: want.description, trackId });
      // One row version per save, and submitted from the first submit on, with one revision per submitted save.
      expect(p.version).toBe(n);
      const firstSubmit = 3;
      expect(p.status).toBe(n >= firstSubmit ? "SUBMITTED" : "DRAFT");
      expect(p.submittedAt !== null).toBe(n >= firstSubmit);
      expect(p.revisions.map((r) => r.title)).toEqual(n >= firstSubmit ? Array.from({ length: n - firstSubmit + 1 }, (_, i) => project(t.index, firstSubmit + i).title) : []);
    }

    // SIGTERM with a save in flight (its body still arriving): it is answered, then the process
    // closes the database and exits cleanly.
    const c = clients[0] as (typeof clients)[number];
    const version = byAssignment.get(c.assignmentId)?.version ?? 0;
    const want = expected(version + 1);
    const body = new URLSearchParams({
      intent: "save",
      version: String(version),
      [`score.${c1.id}`]: String(want.scores[0]),
      [`score.${c2.id}`]: String(want.scores[1]),
      comment: want.comment,
    }).toString();
    // Expect: 100-continue makes the server say when it holds the request: in flight from then on.
    const port = Number(new URL(server.url).port);
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const ended = new Promise<void>((resolve) => socket.on("end", resolve).on("close", resolve));
    socket.on("data", (d: Buffer) => (received += d.toString()));
    const path = `/juri/${fx.event.slug}/nilai/${c.assignmentId}/simpan`;
    socket.write(
      [
        `POST ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Origin: ${server.url}`,
        `Cookie: ${c.cookie}`,
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Expect: 100-continue",
        "",
        "",
      ].join("\r\n"),
    );
    while (!received.includes("100 Continue")) await new Promise((r) => setTimeout(r, 10));
    server.child.kill("SIGTERM");
    while (!server.output().includes("SIGTERM")) await new Promise((r) => setTimeout(r, 10));
    socket.write(body);
    await ended;
    const final = received.slice(received.lastIndexOf("HTTP/1.1 "));
    expect(final.startsWith("HTTP/1.1 200")).toBe(true);
    expect(final).toContain(`"version":${version + 1}`);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("Basis data ditutup");
    if (!pg) {
      // The last connection to close checkpoints the WAL into the database file and removes it.
      await db.$disconnect();
      expect(existsSync(`${(process.env.DATABASE_URL ?? "").slice("file:".length)}-wal`)).toBe(false);
    }
    const saved = await db.judgment.findUniqueOrThrow({ where: { assignmentId: c.assignmentId } });
    expect(saved.version).toBe(version + 1);
  });
});

describe("an oversized body against the production server", () => {
  it("gets a localized 413 while /healthz keeps answering", { timeout: 120_000 }, async () => {
    const server = await startServer();
    try {
      const chunk = new Uint8Array(1024 * 1024).fill(0x61);
      let sent = 0;
      let healthy: Promise<number> | null = null;
      // 20 MB in 1 MB chunks without Content-Length; /healthz is asked once the first chunk is out.
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 1) healthy = fetch(`${server.url}/healthz`).then((r) => r.status);
          if (sent++ === 20) return controller.close();
          controller.enqueue(chunk);
        },
      });
      const res = await fetch(`${server.url}/masuk`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: stream,
        duplex: "half",
      } as RequestInit).catch(() => null);
      // The server may close the connection before the client has sent everything: the refusal
      // then reaches the client as a reset; when it arrives, it is the localized 413.
      if (res) {
        expect(res.status).toBe(413);
        expect(await res.text()).toContain("Kiriman melebihi batas 128 kB");
      }
      expect(await (healthy as Promise<number> | null)).toBe(200);
      const declared = await fetch(`${server.url}/masuk`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(20 * 1024 * 1024) },
        body: "a".repeat(20 * 1024 * 1024),
      }).catch(() => null);
      if (declared) expect(declared.status).toBe(413);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.headers.get("Cache-Control")).toBe("no-store");
      expect(await ready.json()).toMatchObject({ status: "ok", database: "ok", storage: "ok", draining: false });
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });
});
