// The UU PDP rights at the model level: agreeing to the notice, the copy of one's data, and
// deleting the account without breaking published records. Refusals write nothing.
import { randomBytes } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/seed-utils";
import { certificateInitials, DELETED_NAME, deletedEmail, PRIVACY_VERSION } from "~/domain/privacy";
import { db } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { sessionKey } from "~/services/session-key.server";
import { fileExists, putFile } from "~/services/storage.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { makeEvent } from "~/test/teams";
import { accountArchive, collectAccountData, type AccountData } from "./account-data.server";
import { deleteAccount } from "./account-deletion.server";
import { rememberDevice } from "./known-device.server";
import { acceptPrivacyNotice, createPasswordResetToken, createUser as signUp, verifyLogin } from "./user.server";

const NOW = new Date("2026-12-02T03:00:00.000Z");
const PASSWORD = "rahasia-123";
const tag = () => randomBytes(5).toString("hex");

async function account(name = "Dewi Kartika", whatsapp: string | null = "+6281234567890") {
  return createUser(db, { email: `pdp-${tag()}@contoh.id`, name, password: PASSWORD, whatsapp });
}

async function sessionOf(userId: string) {
  const key = sessionKey(randomBytes(20).toString("hex"));
  await db.session.create({ data: { id: key, userId, expiresAt: new Date(NOW.getTime() + 864e5), userAgent: "Peramban Uji" } });
  return key;
}

async function team(eventId: string, status: "PENDING" | "ACCEPTED" | "REJECTED", members: { userId: string; role: "CAPTAIN" | "MEMBER" }[]) {
  const code = tag();
  const created = await db.team.create({ data: { eventId, name: `Tim ${code}`, nameKey: `tim ${code}`, inviteCode: code, inviteToken: `tok-${code}`, status } });
  for (const m of members) await db.teamMember.create({ data: { teamId: created.id, eventId, userId: m.userId, role: m.role } });
  return created;
}

async function certificateFor(eventId: string, userId: string, name: string) {
  const publication = await db.publication.create({ data: { eventId, method: "zscore", document: "{}", sha256: sha256(tag()), publishedById: userId, publishedAt: NOW } });
  return db.certificate.create({ data: { code: `KIM-${tag()}`, eventId, publicationId: publication.id, userId, kind: "PARTICIPANT", name, issuedAt: NOW } });
}

