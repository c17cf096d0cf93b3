// Teams from the participants' side: registration, invitations, membership and the team page.
// Every write re-reads the rules inside its transaction; the one-team-per-person-per-event rule
// is also a unique index, so concurrent requests cannot break it.
import { UPLOAD_KINDS } from "~/domain/filetype";
import { normalizeWhatsApp, parseHttpUrl, whatsAppLink } from "~/domain/links";
import { canEditTeam, canRegister, type Extension } from "~/domain/phase";
import { normalizeInviteCode } from "~/domain/team-progress";
import { teamNameKey } from "~/domain/team-name";
import { canAddMember, type TeamRules } from "~/domain/team-rules";
import { audit } from "~/services/audit.server";
import { db, isUniqueViolation, Prisma } from "~/services/db.server";
import { checkUpload } from "~/services/filetype.server";
import { randomToken, sha256, shortCode } from "~/services/ids.server";
import { deleteFile, putFile } from "~/services/storage.server";
import type { Failure } from "~/validation/message";
import type { RegisterTeamInput, TeamRefusalCode } from "~/validation/team";
import { toTimeline } from "./event.server";

/** A refusal: its code (the route shows it, see TEAM_REFUSAL_KEYS), and the form field it belongs to ("" for the whole form). */
export type Refusal = Failure<TeamRefusalCode> & { field: string };
export type Result<T> = ({ ok: true } & T) | Refusal;

export const refuse = (field: string, code: TeamRefusalCode): Refusal => ({ ok: false, code, field });

export function toExtensions(rows: readonly { kind: string; until: Date }[]): Extension[] {
  return rows.map((r) => ({ kind: r.kind === "REGISTRATION" ? "registration" : "submission", until: r.until }));
}

type TeamRow = {
  id: string;
  name: string;
  kimName: string;
  institution: string;
  region: { name: string } | null;
  track: { name: string } | null;
  status: string;
  statusReason: string | null;
  videoUrl: string | null;
  proposalName: string | null;
};

/** What the team page and the organizer's team view both show about a team. */
export function teamFacts<T extends TeamRow>(team: T) {
  return {
    id: team.id,
    name: team.name,
    kimName: team.kimName,
    institution: team.institution,
    region: team.region?.name ?? null,
    track: team.track?.name ?? null,
    status: team.status as T["status"],
    statusReason: team.statusReason,
    videoUrl: team.videoUrl,
    proposalName: team.proposalName,
  };
}

/**
 * A member with a click-to-chat WhatsApp link when the number is usable. `hidden`: the event's
 * retention period has ended, so it shows no email or number (see retention.server.ts).
 */
export function memberContact<M extends { id: string; role: string; user: { name: string; email: string; whatsapp: string | null } }>(m: M, hidden = false) {
  const wa = m.user.whatsapp && !hidden ? normalizeWhatsApp(m.user.whatsapp) : null;
  return { id: m.id, name: m.user.name, email: hidden ? null : m.user.email, whatsappLink: wa ? whatsAppLink(wa) : null, role: m.role as M["role"] };
}

export function rulesOf(event: { minTeamSize: number; maxTeamSize: number; pools: readonly { key: string; quota: number }[] }): TeamRules {
  return { minSize: event.minTeamSize, maxSize: event.maxTeamSize, pools: event.pools.map((p) => ({ key: p.key, quota: p.quota })) };
}

const eventInclude = {
  rounds: { orderBy: { order: "asc" } },
  pools: { orderBy: { order: "asc" } },
} as const;

