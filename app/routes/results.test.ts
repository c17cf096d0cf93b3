import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { unzipSync } from "fflate";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "~/services/db.server";
import { announce, eventTopic } from "~/services/change-feed.server";
import { resetEnvCache } from "~/services/env.server";
import { args, call, formRequest, getRequest } from "~/test/request";
import { cookieFor, judgedEvent } from "~/test/results-fixture";
import { action as hasilAction, loader as hasilLoader } from "~/routes/kelola.$slug.hasil";
import { loader as streamLoader } from "~/routes/kelola.$slug.hasil.stream";
import { loader as exportLoader } from "~/routes/kelola.$slug.hasil.ekspor";
import { loader as zipLoader } from "~/routes/kelola.$slug.hasil.sertifikat[.]zip";
import { loader as publicLoader } from "~/routes/acara.$slug_.hasil";
import { loader as revealLoader } from "~/routes/acara.$slug_.hasil_.tayang";
import { action as recordAction, loader as recordLoader } from "~/routes/berita-acara.$id";
import { loader as recordPdfLoader } from "~/routes/berita-acara.$id.pdf";
import { loader as certPdfLoader } from "~/routes/sertifikat.$code[.]pdf";
import { loader as verifyLoader } from "~/routes/verifikasi.$code";
import { loader as lookupLoader } from "~/routes/verifikasi._index";
import { loader as feedbackLoader } from "~/routes/tim.$teamId_.umpan-balik";
import { loader as teamLoader } from "~/routes/tim.$teamId._index";
import { action as announceAction } from "~/routes/kelola.$slug.pengumuman";

type Body = Record<string, unknown>;
const errorsOf = (body: unknown) => ((body as { error?: Record<string, string[]> }).error ?? {}) as Record<string, string[]>;

async function publish(fx: Awaited<ReturnType<typeof judgedEvent>>, fields: Record<string, string> = {}) {
  const cookie = await cookieFor(fx.organizer.id);
  return call(async () => hasilAction(args(formRequest(`/kelola/${fx.event.slug}/hasil`, { intent: "publish", method: "zscore", confirm: "on", ...fields }, { cookie }), { slug: fx.event.slug })));
}

async function awardFields(fx: Awaited<ReturnType<typeof judgedEvent>>) {
  const cookie = await cookieFor(fx.organizer.id);
  const view = (await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil`, cookie), { slug: fx.event.slug })))).body as {
    suggestions: Record<string, string[]>;
  };
  const fields: Record<string, string> = {};
  for (const [id, subs] of Object.entries(view.suggestions)) if (subs[0]) fields[`award-${id}`] = subs[0];
  return fields;
}

describe("organizer results view", () => {
  it("compares the three methods, explains ties, labels judges; only for organizers", async () => {
    const fx = await judgedEvent();
    const cookie = await cookieFor(fx.organizer.id);
    const res = await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil`, cookie), { slug: fx.event.slug })));
    expect(res.status).toBe(200);
    const body = res.body as {
      round: { name: string };
      window: { rows: { places: Record<string, number> }[] };
      judges: { label: string; mean: number }[];
      progress: { assignments: number; finalized: number };
    };
    expect(body.round.name).toBe("Final");
    expect(body.window.rows).toHaveLength(5);
    expect(body.window.rows[0].places.zscore).toBe(1);
    expect(body.judges.length).toBeGreaterThan(0);
    expect(body.progress.assignments).toBe(body.progress.finalized);

    const participant = fx.teams[0].members[0].user;
    const denied = await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil`, await cookieFor(participant.id)), { slug: fx.event.slug })));
    expect(denied.status).toBe(404);
    const judge = await call(async () => exportLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/ekspor?data=scores`, await cookieFor(fx.judges[0].id)), { slug: fx.event.slug })));
    expect(judge.status).toBe(404);
    const anon = await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil`), { slug: fx.event.slug })));
    expect(anon.status).toBe(302);
    const anonStream = await call(async () => streamLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/stream`), { slug: fx.event.slug })));
    expect(anonStream.status).toBe(302);
  });

  it("streams a 'changed' event when a judgment changes (signal read from the database)", async () => {
    const fx = await judgedEvent();
    const cookie = await cookieFor(fx.organizer.id);
    const controller = new AbortController();
    const request = new Request(`http://localhost:3000/kelola/${fx.event.slug}/hasil/stream`, { headers: { Cookie: cookie }, signal: controller.signal });
    const res = (await streamLoader(args(request, { slug: fx.event.slug }))) as Response;
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    expect(res.headers.get("Cache-Control")).toContain("no-transform");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain("event: ready");
    const judgment = await db.judgment.findFirstOrThrow({ where: { assignment: { round: { eventId: fx.event.id } } } });
    await db.judgment.update({ where: { id: judgment.id }, data: { comment: "Diubah", version: { increment: 1 } } });
    const next = decoder.decode((await reader.read()).value);
    expect(next).toContain("event: changed");
    controller.abort();
  });

  it("wakes at once on a change notice for its event, without waiting for the poll", async () => {
    const fx = await judgedEvent();
    const cookie = await cookieFor(fx.organizer.id);
    // A poll this slow would never fire during the test: only the notice can bring the change.
    process.env.LIVE_POLL_MS = "3600000";
    resetEnvCache();
    const controller = new AbortController();
    try {
      const request = new Request(`http://localhost:3000/kelola/${fx.event.slug}/hasil/stream`, { headers: { Cookie: cookie }, signal: controller.signal });
      const res = (await streamLoader(args(request, { slug: fx.event.slug }))) as Response;
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      const ready = decoder.decode((await reader.read()).value);
      expect(ready).toContain("event: ready");
      const judgment = await db.judgment.findFirstOrThrow({ where: { assignment: { round: { eventId: fx.event.id } } } });
      await db.judgment.update({ where: { id: judgment.id }, data: { comment: "Diubah lewat instans lain", version: { increment: 1 } } });
      // A notice for another event changes nothing here; the one for this event wakes the stream.
      announce(eventTopic(`${fx.event.slug}-lain`));
      announce(eventTopic(fx.event.slug));
      const next = decoder.decode((await reader.read()).value);
      expect(next).toContain("event: changed");
      expect(next).not.toBe(ready);
    } finally {
      controller.abort();
      delete process.env.LIVE_POLL_MS;
      resetEnvCache();
    }
  });
});

