// The world the authorization matrix runs against, made with the demo seed's own helpers:
// event A judged, published, gallery public and People's Choice open; event B run by another
// organizer; one user of every actor kind the matrix has a column for.
import { randomBytes } from "node:crypto";
import { demoPdf, demoPng, createTeam } from "../../prisma/seed-submissions";
import { createDemoSubmission } from "../../prisma/seed-judging";
import { judgeEvent } from "../../prisma/seed-results";
import { createEvent, createUser, type EventSeed } from "../../prisma/seed-utils";
import { inviteMember, removeMember } from "~/models/invite.server";
import { publishResults } from "~/models/publication.server";
import { createPasswordResetToken } from "~/models/user.server";
import { db } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { putFile } from "~/services/storage.server";
import { cookieFor } from "./judging-fixture";
import { IMPACT_INNOVATION_RUBRIC, JUDGING_UNDER_WAY, placeAwards, seedTracks } from "./event-seeds";

const DAY = 86_400_000;

export const ACTORS = ["A", "U", "M", "C", "X", "JA", "JN", "O", "OX", "AD", "RJ"] as const;
export type ActorCode = (typeof ACTORS)[number];

function eventSeed(slug: string): EventSeed {
  return {
    slug,
    name: `KIM Hackathon Matriks ${slug}`,
    summary: "Uji akses",
    description: "Uji akses",
    rules: "Uji akses",
    ...JUDGING_UNDER_WAY,
    tracks: seedTracks(1),
    criteria: IMPACT_INNOVATION_RUBRIC,
    awards: placeAwards(1),
    faqs: [{ question: "Siapa boleh ikut?", answer: "Anggota KIM." }],
    settings: { galleryPublished: true, peoplesChoice: true },
  };
}