/** The event with what the registration form offers (regions, tracks, pools). */
export async function getRegistrationEvent(slug: string) {
  return db.event.findUnique({
    where: { slug },
    include: {
      ...eventInclude,
      regions: { orderBy: [{ order: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      tracks: { orderBy: { order: "asc" }, select: { id: true, name: true } },
    },
  });
}

export async function findMembership(eventId: string, userId: string) {
  return db.teamMember.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { teamId: true, role: true } });
}

export type ProposalUpload = { bytes: Uint8Array; name: string; mime: string } | null;

export async function registerTeam(args: { slug: string; userId: string; input: RegisterTeamInput; proposal: ProposalUpload; now: Date }): Promise<Result<{ teamId: string }>> {
  const { userId, input, proposal, now } = args;
  const event = await getRegistrationEvent(args.slug);
  if (!event || !event.isPublic) return refuse("", "eventNotFound");
  if (!canRegister(toTimeline(event), now).allowed) return refuse("", "registrationClosed");
  if (await findMembership(event.id, userId)) return refuse("", "alreadyInTeam");
  if (!event.regions.some((r) => r.id === input.regionId)) return refuse("regionId", "invalid");
  if (input.trackId && !event.tracks.some((t) => t.id === input.trackId)) return refuse("trackId", "invalid");
  const pool = event.pools.length ? (input.pool ?? null) : null;
  const fit = canAddMember(rulesOf(event), [], pool);
  if (!fit.ok) return refuse("pool", fit.code === "pool_required" ? "poolRequired" : "invalid");
  const videoUrl = input.videoUrl ? parseHttpUrl(input.videoUrl) : null;
  if (event.requireVideo && !videoUrl) return refuse("videoUrl", "videoRequired");
  // The event's own privacy notice, when it has one, is agreed to by the captain; the hash of the
  // text agreed to is kept with the agreement.
  const notice = event.privacyNotice.trim();
  if (notice && input.agreeEventNotice !== "on") return refuse("agreeEventNotice", "noticeRequired");
  const agreement = notice ? { noticeAcceptedAt: now, noticeSha256: sha256(notice) } : {};
  let proposalName: string | null = null;
  if (proposal) {
    const checked = await checkUpload({ bytes: proposal.bytes, declaredName: proposal.name, declaredMime: proposal.mime, ...UPLOAD_KINDS.proposal });
    if (!checked.ok) return refuse("proposal", checked.code === "too_large" ? "proposalTooLarge" : "proposalType");
    proposalName = proposal.name.replace(/\.[^.]*$/, "").slice(0, 100) + `.${checked.ext}`;
  } else if (event.requireProposal) {
    return refuse("proposal", "proposalRequired");
  }
  const nameKey = teamNameKey(input.name);
  // Compared against the names, not the stored keys: keys stored before the look-alike folding
  // would let "Tim Gаruda" (Cyrillic а) past an older "Tim Garuda".
  const existing = await db.team.findMany({ where: { eventId: event.id }, select: { name: true } });
  if (existing.some((t) => teamNameKey(t.name) === nameKey)) return refuse("name", "nameTaken");

  const stored = proposal ? await putFile("proposals", proposal.bytes) : null;
  try {
    const team = await db.$transaction(async (tx) => {
      const created = await tx.team.create({
        data: {
          eventId: event.id,
          name: input.name.replace(/\s+/g, " "),
          nameKey,
          kimName: input.kimName,
          regionId: input.regionId,
          institution: input.institution,
          trackId: input.trackId ?? null,
          inviteCode: shortCode(),
          inviteToken: randomToken(),
          proposalKey: stored?.key ?? null,
          proposalName,
          videoUrl,
        },
      });
      await tx.teamMember.create({ data: { teamId: created.id, eventId: event.id, userId, role: "CAPTAIN", pool, ...agreement } });
      await withdrawFromFinder(tx, event.id, userId);
      return created;
    });
    return { ok: true, teamId: team.id };
  } catch (error) {
    if (stored) await deleteFile(stored.key);
    if (!isUniqueViolation(error)) throw error;
    // Lost a race: either the name was taken or this person joined a team meanwhile.
    if (await findMembership(event.id, userId)) return refuse("", "alreadyInTeam");
    return refuse("name", "nameTaken");
  }
}

/** A team by its invite link or typed code; null when wrong or regenerated since. */
export async function findInvitedTeam(by: { token: string } | { code: string }) {
  const where = "token" in by ? { inviteToken: by.token } : { inviteCode: normalizeInviteCode(by.code) };
  if (Object.values(where)[0] === "") return null;
  return db.team.findUnique({
    where,
    select: {
      id: true,
      name: true,
      kimName: true,
      inviteToken: true,
      region: { select: { name: true } },
      event: {
        select: { id: true, slug: true, name: true, timezone: true, maxTeamSize: true, privacyNotice: true, announcementAt: true, contactRetentionDays: true, pools: { orderBy: { order: "asc" } } },
      },
      members: { select: { pool: true } },
      // Places kept for imported members count as taken.
      seats: { select: { pool: true } },
    },
  });
}

/** Thrown out of a transaction to refuse: Prisma rolls back on a throw, not on a returned value. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

/** Refuses from inside a transaction (see Refused). */
export function no(field: string, code: TeamRefusalCode): never {
  throw new Refused(refuse(field, code));
}

/** Runs a transaction that may refuse: a refusal or a lost race for the unique rules becomes a Refusal. */
export async function refusable<T extends { ok: true }>(work: () => Promise<T>, onUnique: Refusal = refuse("", "alreadyInTeam")): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    if (isUniqueViolation(error)) return onUnique;
    throw error;
  }
}

type Tx = Prisma.TransactionClient;

/**
 * Someone who joins a team leaves the team finder: their listing goes and their pending requests
 * are withdrawn (declined ones stay, so a team that said no is not asked again).
 */
export async function withdrawFromFinder(tx: Tx, eventId: string, userId: string): Promise<void> {
  await tx.finderListing.deleteMany({ where: { eventId, userId } });
  await tx.joinRequest.deleteMany({ where: { eventId, userId, status: "PENDING" } });
}