describe("the round an organizer lands on", () => {
  it("opens on the current round (the Final being judged), and warns on an earlier round that a later one exists", async () => {
    const fx = await judgedEvent();
    const [first, final] = fx.rounds;
    // Round 1 is complete; the Final has its entries and assignments but nothing finalized yet.
    await db.judgment.updateMany({ where: { assignment: { roundId: final.id } }, data: { finalizedAt: null } });
    const cookie = await cookieFor(fx.organizer.id);
    const view = async (query = "") =>
      (await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil${query}`, cookie), { slug: fx.event.slug })))).body as {
        round: { id: string; name: string };
        laterRounds: { name: string; finalized: number; assignments: number }[];
        progress: { assignments: number; finalized: number };
      };
    const landing = await view();
    expect(landing.round.name).toBe("Final");
    expect(landing.progress.finalized).toBe(0);
    expect(landing.progress.assignments).toBeGreaterThan(0);
    expect(landing.laterRounds).toEqual([]);

    const earlier = await view(`?babak=${first.id}`);
    expect(earlier.round.name).toBe("Penyisihan");
    expect(earlier.laterRounds).toEqual([{ name: "Final", finalized: 0, assignments: landing.progress.assignments }]);
  });
});

describe("publication", () => {
  it("needs an explicit confirmation; without it nothing is written", async () => {
    const fx = await judgedEvent();
    const fields = await awardFields(fx);
    const cookie = await cookieFor(fx.organizer.id);
    const res = await call(async () => hasilAction(args(formRequest(`/kelola/${fx.event.slug}/hasil`, { intent: "publish", method: "zscore", ...fields }, { cookie }), { slug: fx.event.slug })));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).confirm).toContain("publication.errors.confirm");
    expect(await db.publication.count({ where: { eventId: fx.event.id } })).toBe(0);
    expect(await db.certificate.count({ where: { eventId: fx.event.id } })).toBe(0);
  });

  it("refuses unfinished judgments without the override (nothing written), accepts with override + reason", async () => {
    const fx = await judgedEvent();
    const a = await db.assignment.findFirstOrThrow({ where: { roundId: fx.rounds[1].id } });
    await db.judgment.update({ where: { assignmentId: a.id }, data: { finalizedAt: null } });
    const fields = await awardFields(fx);

    const refused = await publish(fx, fields);
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).override).toContain("publication.errors.unfinished");
    const noReason = await publish(fx, { ...fields, override: "on" });
    expect(noReason.status).toBe(400);
    expect(errorsOf(noReason.body).overrideReason).toContain("publication.errors.reasonRequired");
    expect(await db.publication.count({ where: { eventId: fx.event.id } })).toBe(0);
    expect(await db.certificate.count({ where: { eventId: fx.event.id } })).toBe(0);

    const ok = await publish(fx, { ...fields, override: "on", overrideReason: "Satu juri berhalangan; disetujui ketua panitia." });
    expect(ok.status).toBe(302);
    const pub = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id } });
    expect(pub.overrideUnfinished).toBe(true);
    expect(pub.overrideReason).toContain("berhalangan");
    expect(JSON.parse(pub.document).override.unfinished).toBe(1);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "results.publish" } })).toBe(1);
  });

  it("refuses an award to a submission that is not in the event, writing nothing", async () => {
    const fx = await judgedEvent();
    const other = await judgedEvent();
    const award = await db.award.findFirstOrThrow({ where: { eventId: fx.event.id, place: 1 } });
    const res = await publish(fx, { [`award-${award.id}`]: other.teams[0].submission!.id });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[`award-${award.id}`]).toContain("publication.errors.awardNotInEvent");
    expect(await db.publication.count({ where: { eventId: fx.event.id } })).toBe(0);
    expect(await db.awardRecipient.count({ where: { award: { eventId: fx.event.id } } })).toBe(0);
  });

  it("freezes a hashed record that verifies, and detects one changed score", async () => {
    const fx = await judgedEvent();
    const fields = await awardFields(fx);
    const ok = await publish(fx, fields);
    expect(ok.status).toBe(302);
    const pub = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id } });
    expect(pub.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.awardRecipient.count({ where: { award: { eventId: fx.event.id } } })).toBe(3);

    const again = await publish(fx, fields);
    expect(again.status).toBe(400);
    expect(errorsOf(again.body)[""]).toContain("publication.errors.alreadyPublished");

    const view = await call(async () => recordLoader(args(getRequest(`/berita-acara/${pub.id}`), { id: pub.id })));
    expect((view.body as Body).valid).toBe(true);
    const pasted = await call(async () => recordAction(args(formRequest(`/berita-acara/${pub.id}`, { document: pub.document }), { id: pub.id })));
    expect((pasted.body as Body).checked).toBe(true);

    const doc = JSON.parse(pub.document);
    doc.rows[0].score = doc.rows[0].score + 0.01;
    const forged = JSON.stringify(doc);
    const pastedForged = await call(async () => recordAction(args(formRequest(`/berita-acara/${pub.id}`, { document: forged }), { id: pub.id })));
    expect((pastedForged.body as Body).checked).toBe(false);
    const empty = await call(async () => recordAction(args(formRequest(`/berita-acara/${pub.id}`, { document: "" }), { id: pub.id })));
    expect(empty.status).toBe(400);

    await db.publication.update({ where: { id: pub.id }, data: { document: forged } });
    const tampered = await call(async () => recordLoader(args(getRequest(`/berita-acara/${pub.id}`), { id: pub.id })));
    expect((tampered.body as Body).valid).toBe(false);
  });

  it("renders the berita acara PDF with the hash in its metadata", async () => {
    const fx = await judgedEvent();
    await publish(fx, await awardFields(fx));
    const pub = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id } });
    const res = (await recordPdfLoader(args(getRequest(`/berita-acara/${pub.id}/pdf`), { id: pub.id }))) as Response;
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getSubject()).toBe(pub.sha256);
    expect(pdf.getTitle()).toContain(fx.event.name);
  });
});

describe("public results", () => {
  it("is 404 before publication and renders the frozen document after, cached, with filters", async () => {
    const fx = await judgedEvent();
    const before = await call(async () => publicLoader(args(getRequest(`/acara/${fx.event.slug}/hasil`), { slug: fx.event.slug })));
    expect(before.status).toBe(404);
    const anonReveal = await call(async () => revealLoader(args(getRequest(`/acara/${fx.event.slug}/hasil/tayang`), { slug: fx.event.slug })));
    expect(anonReveal.status).toBe(404);
    const rehearsal = await call(async () => revealLoader(args(getRequest(`/acara/${fx.event.slug}/hasil/tayang`, await cookieFor(fx.organizer.id)), { slug: fx.event.slug })));
    expect((rehearsal.body as Body).rehearsal).toBe(true);

    await publish(fx, await awardFields(fx));
    const after = await call(async () => publicLoader(args(getRequest(`/acara/${fx.event.slug}/hasil`), { slug: fx.event.slug })));
    expect(after.status).toBe(200);
    expect(after.headers.get("Cache-Control")).toContain("public");
    const body = after.body as { rows: { place: number; track: string }[]; awards: { name: string; recipients: { team: string }[] }[] };
    expect(body.rows[0].place).toBe(1);
    expect(body.awards.map((a) => a.name)).toContain("Juara I");

    // Live data changing afterwards does not change the public page.
    await db.score.updateMany({ where: { judgment: { assignment: { round: { eventId: fx.event.id } } } }, data: { value: 1 } });
    const still = await call(async () => publicLoader(args(getRequest(`/acara/${fx.event.slug}/hasil`), { slug: fx.event.slug })));
    expect(still.body).toEqual(after.body);

    const track = body.rows[0].track;
    const filtered = await call(async () => publicLoader(args(getRequest(`/acara/${fx.event.slug}/hasil?bidang=${encodeURIComponent(track)}`), { slug: fx.event.slug })));
    const frows = (filtered.body as { rows: { place: number; track: string }[] }).rows;
    expect(frows.every((r) => r.track === track)).toBe(true);
    expect(frows[0].place).toBe(1);

    const reveal = await call(async () => revealLoader(args(getRequest(`/acara/${fx.event.slug}/hasil/tayang?langkah=99`), { slug: fx.event.slug })));
    const rb = reveal.body as { slides: { award: string }[]; step: number; total: number; rehearsal: boolean };
    expect(rb.rehearsal).toBe(false);
    expect(rb.slides.at(-1)?.award).toBe("Juara I");
    expect(rb.step).toBe(rb.total);
  });
});

describe("certificates", () => {
  it("are issued on publication, downloadable by owner/organizer only, and verifiable; forged codes are not", async () => {
    const fx = await judgedEvent();
    await publish(fx, await awardFields(fx));
    const members = fx.teams.flatMap((t) => t.members).length;
    expect(await db.certificate.count({ where: { eventId: fx.event.id, kind: "PARTICIPANT" } })).toBe(members);
    expect(await db.certificate.count({ where: { eventId: fx.event.id, kind: "JUDGE" } })).toBe(6);
    expect(await db.certificate.count({ where: { eventId: fx.event.id, kind: "FINALIST" } })).toBe(10);
    const winner = await db.certificate.findFirstOrThrow({ where: { eventId: fx.event.id, kind: "WINNER", awardName: "Juara I" } });

    // A member's team page now leads to the results; the project form is closed.
    const team = fx.teams[0];
    const teamView = await call(async () => teamLoader(args(getRequest(`/tim/${team.id}`, await cookieFor(team.members[0].user.id)), { teamId: team.id })));
    expect(teamView.body).toMatchObject({ resultsPublished: true, submissionOpen: false });

    const own = (await certPdfLoader(args(getRequest(`/sertifikat/${winner.code}.pdf`, await cookieFor(winner.userId)), { code: winner.code }))) as Response;
    expect(own.status).toBe(200);
    const pdf = await PDFDocument.load(new Uint8Array(await own.arrayBuffer()));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain(winner.name);
    expect(pdf.getSubject()).toContain("Juara I");
    expect(pdf.getKeywords()).toContain(winner.code);

    const stranger = await fx.mk("Orang Lain");
    const denied = await call(async () => certPdfLoader(args(getRequest(`/sertifikat/${winner.code}.pdf`, await cookieFor(stranger.id)), { code: winner.code })));
    expect(denied.status).toBe(404);
    const organizer = (await certPdfLoader(args(getRequest(`/sertifikat/${winner.code}.pdf`, await cookieFor(fx.organizer.id)), { code: winner.code }))) as Response;
    expect(organizer.status).toBe(200);

    const valid = await call(async () => verifyLoader(args(getRequest(`/verifikasi/${winner.code}`), { code: winner.code })));
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ valid: true, name: winner.name, kind: "WINNER", awardName: "Juara I" });
    const forged = await call(async () => verifyLoader(args(getRequest(`/verifikasi/PALSU${winner.code.slice(5)}x`), { code: `PALSU${winner.code.slice(5)}x` })));
    expect(forged.status).toBe(404);
    expect(forged.body).toMatchObject({ valid: false });

    const zip = (await zipLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/sertifikat.zip`, await cookieFor(fx.organizer.id)), { slug: fx.event.slug }))) as Response;
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toHaveLength(await db.certificate.count({ where: { eventId: fx.event.id } }));
  });
});

