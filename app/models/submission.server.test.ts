// The deadline and the revision rules, with an injected clock: the model takes `now`, so each
// case is judged at an exact millisecond.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { demoPdf, demoPng } from "../../prisma/seed-submissions";
import { MAX_ATTACHMENTS } from "~/domain/submission";
import { db } from "~/services/db.server";
import { makeEvent, makeTeam, storedFiles } from "~/test/submission-fixtures";
import { addAttachment, removeAttachment, removeCover, setCover } from "./submission-files.server";
import { recordStatements } from "~/test/statements";
import { getTeamForMember, saveSubmission } from "./submission.server";

// Senin, 23 November 2026 23.59 WIB
const CLOSE = new Date("2026-11-23T16:59:00.000Z");
const OPEN = new Date("2026-11-01T00:00:00.000Z");
const ms = (offset: number) => new Date(CLOSE.getTime() + offset);

const draft = { title: "Lapor Desa", tagline: "Laporan warga", description: "## Masalah\nJalan rusak." };

async function setup(opts: { status?: "PENDING" | "ACCEPTED" | "REJECTED"; requireVideo?: boolean } = {}) {
  const event = await makeEvent({ opensAt: OPEN, closesAt: CLOSE }, { requireVideo: opts.requireVideo });
  const { team, captain, member } = await makeTeam(event.id, { status: opts.status });
  return { event, team, captain, member };
}

/** A refused write: `at` is the deadline the refusal names (none for a team not accepted). */
function expectDenied(result: { ok: boolean }, code: string, at?: Date) {
  expect(result).toEqual(at ? { ok: false, code, params: { at: at.toISOString() } } : { ok: false, code });
}

describe("a save with the team already read", () => {
  it("does not read the team again, and judges the deadline the same way", async () => {
    const { team, captain } = await setup();
    const read = (await getTeamForMember(team.id, captain.id))!;
    const given = await recordStatements(() => saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1), mode: "draft", input: draft, team: read }));
    expect(given.result.ok).toBe(true);
    expect(given.statements.filter((sql) => /FROM "Team" t/.test(sql))).toEqual([]);
    expectDenied(await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(0), mode: "draft", input: draft, team: read }), "closed", CLOSE);
    const alone = await recordStatements(() => saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1), mode: "draft", input: draft }));
    expect(alone.statements.filter((sql) => /FROM "Team" t/.test(sql))).toHaveLength(1);
    expect(alone.statements.length).toBeGreaterThan(given.statements.length);
  });

  it("reads the team itself when the one given is another team", async () => {
    const { team, captain } = await setup();
    const other = await setup();
    const read = (await getTeamForMember(other.team.id, other.captain.id))!;
    const result = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1), mode: "draft", input: { ...draft, title: "Milik tim sendiri" }, team: read });
    expect(result.ok).toBe(true);
    expect((await db.submission.findUnique({ where: { teamId: team.id } }))?.title).toBe("Milik tim sendiri");
    expect(await db.submission.findUnique({ where: { teamId: other.team.id } })).toBeNull();
  });
});