/**
 * Agreement to the event's own notice: the box ticked in the form being sent, or the agreement
 * the person gave earlier (with a join request) to the text with this hash.
 */
export type NoticeAgreement = { ticked: boolean } | { sha256: string | null; at: Date | null };

type AdmitTeam = Prisma.TeamGetPayload<{ include: { event: { include: typeof eventInclude } } }>;

/**
 * Makes `userId` a member of the team, inside `tx`, with every rule of joining: registration
 * (or the team's extension) still open, one team per person, team size and pool quotas (places
 * kept for imported members count), the event's notice. Refuses by throwing (see Refused).
 * `check` adds the caller's own condition on the locked, freshly read team (the invite link).
 */
export async function admitMember(
  tx: Tx,
  args: { teamId: string; userId: string; pool: string | null; notice: NoticeAgreement; now: Date; via: "invite" | "finder"; check?: (team: AdmitTeam) => void },
): Promise<{ teamId: string; eventId: string }> {
  const { userId, now } = args;
  // Lock the team row before counting: on PostgreSQL a concurrent join waits here until this
  // transaction ends, so the count below includes its member; SQLite runs writers one at a time.
  // A refusal throws, so the changed updatedAt is rolled back with everything else.
  await tx.team.update({ where: { id: args.teamId }, data: { updatedAt: now }, select: { id: true } });
  // Read after the lock, in a statement of its own, so PostgreSQL's snapshot includes the
  // member a concurrent join just committed.
  const team = await tx.team.findUniqueOrThrow({
    where: { id: args.teamId },
    include: {
      event: { include: eventInclude },
      members: { select: { userId: true, pool: true } },
      seats: { select: { pool: true } },
      extensions: { select: { kind: true, until: true } },
    },
  });
  args.check?.(team);
  if (!canEditTeam(toTimeline(team.event), now, toExtensions(team.extensions)).allowed) no("", "joinClosed");
  if (team.members.some((m) => m.userId === userId)) no("", "alreadyMember");
  const elsewhere = await tx.teamMember.findUnique({ where: { eventId_userId: { eventId: team.eventId, userId } }, select: { id: true } });
  if (elsewhere) no("", "alreadyInTeam");
  const pool = team.event.pools.length ? args.pool : null;
  // A place kept for an imported member is taken until it is claimed.
  const fit = canAddMember(rulesOf(team.event), [...team.members, ...team.seats], pool);
  if (!fit.ok) {
    const refusals = {
      team_full: ["", "teamFull"],
      pool_full: ["pool", "poolFull"],
      pool_required: ["pool", "poolRequired"],
      pool_unknown: ["pool", "invalid"],
    } as const;
    const [field, code] = refusals[fit.code];
    no(field, code);
  }
  // A new member agrees to the event's own notice as the captain did; the text agreed to is the
  // one read here, inside the transaction (an agreement given earlier must be to this same text).
  const notice = team.event.privacyNotice.trim();
  let agreement = {};
  if (notice) {
    const hash = sha256(notice);
    if ("ticked" in args.notice) {
      if (!args.notice.ticked) no("agreeEventNotice", "joinNoticeRequired");
      agreement = { noticeAcceptedAt: now, noticeSha256: hash };
    } else {
      if (args.notice.sha256 !== hash || !args.notice.at) no("", "noticeChanged");
      agreement = { noticeAcceptedAt: args.notice.at, noticeSha256: hash };
    }
  }
  await tx.teamMember.create({ data: { teamId: team.id, eventId: team.eventId, userId, role: "MEMBER", pool, ...agreement } });
  await withdrawFromFinder(tx, team.eventId, userId);
  await audit({ eventId: team.eventId, actorId: userId, action: "team.join", entity: "team", entityId: team.id, after: { via: args.via, pool } }, tx);
  return { teamId: team.id, eventId: team.eventId };
}

export async function joinTeam(args: { token: string; userId: string; pool: string | null; agreeEventNotice?: string; now: Date }): Promise<Result<{ teamId: string }>> {
  const found = await db.team.findUnique({ where: { inviteToken: args.token }, select: { id: true } });
  if (!found) return refuse("", "invalidLink");
  return refusable(() =>
    db.$transaction(async (tx) => {
      const joined = await admitMember(tx, {
        teamId: found.id,
        userId: args.userId,
        pool: args.pool,
        notice: { ticked: args.agreeEventNotice === "on" },
        now: args.now,
        via: "invite",
        check: (team) => {
          if (team.inviteToken !== args.token) no("", "invalidLink");
        },
      });
      return { ok: true as const, teamId: joined.teamId };
    }),
  );
}

type CaptainCheck = Result<{ team: NonNullable<Awaited<ReturnType<typeof loadForChange>>> }>;