describe("correcting a publication", () => {
  async function correct(fx: Awaited<ReturnType<typeof judgedEvent>>, fields: Record<string, string>, userId = fx.organizer.id) {
    const cookie = await cookieFor(userId);
    return call(async () => hasilAction(args(formRequest(`/kelola/${fx.event.slug}/hasil`, { intent: "correct", method: "zscore", ...fields }, { cookie }), { slug: fx.event.slug })));
  }

  it("needs a reason and the confirmation, only from an organizer; refused attempts write nothing", async () => {
    const fx = await judgedEvent();
    const fields = await awardFields(fx);
    await publish(fx, fields);
    const pub = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id } });
    const view = (await call(async () => hasilLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil`, await cookieFor(fx.organizer.id)), { slug: fx.event.slug })))).body as {
      publication: { id: string };
      publishedRecipients: Record<string, string[]>;
    };
    expect(view.publication.id).toBe(pub.id);
    expect(Object.values(view.publishedRecipients).flat()).toHaveLength(3);
    const count = () =>
      Promise.all([db.publication.count({ where: { eventId: fx.event.id } }), db.certificate.count({ where: { eventId: fx.event.id } }), db.auditLog.count({ where: { eventId: fx.event.id } })]);
    const before = await count();

    const noReason = await correct(fx, { ...fields, supersedesId: pub.id, confirm: "on" });
    expect(noReason.status).toBe(400);
    expect(errorsOf(noReason.body).correctionReason).toContain("publication.errors.correctionReason");
    const shortReason = await correct(fx, { ...fields, supersedesId: pub.id, confirm: "on", correctionReason: "keliru" });
    expect(errorsOf(shortReason.body).correctionReason).toContain("publication.errors.correctionReason");
    const noConfirm = await correct(fx, { ...fields, supersedesId: pub.id, correctionReason: "Nilai juri 2 salah input." });
    expect(noConfirm.status).toBe(400);
    expect(errorsOf(noConfirm.body).confirm).toContain("publication.errors.confirmCorrection");
    const stale = await correct(fx, { ...fields, supersedesId: "bukan-yang-terkini", confirm: "on", correctionReason: "Nilai juri 2 salah input." });
    expect(stale.status).toBe(400);
    expect(errorsOf(stale.body)[""]).toContain("publication.errors.staleCorrection");
    for (const userId of [fx.judges[0]!.id, fx.teams[0]!.members[0]!.userId]) {
      const denied = await correct(fx, { ...fields, supersedesId: pub.id, confirm: "on", correctionReason: "Nilai juri 2 salah input." }, userId);
      expect(denied.status).toBe(404);
    }
    expect(await count()).toEqual(before);
  });

  it("publishes the correction: the public page notes it, the old record and certificates say they were superseded", async () => {
    const fx = await judgedEvent();
    const fields = await awardFields(fx);
    await publish(fx, fields);
    const old = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id } });
    const oldJudgeCert = await db.certificate.findFirstOrThrow({ where: { publicationId: old.id, kind: "JUDGE" } });
    const reason = "Nilai Inovasi satu tim salah input; diperbaiki atas persetujuan dewan juri.";

    const done = await correct(fx, { ...fields, supersedesId: old.id, confirm: "on", correctionReason: reason });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/kelola/${fx.event.slug}/hasil?koreksi=1`);
    const next = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id, supersedesId: old.id } });

    const board = await call(async () => publicLoader(args(getRequest(`/acara/${fx.event.slug}/hasil`), { slug: fx.event.slug })));
    expect((board.body as { publication: Body }).publication).toMatchObject({ id: next.id, correction: { previousId: old.id, reason } });

    const oldRecord = (await call(async () => recordLoader(args(getRequest(`/berita-acara/${old.id}`), { id: old.id })))).body as Body;
    expect(oldRecord).toMatchObject({ valid: true, superseded: { reason, currentId: next.id }, correction: null });
    const pasted = await call(async () => recordAction(args(formRequest(`/berita-acara/${old.id}`, { document: old.document }), { id: old.id })));
    expect((pasted.body as Body).checked).toBe(true);
    const newRecord = (await call(async () => recordLoader(args(getRequest(`/berita-acara/${next.id}`), { id: next.id })))).body as Body;
    expect(newRecord).toMatchObject({ valid: true, superseded: null, correction: { reason, previousId: old.id, previousSha: old.sha256 } });
    const pdf = (await recordPdfLoader(args(getRequest(`/berita-acara/${old.id}/pdf`), { id: old.id }))) as Response;
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getSubject()).toBe(old.sha256);

    const verified = await call(async () => verifyLoader(args(getRequest(`/verifikasi/${oldJudgeCert.code}`), { code: oldJudgeCert.code })));
    expect(verified.status).toBe(200);
    const replacement = await db.certificate.findFirstOrThrow({ where: { publicationId: next.id, userId: oldJudgeCert.userId, kind: "JUDGE" } });
    expect(verified.body).toMatchObject({ valid: true, code: oldJudgeCert.code, publicationId: old.id, superseded: { reason, currentPublicationId: next.id, replacementCode: replacement.code } });
    const fresh = await call(async () => verifyLoader(args(getRequest(`/verifikasi/${replacement.code}`), { code: replacement.code })));
    expect(fresh.body).toMatchObject({ valid: true, superseded: null, publicationId: next.id });

    // The organizer's ZIP holds the reissued certificates only.
    const zip = (await zipLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/sertifikat.zip`, await cookieFor(fx.organizer.id)), { slug: fx.event.slug }))) as Response;
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toHaveLength(await db.certificate.count({ where: { publicationId: next.id } }));
  });
});

describe("verifying by typing a code", () => {
  it("offers the form, reads the code forgivingly and opens its page; a code that matches nothing says so", async () => {
    const fx = await judgedEvent();
    await publish(fx, await awardFields(fx));
    const cert = await db.certificate.findFirstOrThrow({ where: { eventId: fx.event.id, kind: "JUDGE" } });
    const lookup = (query: string) => call(async () => lookupLoader(args(getRequest(`/verifikasi${query}`), {})));

    expect((await lookup("")).status).toBe(200);
    const empty = await lookup("?kode=%20%20");
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ errors: ["certificate.lookup.required"] });
    expect((await lookup(`?kode=${"x".repeat(101)}`)).body).toMatchObject({ errors: ["validation.tooLong"] });

    const typed = cert.code.toLowerCase().replace(/-/g, " - ");
    const go = await lookup(`?kode=${encodeURIComponent(typed)}`);
    expect(go.status).toBe(302);
    expect(go.headers.get("Location")).toBe(`/verifikasi/${cert.code}`);
    // An older code goes through as typed, case and all.
    const legacy = await lookup("?kode=aB3_xY9-Qw7zLm2Kp4Rs");
    expect(legacy.headers.get("Location")).toBe("/verifikasi/aB3_xY9-Qw7zLm2Kp4Rs");

    // The code's own page also reads a typed form directly (a link someone wrote by hand).
    const direct = await call(async () => verifyLoader(args(getRequest(`/verifikasi/${encodeURIComponent(typed)}`), { code: typed })));
    expect(direct.body).toMatchObject({ valid: true, code: cert.code });
    const unknown = await call(async () => verifyLoader(args(getRequest("/verifikasi/kim-0000-0000-0000-0000"), { code: "kim-0000-0000-0000-0000" })));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ valid: false, typed: "kim-0000-0000-0000-0000" });
  });
});

describe("feedback", () => {
  it("shows criterion means and comments to team members, never the private note; 404 for others", async () => {
    const fx = await judgedEvent();
    const team = fx.teams.find((t) => t.submission)!;
    const member = team.members[0].user;
    const early = await call(async () => feedbackLoader(args(getRequest(`/tim/${team.id}/umpan-balik`, await cookieFor(member.id)), { teamId: team.id })));
    expect((early.body as Body).published).toBe(false);
    await publish(fx, await awardFields(fx));
    const res = await call(async () => feedbackLoader(args(getRequest(`/tim/${team.id}/umpan-balik`, await cookieFor(member.id)), { teamId: team.id })));
    expect(res.status).toBe(200);
    const body = res.body as { comments: string[]; criterionMeans: Record<string, number> };
    expect(body.comments.length).toBeGreaterThan(0);
    expect(Object.keys(body.criterionMeans).length).toBeGreaterThan(0);
    // Each average comes with the scale it was given on.
    const criteria = (res.body as { criteria: { id: string; scaleMin: number | null; scaleMax: number | null }[] }).criteria;
    const rubric = await db.criterion.findMany({ where: { id: { in: criteria.map((c) => c.id) } } });
    expect(criteria.map((c) => [c.scaleMin, c.scaleMax])).toEqual(criteria.map((c) => rubric.find((r) => r.id === c.id)).map((r) => [r?.scaleMin, r?.scaleMax]));
    expect(criteria.every((c) => c.scaleMax !== null)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain("Catatan internal");
    const other = await call(async () => feedbackLoader(args(getRequest(`/tim/${team.id}/umpan-balik`, await cookieFor(fx.judges[0].id)), { teamId: team.id })));
    expect(other.status).toBe(404);
  });
});

describe("exports", () => {
  it("CSV has a BOM and guards formulas; XLSX reads back with the same sheets, columns and numbers", async () => {
    const fx = await judgedEvent();
    await db.team.update({ where: { id: fx.teams[0].id }, data: { name: "=SUM(A1:A9)" } });
    const cookie = await cookieFor(fx.organizer.id);
    const csvRes = (await exportLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/ekspor?data=teams&format=csv`, cookie), { slug: fx.event.slug }))) as Response;
    const csv = Buffer.from(await csvRes.arrayBuffer()).toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("'=SUM(A1:A9)");
    const bad = await call(async () => exportLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/ekspor?data=nope&format=csv`, cookie), { slug: fx.event.slug })));
    expect(bad.status).toBe(400);

    const xRes = (await exportLoader(args(getRequest(`/kelola/${fx.event.slug}/hasil/ekspor?format=xlsx`, cookie), { slug: fx.event.slug }))) as Response;
    expect(xRes.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xRes.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["teams", "submissions", "scores", "ranking"]);
    const header = (name: string) => (workbook.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(header("teams")).toEqual(["team", "kim", "institution", "region", "track", "status", "members", "emails", "registeredAt"]);
    expect(header("submissions")).toEqual(["submissionId", "title", "tagline", "team", "track", "status", "repoUrl", "demoUrl", "videoUrl", "submittedAt"]);
    expect(header("scores")).toEqual(["round", "team", "title", "judge", "criterion", "value", "state"]);
    expect(header("ranking")).toEqual(["place", "joint", "team", "title", "track", "region", "score", "raw", "zscore", "borda", "judges"]);
    const teams = workbook.getWorksheet("teams")!;
    const teamNames = teams.getColumn(1).values.slice(2);
    expect(teamNames).toContain(fx.teams[1].name);
    expect(teamNames).toContain("'=SUM(A1:A9)");
    const scores = workbook.getWorksheet("scores")!;
    expect(scores.rowCount).toBeGreaterThan(1);
    for (let r = 2; r <= scores.rowCount; r++) expect(typeof scores.getCell(r, 6).value).toBe("number");
    const ranking = workbook.getWorksheet("ranking")!;
    expect(typeof ranking.getCell(2, 1).value).toBe("number");
    expect(typeof ranking.getCell(2, 7).value).toBe("number");
  });
});

describe("announcements", () => {
  it("posts, emails the segment and audits; bad input writes nothing", async () => {
    const fx = await judgedEvent();
    const cookie = await cookieFor(fx.organizer.id);
    const bad = await call(async () => announceAction(args(formRequest(`/kelola/${fx.event.slug}/pengumuman`, { title: "x", body: "pendek", segment: "all" }, { cookie }), { slug: fx.event.slug })));
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body).title).toContain("announcement.errors.titleShort");
    expect(await db.announcement.count({ where: { eventId: fx.event.id } })).toBe(0);

    const ok = await call(async () =>
      announceAction(
        args(formRequest(`/kelola/${fx.event.slug}/pengumuman`, { title: "Jadwal final", body: "Final digelar **Sabtu** pukul 09.00 WIB.", segment: "judges" }, { cookie }), { slug: fx.event.slug }),
      ),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toContain("terkirim=6");
    const outbox = join(process.env.DATA_DIR!, "outbox");
    const mails = readdirSync(outbox)
      .map((f) => readFileSync(join(outbox, f), "utf8"))
      .filter((m) => m.includes("Jadwal final"));
    expect(mails).toHaveLength(6);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "announcement.create" } })).toBe(1);
    const { listAnnouncements } = await import("~/models/announcement.server");
    expect((await listAnnouncements(fx.event.id, ["judges"]))[0].title).toBe("Jadwal final");
  });
});