export async function authzWorld() {
  const now = new Date();
  const tag = randomBytes(4).toString("hex");
  const mk = (name: string, isAdmin = false) => createUser(db, { email: `${name.toLowerCase().replace(/\s+/g, ".")}-${tag}@contoh.id`, name, password: "rahasia-123", isAdmin });
  const voting = { votingOpensAt: new Date(now.getTime() - DAY), votingClosesAt: new Date(now.getTime() + 2 * DAY) };

  const a = await createEvent(db, now, eventSeed(`matriks-a-${tag}`));
  const banner = await putFile("banners", demoPng(60, 20, [23, 78, 163], [229, 154, 0]));
  await db.event.update({ where: { id: a.id }, data: { ...voting, bannerKey: banner.key } });
  const organizer = await mk("Panitia A");
  await db.eventMember.create({ data: { eventId: a.id, userId: organizer.id, role: "ORGANIZER" } });
  const judges = [];
  for (let i = 1; i <= 4; i++) {
    const judge = await mk(`Juri ${i}`);
    await db.eventMember.create({ data: { eventId: a.id, userId: judge.id, role: "JUDGE" } });
    judges.push(judge);
  }
  await judgeEvent(db, a.id, now, { teams: 4, finalists: 0, seed: 11 });
  const [round1] = await db.round.findMany({ where: { eventId: a.id }, orderBy: { order: "asc" } });

  const teams = await db.team.findMany({ where: { eventId: a.id }, orderBy: { name: "asc" }, include: { members: true, submission: true } });
  const team = teams[0]!;
  const other = teams[1]!;
  const submission = team.submission!;
  const captain = team.members.find((m) => m.role === "CAPTAIN")!;
  const member = team.members.find((m) => m.role === "MEMBER")!;
  const otherCaptain = other.members.find((m) => m.role === "CAPTAIN")!;
  const onSubmission = await db.assignment.findMany({ where: { submissionId: submission.id }, orderBy: { judgeId: "asc" } });
  const assigned = new Set(onSubmission.map((x) => x.judgeId));
  const assignment = onSubmission[0]!;
  const removedJudgeId = onSubmission[1]!.judgeId;
  const unassigned = judges.find((j) => !assigned.has(j.id))!;

  // Files only the team, organizers and assigned judges may fetch.
  const pdf = await putFile("attachments", demoPdf("Proposal matriks"));
  const attachment = await db.attachment.create({
    data: { submissionId: submission.id, filename: "proposal.pdf", kind: "pdf", mime: "application/pdf", size: pdf.size, storageKey: pdf.key, sha256: pdf.sha256, uploadedById: captain.userId },
  });
  const cover = await putFile("covers", demoPng(48, 27, [20, 110, 60], [217, 232, 255]));
  await db.submission.update({ where: { id: submission.id }, data: { coverKey: cover.key } });
  const proposal = await putFile("proposals", demoPdf("Proposal tim"));
  await db.team.update({ where: { id: team.id }, data: { proposalKey: proposal.key, proposalName: "proposal.pdf" } });

  // Disqualified after submitting: out of the gallery and of People's Choice.
  const rejectedOwner = await mk("Peserta Ditolak");
  const rejected = await createTeam(db, { eventId: a.id, name: `Tim Ditolak ${tag}`, userIds: [rejectedOwner.id], status: "REJECTED" });
  const rejectedSubmission = await createDemoSubmission(db, a, rejected.id, null, { title: "Karya Ditolak", tagline: "", description: "" });

  const judgesNote = `Pengarahan khusus juri ${tag}`;
  await db.announcement.create({ data: { eventId: a.id, title: judgesNote, body: "Rubrik final dibahas pukul 19.00.", segment: "judges", authorId: organizer.id } });
  await db.announcement.create({ data: { eventId: a.id, title: "Pengumuman untuk semua", body: "Terima kasih.", segment: "all", authorId: organizer.id } });

  const published = await publishResults({ eventId: a.id, actorId: organizer.id, roundId: round1!.id, method: "raw", recipients: {}, override: false, overrideReason: "", now });
  if (!published.ok) throw new Error(`matrix event could not be published: ${published.code}`);
  const certificate = await db.certificate.findFirstOrThrow({ where: { eventId: a.id, userId: member.userId, kind: "PARTICIPANT" } });

  // Removed after judging: the assignment stays in the record, the role is gone.
  const removed = await db.eventMember.findFirstOrThrow({ where: { eventId: a.id, userId: removedJudgeId, role: "JUDGE" } });
  const removal = await removeMember(a.id, removed.id, organizer);
  if (!removal.ok) throw new Error("judge could not be removed");
  const unassignedMember = await db.eventMember.findFirstOrThrow({ where: { eventId: a.id, userId: unassigned.id, role: "JUDGE" } });
  const invite = await inviteMember(a.id, { role: "JUDGE", email: `tamu-${tag}@contoh.id` }, organizer, now);
  if (invite.kind !== "invited") throw new Error("invite expected");
  const openInvite = await db.invite.findFirstOrThrow({ where: { eventId: a.id, acceptedAt: null } });
  const resetToken = await createPasswordResetToken((await mk("Lupa Sandi")).id, now);
  // A place in the other team kept (team import) for an address none of the actors owns.
  const seatToken = `tempat-${tag}-${randomBytes(8).toString("hex")}`;
  await db.teamSeat.create({ data: { eventId: a.id, teamId: other.id, email: `tempat-${tag}@contoh.id`, name: "Anggota Impor", tokenHash: sha256(seatToken), invitedById: organizer.id } });

  // Event B: its own organizer; the judge assigned in A also judges here.
  const b = await createEvent(db, now, eventSeed(`matriks-b-${tag}`));
  await db.event.update({ where: { id: b.id }, data: voting });
  const organizerB = await mk("Panitia B");
  await db.eventMember.create({ data: { eventId: b.id, userId: organizerB.id, role: "ORGANIZER" } });
  await db.eventMember.create({ data: { eventId: b.id, userId: assignment.judgeId, role: "JUDGE" } });

  const admin = await mk("Admin Platform", true);
  const loner = await mk("Tanpa Tim");
  const users: Record<Exclude<ActorCode, "A">, string> = {
    U: loner.id,
    M: member.userId,
    C: captain.userId,
    X: otherCaptain.userId,
    JA: assignment.judgeId,
    JN: unassigned.id,
    O: organizer.id,
    OX: organizerB.id,
    AD: admin.id,
    RJ: removedJudgeId,
  };
  const cookies: Partial<Record<ActorCode, string>> = {};
  for (const [code, id] of Object.entries(users)) cookies[code as ActorCode] = await cookieFor(id);

  const [faq, track, award, region, criteria] = await Promise.all([
    db.faqItem.findFirstOrThrow({ where: { eventId: a.id } }),
    db.track.findFirstOrThrow({ where: { eventId: a.id } }),
    db.award.findFirstOrThrow({ where: { eventId: a.id } }),
    db.region.findFirstOrThrow({ where: { eventId: a.id } }),
    db.criterion.findMany({ where: { roundId: round1!.id } }),
  ]);
  return {
    a,
    b,
    users,
    cookies,
    ids: {
      team: team.id,
      submission: submission.id,
      assignment: assignment.id,
      attachment: attachment.id,
      certificate: certificate.code,
      publication: published.publicationId,
      teamToken: team.inviteToken,
      inviteToken: invite.token,
      invite: openInvite.id,
      resetToken,
      seatToken,
      rejectedSubmission: rejectedSubmission.id,
      judgeMember: unassignedMember.id,
      unassignedJudge: unassigned.id,
      faq: faq.id,
      track: track.id,
      award: award.id,
      region: region.id,
      round: round1!.id,
      criteria: criteria.map((c) => c.id),
    },
    judgesNote,
    /** A fresh judge invite of event A for an address none of the actors owns. */
    async freshInvite() {
      const made = await inviteMember(a.id, { role: "JUDGE", email: `tamu-${randomBytes(4).toString("hex")}@contoh.id` }, organizer, new Date());
      if (made.kind !== "invited") throw new Error("invite expected");
      return made.token;
    },
  };
}

export type AuthzWorld = Awaited<ReturnType<typeof authzWorld>>;