async function loadForChange(teamId: string) {
  return db.team.findUnique({
    where: { id: teamId },
    include: { event: { include: eventInclude }, members: true, extensions: { select: { kind: true, until: true } } },
  });
}

/** The team, if `userId` is in it (as captain when asked) and it may still change at `now`. */
async function changeable(teamId: string, userId: string, now: Date, captainOnly: boolean): Promise<CaptainCheck> {
  const team = await loadForChange(teamId);
  const me = team?.members.find((m) => m.userId === userId);
  if (!team || !me) return refuse("", "notMember");
  if (captainOnly && me.role !== "CAPTAIN") return refuse("", "captainOnly");
  if (!canEditTeam(toTimeline(team.event), now, toExtensions(team.extensions)).allowed) return refuse("", "editClosed");
  return { ok: true, team };
}

/** New code and link; the old ones stop working at once. */
export async function regenerateInvite(teamId: string, userId: string, now: Date): Promise<Result<object>> {
  const check = await changeable(teamId, userId, now, true);
  if (!check.ok) return check;
  await db.team.update({ where: { id: teamId }, data: { inviteCode: shortCode(), inviteToken: randomToken() } });
  return { ok: true };
}

export async function removeMember(teamId: string, userId: string, memberId: string, now: Date): Promise<Result<object>> {
  const check = await changeable(teamId, userId, now, true);
  if (!check.ok) return check;
  const target = check.team.members.find((m) => m.id === memberId);
  if (!target || target.userId === userId) return refuse("", "invalid");
  // The removed member knows the link and code: both change, or they would simply rejoin.
  await db.$transaction([db.teamMember.delete({ where: { id: target.id } }), db.team.update({ where: { id: teamId }, data: { inviteCode: shortCode(), inviteToken: randomToken() } })]);
  return { ok: true };
}

export async function transferCaptain(teamId: string, userId: string, memberId: string, now: Date): Promise<Result<object>> {
  const check = await changeable(teamId, userId, now, true);
  if (!check.ok) return check;
  const me = check.team.members.find((m) => m.userId === userId);
  const target = check.team.members.find((m) => m.id === memberId);
  if (!me || !target || target.id === me.id) return refuse("", "invalid");
  await db.$transaction([db.teamMember.update({ where: { id: me.id }, data: { role: "MEMBER" } }), db.teamMember.update({ where: { id: target.id }, data: { role: "CAPTAIN" } })]);
  return { ok: true };
}

/**
 * A member leaves. A captain hands over first unless alone; then leaving deletes the team,
 * which needs an explicit confirmation.
 */
export async function leaveTeam(teamId: string, userId: string, confirmed: boolean, now: Date): Promise<Result<{ deleted: boolean }>> {
  const check = await changeable(teamId, userId, now, false);
  if (!check.ok) return check;
  const { team } = check;
  const me = team.members.find((m) => m.userId === userId);
  if (!me) return refuse("", "notMember");
  if (me.role === "CAPTAIN" && team.members.length > 1) return refuse("", "handOverFirst");
  if (team.members.length === 1) {
    if (!confirmed) return refuse("confirm", "confirmDelete");
    await db.team.delete({ where: { id: team.id } });
    if (team.proposalKey) await deleteFile(team.proposalKey);
    return { ok: true, deleted: true };
  }
  await db.teamMember.delete({ where: { id: me.id } });
  return { ok: true, deleted: false };
}

/** The captain updates the registration materials (video link, proposal) while registration is open. */
export async function updateMaterials(args: { teamId: string; userId: string; videoUrl: string | undefined; proposal: ProposalUpload; now: Date }): Promise<Result<object>> {
  const check = await changeable(args.teamId, args.userId, args.now, true);
  if (!check.ok) return check;
  const { team } = check;
  const videoUrl = args.videoUrl ? parseHttpUrl(args.videoUrl) : null;
  if (team.event.requireVideo && !videoUrl) return refuse("videoUrl", "videoRequired");
  const data: Prisma.TeamUpdateInput = { videoUrl };
  let stored: { key: string } | null = null;
  if (args.proposal) {
    const checked = await checkUpload({ bytes: args.proposal.bytes, declaredName: args.proposal.name, declaredMime: args.proposal.mime, ...UPLOAD_KINDS.proposal });
    if (!checked.ok) return refuse("proposal", checked.code === "too_large" ? "proposalTooLarge" : "proposalType");
    stored = await putFile("proposals", args.proposal.bytes);
    data.proposalKey = stored.key;
    data.proposalName = args.proposal.name.replace(/\.[^.]*$/, "").slice(0, 100) + `.${checked.ext}`;
  }
  await db.team.update({ where: { id: team.id }, data });
  if (stored && team.proposalKey) await deleteFile(team.proposalKey);
  return { ok: true };
}