describe("agreeing to the privacy notice", () => {
  it("stores the version and time at sign-up, and a newer agreement replaces an older one only", async () => {
    const created = await signUp({ name: "Sari", email: `pdp-${tag()}@contoh.id`, password: PASSWORD }, { version: PRIVACY_VERSION, at: NOW });
    expect(created).toMatchObject({ privacyVersion: PRIVACY_VERSION, privacyAcceptedAt: NOW });

    const old = await account();
    await db.user.update({ where: { id: old.id }, data: { privacyVersion: null, privacyAcceptedAt: null } });
    const later = new Date(NOW.getTime() + 1000);
    expect(await acceptPrivacyNotice(old.id, { version: PRIVACY_VERSION, at: later })).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ privacyVersion: PRIVACY_VERSION, privacyAcceptedAt: later });
    // Agreeing again (a second tab) writes nothing.
    const before = await databaseFingerprint();
    expect(await acceptPrivacyNotice(old.id, { version: PRIVACY_VERSION, at: new Date(NOW.getTime() + 5000) })).toBe(false);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("the copy of one's data", () => {
  it("holds the account, roles, teams with teammates' names only, writing, files, votes, certificates, audit and consents, and no secret", async () => {
    const ev = await makeEvent();
    const me = await account("Dewi Kartika");
    const mate = await account("Budi Santoso", "+6281999999999");
    const stranger = await account("Orang Lain");
    const t = await team(ev.id, "ACCEPTED", [
      { userId: me.id, role: "CAPTAIN" },
      { userId: mate.id, role: "MEMBER" },
    ]);
    await db.teamMember.update({ where: { eventId_userId: { eventId: ev.id, userId: me.id } }, data: { noticeAcceptedAt: NOW, noticeSha256: sha256("Foto dokumentasi") } });
    await db.eventMember.create({ data: { eventId: ev.id, userId: me.id, role: "JUDGE", kimName: "KIM Sumber" } });
    const submission = await db.submission.create({ data: { eventId: ev.id, teamId: t.id, title: "Desa Pintar", status: "SUBMITTED" } });
    await db.submissionRevision.create({ data: { submissionId: submission.id, number: 1, title: "Desa Pintar", tagline: "Ringkas", description: "Uraian saya", authorId: me.id } });
    await db.submissionRevision.create({ data: { submissionId: submission.id, number: 2, title: "Desa Pintar 2", tagline: "", description: "Uraian rekan", authorId: mate.id } });
    const bytes = new TextEncoder().encode("%PDF-1.4\nberkas saya\n%%EOF\n");
    const stored = await putFile("attachments", bytes);
    await db.attachment.create({
      data: {
        submissionId: submission.id,
        filename: "proposal saya.pdf",
        kind: "document",
        mime: "application/pdf",
        size: stored.size,
        storageKey: stored.key,
        sha256: stored.sha256,
        uploadedById: me.id,
      },
    });
    const other = await putFile("attachments", new TextEncoder().encode("%PDF-1.4\nberkas rekan\n%%EOF\n"));
    await db.attachment.create({
      data: { submissionId: submission.id, filename: "rekan.pdf", kind: "document", mime: "application/pdf", size: other.size, storageKey: other.key, sha256: other.sha256, uploadedById: mate.id },
    });
    await db.vote.create({ data: { eventId: ev.id, userId: me.id, submissionId: submission.id } });
    const cert = await certificateFor(ev.id, me.id, "Dewi Kartika");
    await db.reminderDelivery.create({ data: { key: `reminder:${ev.id}:submission:24h`, userId: me.id, eventId: ev.id, sentAt: NOW } });
    await db.auditLog.create({ data: { eventId: ev.id, actorId: stranger.id, action: "member.affiliation", entity: "user", entityId: me.id, after: JSON.stringify({ kimName: "KIM Sumber" }) } });
    await db.auditLog.create({ data: { eventId: ev.id, actorId: me.id, action: "team.review", entity: "team", entityId: t.id, after: JSON.stringify({ secretOfOthers: "x" }) } });
    const sessionId = await sessionOf(me.id);
    await createPasswordResetToken(me.id, NOW);
    await rememberDevice(me.id, NOW);

    const collected = await collectAccountData(me.id, NOW);
    if (!collected) throw new Error("no data");
    const doc: AccountData = collected.document;
    expect(doc.account).toMatchObject({ id: me.id, name: "Dewi Kartika", email: me.email, whatsapp: "+6281234567890", language: null, lastSignInAt: null });
    expect(doc.consents.platformNotice).toMatchObject({ agreedVersion: PRIVACY_VERSION, versionInForce: PRIVACY_VERSION });
    expect(doc.consents.eventNotices).toEqual([{ event: ev.slug, team: t.name, agreedAt: NOW.toISOString(), noticeSha256: sha256("Foto dokumentasi") }]);
    expect(doc.eventRoles).toEqual([expect.objectContaining({ role: "JUDGE", affiliation: { region: null, kimName: "KIM Sumber", institution: null } })]);
    expect(doc.teams[0]?.team.members).toEqual([
      { name: "Dewi Kartika", role: "CAPTAIN", you: true },
      { name: "Budi Santoso", role: "MEMBER", you: false },
    ]);
    expect(doc.submissionRevisionsWritten.map((r) => r.description)).toEqual(["Uraian saya"]);
    expect(doc.filesUploaded.map((f) => f.filename)).toEqual(["proposal saya.pdf"]);
    expect(doc.votes).toEqual([expect.objectContaining({ project: "Desa Pintar", team: t.name })]);
    expect(doc.certificates).toEqual([expect.objectContaining({ code: cert.code, nameOnCertificate: "Dewi Kartika" })]);
    expect(doc.remindersReceived).toEqual([{ event: ev.slug, kind: "submission", before: "24h", sentAt: NOW.toISOString() }]);
    expect(doc.auditEntriesAboutYou).toEqual([expect.objectContaining({ action: "member.affiliation", after: JSON.stringify({ kimName: "KIM Sumber" }) })]);
    expect(doc.auditEntriesOfYourActions).toEqual([expect.objectContaining({ action: "team.review", entityId: t.id })]);
    expect(doc.auditEntriesOfYourActions[0]).not.toHaveProperty("after");
    expect(doc.sessions).toEqual([expect.objectContaining({ browser: "Peramban Uji" })]);

    const zip = await accountArchive(me.id, NOW);
    if (!zip) throw new Error("no zip");
    const files = unzipSync(zip);
    const text = strFromU8(files["data-saya.json"]!);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
    const [path] = Object.keys(files).filter((f) => f.startsWith("berkas/"));
    expect(path).toMatch(/proposal saya\.pdf$/);
    expect(files[path!]).toEqual(bytes);
    // No secrets and nobody else's contact details.
    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    const tokens = await db.userToken.findMany({ where: { userId: me.id } });
    for (const secret of [row.passwordHash, sessionId, ...tokens.map((x) => x.tokenHash), mate.email, "+6281999999999", stranger.email, "secretOfOthers", "Uraian rekan"])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|tokenHash/);
  });
});

describe("deleting the account", () => {
  it("refuses a wrong password and a captain whose team has other members, writing nothing", async () => {
    const ev = await makeEvent();
    const captain = await account();
    const member = await account("Budi Santoso");
    const t = await team(ev.id, "PENDING", [
      { userId: captain.id, role: "CAPTAIN" },
      { userId: member.id, role: "MEMBER" },
    ]);
    await sessionOf(captain.id);
    const before = await databaseFingerprint();
    expect(await deleteAccount(captain.id, "bukan-sandinya", NOW)).toEqual({ ok: false, code: "wrongPassword" });
    expect(await deleteAccount(captain.id, PASSWORD, NOW)).toEqual({ ok: false, code: "captain", teams: [t.name] });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("anonymizes the row, ends sessions, keeps accepted teams and certificates (initials), drops open memberships and an emptied team's files, and audits without personal data", async () => {
    const ev = await makeEvent();
    const me = await account("Dewi Kartika");
    const captainElsewhere = await account("Ketua Lain");
    const otherMember = await account("Anggota Lain");
    const accepted = await team(ev.id, "ACCEPTED", [
      { userId: captainElsewhere.id, role: "CAPTAIN" },
      { userId: me.id, role: "MEMBER" },
    ]);
    const ev2 = await makeEvent();
    const pending = await team(ev2.id, "PENDING", [
      { userId: otherMember.id, role: "CAPTAIN" },
      { userId: me.id, role: "MEMBER" },
    ]);
    const ev3 = await makeEvent();
    const solo = await team(ev3.id, "PENDING", [{ userId: me.id, role: "CAPTAIN" }]);
    const soloSubmission = await db.submission.create({ data: { eventId: ev3.id, teamId: solo.id, title: "Draf" } });
    const draftFile = await putFile("attachments", new TextEncoder().encode("%PDF-1.4\ndraf\n%%EOF\n"));
    await db.attachment.create({
      data: {
        submissionId: soloSubmission.id,
        filename: "draf.pdf",
        kind: "document",
        mime: "application/pdf",
        size: draftFile.size,
        storageKey: draftFile.key,
        sha256: draftFile.sha256,
        uploadedById: me.id,
      },
    });
    const acceptedSubmission = await db.submission.create({ data: { eventId: ev.id, teamId: accepted.id, title: "Terbit", status: "SUBMITTED" } });
    await db.submissionRevision.create({ data: { submissionId: acceptedSubmission.id, number: 1, title: "Terbit", tagline: "", description: "", authorId: me.id } });
    const cert = await certificateFor(ev.id, me.id, "Dewi Kartika");
    await sessionOf(me.id);
    const othersSession = await sessionOf(otherMember.id);
    await createPasswordResetToken(me.id, NOW);

    const result = await deleteAccount(me.id, PASSWORD, NOW);
    expect(result).toEqual({ ok: true, removedMemberships: 2, removedTeams: 1 });

    const row = await db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(row).toMatchObject({ name: DELETED_NAME, email: deletedEmail(me.id), whatsapp: null, emailVerifiedAt: null, isAdmin: false, deletedAt: NOW });
    expect(await verifyLogin(me.email, PASSWORD)).toBeNull();
    expect(await verifyLogin(deletedEmail(me.id), PASSWORD)).toBeNull();
    expect(await db.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.userToken.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.session.findUnique({ where: { id: othersSession } })).not.toBeNull();

    // Accepted team: kept with the (now anonymous) member; open team: membership gone, team stays.
    expect(await db.teamMember.count({ where: { teamId: accepted.id, userId: me.id } })).toBe(1);
    expect(await db.teamMember.count({ where: { teamId: pending.id } })).toBe(1);
    expect(await db.team.findUnique({ where: { id: solo.id } })).toBeNull();
    expect(await fileExists(draftFile.key)).toBe(false);
    expect(await db.submissionRevision.count({ where: { authorId: me.id } })).toBe(1);

    const kept = await db.certificate.findUniqueOrThrow({ where: { id: cert.id } });
    expect(kept).toMatchObject({ code: cert.code, name: certificateInitials("Dewi Kartika") });

    const audits = await db.auditLog.findMany({ where: { action: "account.delete", entityId: me.id } });
    expect(audits).toHaveLength(1);
    const written = JSON.stringify(audits[0]);
    for (const personal of ["Dewi", me.email, "+6281234567890"]) expect(written).not.toContain(personal);

    // A second attempt finds nothing to delete and writes nothing.
    const before = await databaseFingerprint();
    expect(await deleteAccount(me.id, PASSWORD, NOW)).toEqual({ ok: false, code: "wrongPassword" });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