describe("the submission deadline, to the millisecond", () => {
  it("accepts a save at deadline −1 ms and refuses one at the deadline and at +1 ms", async () => {
    const { team, captain } = await setup();
    const ok = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1), mode: "draft", input: draft });
    expect(ok.ok).toBe(true);

    for (const offset of [0, 1]) {
      const refused = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(offset), mode: "draft", input: { ...draft, title: "Terlambat" } });
      expectDenied(refused, "closed", CLOSE);
    }
    expect((await db.submission.findUniqueOrThrow({ where: { teamId: team.id } })).title).toBe("Lapor Desa");
  });

  it("refuses a submit, an upload and a removal at +1 ms, storing nothing", async () => {
    const { team, captain } = await setup();
    await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-10), mode: "draft", input: draft });
    const added = await addAttachment({ teamId: team.id, userId: captain.id, now: ms(-5), file: { bytes: demoPdf("a"), name: "a.pdf", mime: "application/pdf" } });
    expect(added.ok).toBe(true);
    const files = storedFiles().length;

    expectDenied(await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(1), mode: "submit", input: draft }), "closed", CLOSE);
    expectDenied(await addAttachment({ teamId: team.id, userId: captain.id, now: ms(1), file: { bytes: demoPdf("b"), name: "b.pdf", mime: "application/pdf" } }), "closed", CLOSE);
    expectDenied(await setCover({ teamId: team.id, userId: captain.id, now: ms(1), file: { bytes: demoPng(8, 8, [0, 0, 0], [255, 255, 255]), name: "c.png", mime: "image/png" } }), "closed", CLOSE);
    expectDenied(await removeAttachment({ teamId: team.id, userId: captain.id, now: ms(1), attachmentId: (added as { id: string }).id }), "closed", CLOSE);

    expect(storedFiles().length).toBe(files);
    expect(await db.attachment.count({ where: { submission: { teamId: team.id } } })).toBe(1);
    expect((await db.submission.findUniqueOrThrow({ where: { teamId: team.id } })).status).toBe("DRAFT");
  });

  it("honours the team's extension to its own millisecond, and only for that team", async () => {
    const { event, team, captain } = await setup();
    const other = await makeTeam(event.id);
    const until = ms(60 * 60 * 1000);
    await db.extension.create({ data: { teamId: team.id, kind: "SUBMISSION", until, reason: "Listrik padam", grantedById: captain.id } });

    expect((await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(1), mode: "submit", input: { ...draft, trackId: event.tracks[0]!.id } })).ok).toBe(true);
    expect(
      (await saveSubmission({ teamId: team.id, userId: captain.id, now: new Date(until.getTime() - 1), mode: "draft", input: { ...draft, trackId: event.tracks[0]!.id, title: "Versi akhir" } })).ok,
    ).toBe(true);
    expectDenied(await saveSubmission({ teamId: team.id, userId: captain.id, now: until, mode: "draft", input: draft }), "closed", until);
    expectDenied(await saveSubmission({ teamId: other.team.id, userId: other.captain.id, now: ms(1), mode: "draft", input: draft }), "closed", CLOSE);
  });

  it("ignores an extension that ends before the public deadline, and a registration extension", async () => {
    const { team, captain } = await setup();
    await db.extension.create({ data: { teamId: team.id, kind: "SUBMISSION", until: ms(-60_000), reason: "salah ketik", grantedById: captain.id } });
    await db.extension.create({ data: { teamId: team.id, kind: "REGISTRATION", until: ms(86_400_000), reason: "pendaftaran", grantedById: captain.id } });
    expect((await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1), mode: "draft", input: draft })).ok).toBe(true);
    expectDenied(await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(1), mode: "draft", input: draft }), "closed", CLOSE);
  });

  it("refuses before the window opens, even with an extension", async () => {
    const { team, captain } = await setup();
    await db.extension.create({ data: { teamId: team.id, kind: "SUBMISSION", until: ms(86_400_000), reason: "x", grantedById: captain.id } });
    expectDenied(await saveSubmission({ teamId: team.id, userId: captain.id, now: new Date(OPEN.getTime() - 1), mode: "draft", input: draft }), "notOpenYet", OPEN);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("who may write", () => {
  it.each(["PENDING", "REJECTED"] as const)("refuses a %s team and stores nothing", async (status) => {
    const { team, captain } = await setup({ status });
    const files = storedFiles().length;
    expectDenied(await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1000), mode: "draft", input: draft }), "notAccepted");
    expectDenied(await addAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), file: { bytes: demoPdf("x"), name: "x.pdf", mime: "application/pdf" } }), "notAccepted");
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
    expect(storedFiles().length).toBe(files);
  });

  it("treats someone outside the team as if the team did not exist", async () => {
    const { event, team } = await setup();
    const outsider = await makeTeam(event.id);
    const result = await saveSubmission({ teamId: team.id, userId: outsider.captain.id, now: ms(-1000), mode: "draft", input: draft });
    expect(result).toEqual({ ok: false, code: "notFound" });
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses a track from another event", async () => {
    const { team, captain } = await setup();
    const elsewhere = await makeEvent({ opensAt: OPEN, closesAt: CLOSE });
    const result = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1000), mode: "draft", input: { ...draft, trackId: elsewhere.tracks[0]!.id } });
    expect(result).toEqual({ ok: false, code: "trackForeign", field: "trackId" });
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("drafts, submit and revisions", () => {
  it("needs title, description, track (and video when the event requires it) to submit, but not to save a draft", async () => {
    const { event, team, captain } = await setup({ requireVideo: true });
    expect((await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-5000), mode: "draft", input: {} })).ok).toBe(true);
    const refused = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-4000), mode: "submit", input: { tagline: "hanya ringkasan" } });
    expect(refused).toEqual({
      ok: false,
      code: "requiredToSubmit",
      fields: { title: "requiredToSubmit", description: "requiredToSubmit", trackId: "requiredToSubmit", videoUrl: "requiredToSubmit" },
    });
    const row = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    expect(row.status).toBe("DRAFT");
    expect(row.tagline).toBe("");
    const ok = await saveSubmission({
      teamId: team.id,
      userId: captain.id,
      now: ms(-3000),
      mode: "submit",
      input: { ...draft, trackId: event.tracks[0]!.id, videoUrl: "https://youtu.be/dQw4w9WgXcQ" },
    });
    expect(ok).toMatchObject({ ok: true, status: "SUBMITTED", revision: 1 });
  });

  it("records a numbered revision for every changing save after the first submit, by whoever saved", async () => {
    const { event, team, captain, member } = await setup();
    const input = { ...draft, trackId: event.tracks[0]!.id };
    await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-9000), mode: "draft", input });
    await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-8000), mode: "draft", input: { ...input, tagline: "draf kedua" } });
    expect(await db.submissionRevision.count({ where: { submission: { teamId: team.id } } })).toBe(0);

    const first = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-7000), mode: "submit", input });
    expect(first).toMatchObject({ ok: true, revision: 1 });
    const second = await saveSubmission({ teamId: team.id, userId: member.id, now: ms(-6000), mode: "draft", input: { ...input, title: "Lapor Desa Pintar" } });
    expect(second).toMatchObject({ ok: true, status: "SUBMITTED", revision: 2 });
    const unchanged = await saveSubmission({ teamId: team.id, userId: member.id, now: ms(-5000), mode: "draft", input: { ...input, title: "Lapor Desa Pintar" } });
    expect(unchanged).toMatchObject({ ok: true, revision: null });
    const third = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-4000), mode: "draft", input: { ...input, title: "Lapor Desa Pintar", trackId: event.tracks[1]!.id } });
    expect(third).toMatchObject({ ok: true, revision: 3 });

    const revisions = await db.submissionRevision.findMany({ where: { submission: { teamId: team.id } }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.title, r.authorId])).toEqual([
      [1, "Lapor Desa", captain.id],
      [2, "Lapor Desa Pintar", member.id],
      [3, "Lapor Desa Pintar", captain.id],
    ]);
    const row = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    expect(row.firstSubmittedAt?.toISOString()).toBe(ms(-7000).toISOString());
    expect(row.submittedAt?.toISOString()).toBe(ms(-4000).toISOString());
    expect(row.version).toBe(6);
  });

  it("two members submitting at the same instant both land, each as its own revision", async () => {
    const { event, team, captain, member } = await setup();
    const input = { ...draft, trackId: event.tracks[0]!.id };
    await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-9000), mode: "draft", input });
    const created = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    const results = await Promise.all([
      saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-3000), mode: "submit", input: { ...input, title: "Versi kapten" } }),
      saveSubmission({ teamId: team.id, userId: member.id, now: ms(-3000), mode: "submit", input: { ...input, title: "Versi anggota" } }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const revisions = await db.submissionRevision.findMany({ where: { submission: { teamId: team.id } }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(new Set(revisions.map((r) => r.title))).toEqual(new Set(["Versi kapten", "Versi anggota"]));
    const row = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    // The project is one row, kept: the same id and creation time, the last writer's text.
    expect(row.id).toBe(created.id);
    expect(row.createdAt.toISOString()).toBe(created.createdAt.toISOString());
    expect(row).toMatchObject({ status: "SUBMITTED", version: 3, title: revisions[1].title });
    expect(row.updatedAt.toISOString()).toBe(ms(-3000).toISOString());
  });

  it("keeps a submitted project submitted and refuses a stale autosave on it", async () => {
    const { event, team, captain } = await setup();
    await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-9000), mode: "submit", input: { ...draft, trackId: event.tracks[0]!.id } });
    const autosave = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-8000), mode: "autosave", input: { title: "" } });
    expect(autosave).toEqual({ ok: false, code: "autosaveSubmitted" });
    const emptied = await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-7000), mode: "draft", input: { ...draft, trackId: event.tracks[0]!.id, title: "" } });
    expect(emptied).toEqual({ ok: false, code: "requiredToSubmit", fields: { title: "requiredToSubmit" } });
    expect((await db.submission.findUniqueOrThrow({ where: { teamId: team.id } })).title).toBe("Lapor Desa");
  });

  it("stores HTML and script payloads as plain text", async () => {
    const { team, captain } = await setup();
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1000), mode: "draft", input: { title: payload, tagline: payload, description: payload } });
    const row = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    expect([row.title, row.tagline, row.description]).toEqual([payload, payload, payload]);
  });
});

