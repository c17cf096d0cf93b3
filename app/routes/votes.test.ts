import { describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { args, call, formRequest, getRequest } from "~/test/request";
import { cookieFor, judgedEvent } from "~/test/results-fixture";
import { action as voteAction, loader as voteLoader } from "~/routes/acara.$slug_.pilih";
import { action as sendVerifyAction } from "~/routes/akun_.verifikasi";
import { loader as verifyTokenLoader } from "~/routes/verifikasi-email.$token";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const HOUR = 3_600_000;
const formErrors = (body: unknown) => ((body as { error?: Record<string, string[]> }).error ?? {})[""] ?? [];

async function vote(slug: string, userId: string, submissionId: string) {
  const cookie = await cookieFor(userId);
  return call(async () => voteAction(args(formRequest(`/acara/${slug}/pilih`, { submissionId }, { cookie }), { slug })));
}

describe("People's Choice", () => {
  it("accepts one vote per verified account; a second vote is refused and nothing is written", async () => {
    const now = Date.now();
    const fx = await judgedEvent({ peoplesChoice: true, votingOpensAt: new Date(now - HOUR), votingClosesAt: new Date(now + HOUR) });
    const voter = await fx.mk("Warga");
    const [a, b] = fx.teams.map((t) => t.submission!.id);
    const first = await vote(fx.event.slug, voter.id, a);
    expect(first.status).toBe(200);
    const second = await vote(fx.event.slug, voter.id, b);
    expect(second.status).toBe(400);
    expect(formErrors(second.body)).toContain("vote.errors.already");
    expect(await db.vote.count({ where: { eventId: fx.event.id } })).toBe(1);

    // Counts stay hidden while the window is open.
    const open = await call(async () => voteLoader(args(getRequest(`/acara/${fx.event.slug}/pilih`, await cookieFor(voter.id)), { slug: fx.event.slug })));
    const ob = open.body as { mine: string; candidates: { votes: number | null }[] };
    expect(ob.mine).toBe(a);
    expect(ob.candidates.every((c) => c.votes === null)).toBe(true);
  });

  it("refuses votes before and after the window, from unverified accounts and for foreign submissions", async () => {
    const now = Date.now();
    const fx = await judgedEvent({ peoplesChoice: true, votingOpensAt: new Date(now + HOUR), votingClosesAt: new Date(now + 2 * HOUR) });
    const voter = await fx.mk("Warga");
    const target = fx.teams[0].submission!.id;
    const early = await vote(fx.event.slug, voter.id, target);
    expect(early.status).toBe(400);
    expect(formErrors(early.body)).toContain("vote.errors.notOpen");

    await db.event.update({ where: { id: fx.event.id }, data: { votingOpensAt: new Date(now - 2 * HOUR), votingClosesAt: new Date(now - HOUR) } });
    const late = await vote(fx.event.slug, voter.id, target);
    expect(formErrors(late.body)).toContain("vote.errors.closed");

    await db.event.update({ where: { id: fx.event.id }, data: { votingClosesAt: new Date(now + HOUR) } });
    const unverified = await fx.mk("Belum Verifikasi", false);
    const refused = await vote(fx.event.slug, unverified.id, target);
    expect(formErrors(refused.body)).toContain("vote.errors.unverified");

    const other = await judgedEvent();
    const foreign = await vote(fx.event.slug, voter.id, other.teams[0].submission!.id);
    expect(formErrors(foreign.body)).toContain("vote.errors.invalidSubmission");
    expect(await db.vote.count({ where: { eventId: fx.event.id } })).toBe(0);

    // After closing, the tally is shown.
    await vote(fx.event.slug, voter.id, target);
    await db.event.update({ where: { id: fx.event.id }, data: { votingClosesAt: new Date(Date.now() - 1000) } });
    const closed = await call(async () => voteLoader(args(getRequest(`/acara/${fx.event.slug}/pilih`), { slug: fx.event.slug })));
    const cb = closed.body as { window: string; candidates: { id: string; votes: number | null }[] };
    expect(cb.window).toBe("closed");
    expect(cb.candidates.find((c) => c.id === target)?.votes).toBe(1);
  });

  it("verifies an email through the emailed link, once", async () => {
    const fx = await judgedEvent();
    const user = await fx.mk("Warga Baru", false);
    const sent = await call(async () => sendVerifyAction(args(formRequest("/akun/verifikasi", {}, { cookie: await cookieFor(user.id) }))));
    expect((sent.body as { sent: boolean }).sent).toBe(true);
    const outbox = join(process.env.DATA_DIR!, "outbox");
    const mail = readdirSync(outbox)
      .map((f) => readFileSync(join(outbox, f), "utf8"))
      .find((m) => m.includes(user.email))!;
    const token = /verifikasi-email\/([A-Za-z0-9_-]+)/.exec(mail)![1];
    const ok = await call(async () => verifyTokenLoader(args(getRequest(`/verifikasi-email/${token}`), { token })));
    expect((ok.body as { state: string }).state).toBe("ok");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    const reused = await call(async () => verifyTokenLoader(args(getRequest(`/verifikasi-email/${token}`), { token })));
    expect(reused.status).toBe(400);
  });
});
