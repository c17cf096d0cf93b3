// "Download my data" (UU PDP, the right to a copy): everything the platform holds about one user,
// as one JSON document plus the files they uploaded, packed in a ZIP. Secrets are never part of
// it (password hash, session ids, token hashes), nor other people's contact details: teammates
// appear by name and role only.
import { strToU8, zipSync, type Zippable } from "fflate";
import { PRIVACY_UPDATED, PRIVACY_VERSION } from "~/domain/privacy";
import { db } from "~/services/db.server";
import { getFile } from "~/services/storage.server";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function safeName(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}._\- ()]/gu, "_")
      .replace(/^\.+/, "_")
      .slice(0, 120) || "berkas"
  );
}

/** The document and the files (path inside the ZIP → storage key) of one user; null when there is no such user. */
export async function collectAccountData(userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      whatsapp: true,
      emailVerifiedAt: true,
      isAdmin: true,
      privacyVersion: true,
      privacyAcceptedAt: true,
      lastSignInAt: true,
      language: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!user) return null;
  const [places, invites, listings, requests] = await Promise.all([
    // What organizers hold for this address before its owner acts on it: places in imported teams
    // and staff invites (with an affiliation recorded by an import).
    db.teamSeat.findMany({
      where: { email: user.email },
      select: { name: true, email: true, whatsapp: true, role: true, pool: true, createdAt: true, team: { select: { name: true } }, event: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.invite.findMany({
      where: { email: user.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { role: true, kimName: true, institution: true, createdAt: true, expiresAt: true, region: { select: { name: true } }, event: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    // The team finder: what this person listed about themselves and the requests to or from them.
    db.finderListing.findMany({
      where: { userId },
      select: { skills: true, pool: true, note: true, consentAt: true, createdAt: true, updatedAt: true, region: { select: { name: true } }, event: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.joinRequest.findMany({
      where: { userId },
      select: {
        direction: true,
        status: true,
        message: true,
        noticeAcceptedAt: true,
        decidedAt: true,
        createdAt: true,
        team: { select: { name: true } },
        event: { select: { slug: true, name: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const [sessions, pendingEmails, roles, memberships, revisions, attachments, judging, conflicts, votes, certificates, reminders] = await Promise.all([
    db.session.findMany({ where: { userId }, select: { createdAt: true, expiresAt: true, userAgent: true }, orderBy: { createdAt: "asc" } }),
    db.userToken.findMany({ where: { userId, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now } }, select: { email: true, createdAt: true, expiresAt: true } }),
    db.eventMember.findMany({
      where: { userId },
      select: { id: true, role: true, kimName: true, institution: true, createdAt: true, region: { select: { name: true } }, event: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.teamMember.findMany({
      where: { userId },
      select: {
        id: true,
        role: true,
        pool: true,
        joinedAt: true,
        noticeAcceptedAt: true,
        noticeSha256: true,
        event: { select: { slug: true, name: true } },
        team: {
          select: {
            id: true,
            name: true,
            kimName: true,
            institution: true,
            status: true,
            statusReason: true,
            videoUrl: true,
            proposalName: true,
            createdAt: true,
            region: { select: { name: true } },
            track: { select: { name: true } },
            members: { select: { role: true, user: { select: { id: true, name: true } } }, orderBy: { joinedAt: "asc" } },
          },
        },
      },
      orderBy: { joinedAt: "asc" },
    }),
    db.submissionRevision.findMany({
      where: { authorId: userId },
      select: {
        submissionId: true,
        number: true,
        title: true,
        tagline: true,
        description: true,
        repoUrl: true,
        demoUrl: true,
        videoUrl: true,
        createdAt: true,
        submission: { select: { team: { select: { name: true } }, event: { select: { slug: true } } } },
      },
      orderBy: [{ submissionId: "asc" }, { number: "asc" }],
    }),
    db.attachment.findMany({
      where: { uploadedById: userId },
      select: { id: true, submissionId: true, filename: true, kind: true, mime: true, size: true, sha256: true, storageKey: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.assignment.findMany({
      where: { judgeId: userId },
      select: {
        submissionId: true,
        createdAt: true,
        round: { select: { name: true, event: { select: { slug: true } } } },
        judgment: { select: { comment: true, privateNote: true, finalizedAt: true, updatedAt: true, scores: { select: { value: true, criterion: { select: { name: true } } } } } },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.conflict.findMany({ where: { judgeId: userId }, select: { reason: true, source: true, createdAt: true, team: { select: { name: true } }, event: { select: { slug: true } } } }),
    db.vote.findMany({ where: { userId }, select: { createdAt: true, event: { select: { slug: true } }, submission: { select: { title: true, team: { select: { name: true } } } } } }),
    db.certificate.findMany({
      where: { userId },
      select: { code: true, kind: true, awardName: true, name: true, issuedAt: true, event: { select: { slug: true, name: true } }, publication: { select: { sha256: true } } },
      orderBy: { issuedAt: "asc" },
    }),
    db.reminderDelivery.findMany({ where: { userId }, select: { key: true, sentAt: true, event: { select: { slug: true } } }, orderBy: { sentAt: "asc" } }),
  ]);
  // Audit entries about the user (their account and their memberships) in full; entries of what
  // they did as organizer or judge by what, where and when only, because their before/after
  // values describe other people.
  const aboutIds = [userId, ...roles.map((r) => r.id), ...memberships.map((m) => m.id)];
  const [auditAbout, auditActed] = await Promise.all([
    db.auditLog.findMany({
      where: { entityId: { in: aboutIds } },
      orderBy: { at: "asc" },
      select: { action: true, entity: true, entityId: true, before: true, after: true, at: true, event: { select: { slug: true } } },
    }),
    db.auditLog.findMany({ where: { actorId: userId }, orderBy: { at: "asc" }, select: { action: true, entity: true, entityId: true, at: true, event: { select: { slug: true } } } }),
  ]);

  const files: { path: string; key: string }[] = [];
  const uploaded = attachments.map((a) => {
    const path = `berkas/${a.submissionId}/${a.id}-${safeName(a.filename)}`;
    files.push({ path, key: a.storageKey });
    return { id: a.id, submissionId: a.submissionId, filename: a.filename, kind: a.kind, mime: a.mime, size: a.size, sha256: a.sha256, uploadedAt: iso(a.createdAt), file: path };
  });

  const document = {
    format: "kim-hackathon-data-export/1",
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      whatsapp: user.whatsapp,
      emailVerifiedAt: iso(user.emailVerifiedAt),
      isPlatformAdmin: user.isAdmin,
      language: user.language,
      lastSignInAt: iso(user.lastSignInAt),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    consents: {
      platformNotice: { agreedVersion: user.privacyVersion, agreedAt: iso(user.privacyAcceptedAt), versionInForce: PRIVACY_VERSION, versionDate: PRIVACY_UPDATED },
      eventNotices: memberships.filter((m) => m.noticeAcceptedAt).map((m) => ({ event: m.event.slug, team: m.team.name, agreedAt: iso(m.noticeAcceptedAt), noticeSha256: m.noticeSha256 })),
    },
    sessions: sessions.map((s) => ({ startedAt: iso(s.createdAt), expiresAt: iso(s.expiresAt), browser: s.userAgent })),
    pendingEmailChanges: pendingEmails.map((p) => ({ newEmail: p.email, requestedAt: iso(p.createdAt), expiresAt: iso(p.expiresAt) })),
    eventRoles: roles.map((r) => ({
      event: { slug: r.event.slug, name: r.event.name },
      role: r.role,
      affiliation: { region: r.region?.name ?? null, kimName: r.kimName, institution: r.institution },
      since: iso(r.createdAt),
    })),
    teams: memberships.map((m) => ({
      event: { slug: m.event.slug, name: m.event.name },
      role: m.role,
      pool: m.pool,
      joinedAt: iso(m.joinedAt),
      team: {
        id: m.team.id,
        name: m.team.name,
        kimName: m.team.kimName,
        region: m.team.region?.name ?? null,
        institution: m.team.institution,
        track: m.team.track?.name ?? null,
        status: m.team.status,
        statusReason: m.team.statusReason,
        videoUrl: m.team.videoUrl,
        proposal: m.team.proposalName,
        registeredAt: iso(m.team.createdAt),
        // Teammates by name and role only: their contact details are their own data.
        members: m.team.members.map((x) => ({ name: x.user.name, role: x.role, you: x.user.id === userId })),
      },
    })),
    teamPlacesWaiting: places.map((p) => ({
      event: { slug: p.event.slug, name: p.event.name },
      team: p.team.name,
      role: p.role,
      pool: p.pool,
      name: p.name,
      email: p.email,
      whatsapp: p.whatsapp,
      keptSince: iso(p.createdAt),
    })),
    teamFinderListings: listings.map((l) => ({
      event: { slug: l.event.slug, name: l.event.name },
      skills: l.skills,
      region: l.region?.name ?? null,
      pool: l.pool,
      note: l.note,
      shownToParticipantsSince: iso(l.consentAt),
      createdAt: iso(l.createdAt),
      updatedAt: iso(l.updatedAt),
    })),
    teamFinderRequests: requests.map((r) => ({
      event: { slug: r.event.slug, name: r.event.name },
      team: r.team.name,
      direction: r.direction === "TO_TEAM" ? "you asked the team" : "the team asked you",
      status: r.status,
      message: r.message,
      eventNoticeAcceptedAt: iso(r.noticeAcceptedAt),
      sentAt: iso(r.createdAt),
      decidedAt: iso(r.decidedAt),
    })),
    invitesWaiting: invites.map((i) => ({
      event: { slug: i.event.slug, name: i.event.name },
      role: i.role,
      affiliation: { region: i.region?.name ?? null, kimName: i.kimName, institution: i.institution },
      sentAt: iso(i.createdAt),
      expiresAt: iso(i.expiresAt),
    })),
    submissionRevisionsWritten: revisions.map((r) => ({
      event: r.submission.event.slug,
      team: r.submission.team.name,
      submissionId: r.submissionId,
      revision: r.number,
      title: r.title,
      tagline: r.tagline,
      description: r.description,
      repoUrl: r.repoUrl,
      demoUrl: r.demoUrl,
      videoUrl: r.videoUrl,
      savedAt: iso(r.createdAt),
    })),
    filesUploaded: uploaded,
    judging: judging.map((a) => ({
      event: a.round.event.slug,
      round: a.round.name,
      submissionId: a.submissionId,
      assignedAt: iso(a.createdAt),
      judgment: a.judgment && {
        comment: a.judgment.comment,
        privateNote: a.judgment.privateNote,
        finalizedAt: iso(a.judgment.finalizedAt),
        updatedAt: iso(a.judgment.updatedAt),
        scores: a.judgment.scores.map((s) => ({ criterion: s.criterion.name, value: s.value })),
      },
    })),
    conflictsOfInterest: conflicts.map((c) => ({ event: c.event.slug, team: c.team.name, reason: c.reason, source: c.source, at: iso(c.createdAt) })),
    votes: votes.map((v) => ({ event: v.event.slug, project: v.submission.title, team: v.submission.team.name, at: iso(v.createdAt) })),
    certificates: certificates.map((c) => ({
      code: c.code,
      event: { slug: c.event.slug, name: c.event.name },
      kind: c.kind,
      award: c.awardName,
      nameOnCertificate: c.name,
      issuedAt: iso(c.issuedAt),
      publicationSha256: c.publication.sha256,
    })),
    // Reminder keys read reminder:<event>:<kind>:<offset>[:<round or own team>].
    remindersReceived: reminders.map((r) => ({ event: r.event.slug, kind: r.key.split(":")[2] ?? "", before: r.key.split(":")[3] ?? "", sentAt: iso(r.sentAt) })),
    auditEntriesAboutYou: auditAbout.map((a) => ({ event: a.event?.slug ?? null, action: a.action, entity: a.entity, entityId: a.entityId, before: a.before, after: a.after, at: iso(a.at) })),
    auditEntriesOfYourActions: auditActed.map((a) => ({ event: a.event?.slug ?? null, action: a.action, entity: a.entity, entityId: a.entityId, at: iso(a.at) })),
  };
  return { document, files };
}

export type AccountData = NonNullable<Awaited<ReturnType<typeof collectAccountData>>>["document"];

/** The ZIP: `data-saya.json` and the uploaded files; a file missing from storage is listed in `berkas-hilang.txt`. */
export async function accountArchive(userId: string, now: Date): Promise<Uint8Array | null> {
  const collected = await collectAccountData(userId, now);
  if (!collected) return null;
  const entries: Zippable = { "data-saya.json": strToU8(JSON.stringify(collected.document, null, 2)) };
  const missing: string[] = [];
  for (const f of collected.files) {
    const bytes = await getFile(f.key);
    if (bytes) entries[f.path] = [new Uint8Array(bytes), { level: 0 }];
    else missing.push(f.path);
  }
  if (missing.length) entries["berkas-hilang.txt"] = strToU8(`${missing.join("\n")}\n`);
  return zipSync(entries, { level: 6, mtime: now });
}