describe("files", () => {
  const pptx = zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships/>'),
    "ppt/presentation.xml": strToU8("<p:presentation/>"),
    "ppt/slides/slide1.xml": strToU8("<p:sld/>"),
  });
  const zip = zipSync({ "README.md": strToU8("# Lapor Desa\n"), "src/index.ts": strToU8("export {};\n") });
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

  it.each([
    ["Proposal.pdf", "application/pdf", demoPdf("Proposal"), "pdf", "Proposal.pdf"],
    ["Slide Pitch.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", pptx, "pptx", "Slide Pitch.pptx"],
    ["kode.zip", "application/zip", zip, "zip", "kode.zip"],
    ["layar.png", "image/png", demoPng(16, 9, [10, 20, 30], [200, 100, 0]), "png", "layar.png"],
    ["foto.jpeg", "image/jpeg", jpeg, "jpeg", "foto.jpg"],
  ])("accepts %s, typed from its content", async (name, mime, bytes, kind, stored) => {
    const { team, captain } = await setup();
    const before = storedFiles().length;
    const result = await addAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), file: { bytes, name, mime } });
    expect(result.ok).toBe(true);
    const row = await db.attachment.findFirstOrThrow({ where: { submission: { teamId: team.id } } });
    expect([row.kind, row.filename, row.size]).toEqual([kind, stored, bytes.length]);
    expect(storedFiles().length).toBe(before + 1);
  });

  it.each([
    ["HTML named .pdf", "laporan.pdf", "application/pdf", strToU8("<html><script>alert(1)</script></html>"), "contentMismatch"],
    ["PNG named .pdf", "proposal.pdf", "application/pdf", demoPng(4, 4, [0, 0, 0], [1, 1, 1]), "contentMismatch"],
    ["a Windows program named .zip", "kode.zip", "application/zip", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), "contentMismatch"],
    ["an SVG with a script", "logo.svg", "image/svg+xml", strToU8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "typeNotAllowed"],
    ["a GIF (not an allowed kind)", "anim.gif", "image/gif", new Uint8Array(Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")), "typeNotAllowed"],
    ["an empty file", "kosong.pdf", "application/pdf", new Uint8Array(0), "empty"],
  ])("refuses %s with a clear reason on the file field and stores nothing", async (_label, name, mime, bytes, code) => {
    const { team, captain } = await setup();
    const before = storedFiles().length;
    const result = await addAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), file: { bytes, name, mime } });
    expect(result).toEqual({ ok: false, code, field: "file" });
    expect(storedFiles().length).toBe(before);
    expect(await db.attachment.count({ where: { submission: { teamId: team.id } } })).toBe(0);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses a cover over 5 MB with the limit in the message", async () => {
    const { team, captain } = await setup();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(demoPng(2, 2, [0, 0, 0], [9, 9, 9]));
    const result = await setCover({ teamId: team.id, userId: captain.id, now: ms(-1000), file: { bytes: big, name: "besar.png", mime: "image/png" } });
    expect(result).toEqual({ ok: false, code: "tooLarge", field: "file", params: { max: "5 MB" } });
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses an attachment over the limit, and the removal of a file that is not there", async () => {
    const { team, captain } = await setup();
    const pdf = (n: number) => ({ bytes: demoPdf(`p${n}`), name: `p${n}.pdf`, mime: "application/pdf" });
    for (let n = 0; n < MAX_ATTACHMENTS; n++) expect((await addAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), file: pdf(n) })).ok).toBe(true);
    const before = storedFiles().length;
    const extra = await addAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), file: pdf(MAX_ATTACHMENTS) });
    expect(extra).toEqual({ ok: false, code: "tooMany", field: "file", params: { max: MAX_ATTACHMENTS } });
    expect(storedFiles().length).toBe(before);
    expect(await db.attachment.count({ where: { submission: { teamId: team.id } } })).toBe(MAX_ATTACHMENTS);

    expect(await removeAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), attachmentId: "tidak-ada" })).toEqual({ ok: false, code: "notFound" });
    expect(await removeCover({ teamId: team.id, userId: captain.id, now: ms(-1000) })).toEqual({ ok: false, code: "notFound" });
    expect(await db.attachment.count({ where: { submission: { teamId: team.id } } })).toBe(MAX_ATTACHMENTS);
  });

  it("deletes the stored file when the database write after it fails (no orphans)", async () => {
    const { team, captain } = await setup();
    const before = storedFiles().length;
    // The client is a proxy whose restored spy would leave `$transaction` undefined for the tests
    // after this one: put the original back by hand.
    const original = db.$transaction;
    const spy = vi.spyOn(db, "$transaction").mockRejectedValueOnce(new Error("database unavailable"));
    try {
      await expect(addAttachment({ teamId: team.id, userId: captain.id, now: ms(-1000), file: { bytes: demoPdf("x"), name: "x.pdf", mime: "application/pdf" } })).rejects.toThrow(
        "database unavailable",
      );
    } finally {
      spy.mockRestore();
      db.$transaction = original;
    }
    expect(storedFiles().length).toBe(before);
  });

  it("replaces the cover and removes the old file", async () => {
    const { team, captain } = await setup();
    const png = (c: number) => ({ bytes: demoPng(8, 8, [c, c, c], [0, 0, 0]), name: "sampul.png", mime: "image/png" });
    await setCover({ teamId: team.id, userId: captain.id, now: ms(-2000), file: png(10) });
    const first = (await db.submission.findUniqueOrThrow({ where: { teamId: team.id } })).coverKey;
    const count = storedFiles().length;
    await setCover({ teamId: team.id, userId: captain.id, now: ms(-1000), file: png(200) });
    const second = (await db.submission.findUniqueOrThrow({ where: { teamId: team.id } })).coverKey;
    expect(second).not.toBe(first);
    expect(storedFiles().length).toBe(count);
  });
});

describe("the team as the project page reads it", () => {
  it("has no project before the first save, then the project with its files in upload order", async () => {
    const { team, captain, member } = await setup();
    expect((await getTeamForMember(team.id, captain.id))?.submission).toBeNull();
    expect(await getTeamForMember(team.id, "bukan-anggota")).toBeNull();
    expect((await saveSubmission({ teamId: team.id, userId: captain.id, now: ms(-1), mode: "draft", input: draft })).ok).toBe(true);
    const bare = (await getTeamForMember(team.id, member.id))!.submission!;
    expect(bare).toMatchObject({ title: draft.title, status: "DRAFT", attachments: [] });
    expect(typeof bare.version).toBe("number");
    expect(bare.createdAt).toBeInstanceOf(Date);
    // Stored out of id order: the later upload has the smaller id.
    const at = (s: number) => new Date(OPEN.getTime() + s * 1000);
    const file = (id: string, filename: string, createdAt: Date) => ({
      id,
      submissionId: bare.id,
      filename,
      kind: "proposal",
      mime: "application/pdf",
      size: 2048,
      storageKey: `uji/${id}`,
      sha256: "0".repeat(64),
      uploadedById: captain.id,
      createdAt,
    });
    await db.attachment.createMany({ data: [file(`b-${team.id}`, "proposal.pdf", at(1)), file(`a-${team.id}`, "lampiran.pdf", at(2))] });
    const read = (await getTeamForMember(team.id, captain.id))!.submission!;
    expect(read.attachments.map((a) => [a.filename, a.size, a.createdAt.getTime()])).toEqual([
      ["proposal.pdf", 2048, at(1).getTime()],
      ["lampiran.pdf", 2048, at(2).getTime()],
    ]);
    expect(read.attachments[0]).toEqual(await db.attachment.findUnique({ where: { id: `b-${team.id}` } }));
    expect({ ...read, attachments: undefined }).toEqual({ ...(await db.submission.findUnique({ where: { teamId: team.id } })), attachments: undefined });
  });
});
