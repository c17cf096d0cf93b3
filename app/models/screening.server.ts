// Seleksi administrasi: the organizer's view of an event's teams, decisions, extensions and export.
// Every change is audited with before/after, and decisions are emailed to all team members.
import { toCsv } from "~/domain/csv";
import { foldForSearch, pageOf, searchMatcher } from "~/domain/results-window";
import { isComplete, missingMembers } from "~/domain/team-rules";
import { audit } from "~/services/audit.server";
import { db, queryRows } from "~/services/db.server";
import { env } from "~/services/env.server";
import { tFor } from "~/services/i18n.server";
import { sendMail } from "~/services/mail.server";
import { rulesOf } from "./team.server";

export type ScreeningFilters = {
  status?: "PENDING" | "ACCEPTED" | "REJECTED";
  regionId?: string;
  trackId?: string;
  completeness?: "complete" | "incomplete";
  q?: string;
};

type EventRules = { id: string; minTeamSize: number; maxTeamSize: number; pools: { key: string; quota: number; label: string }[]; contactsErasedAt?: Date | null };

type TeamStatus = "PENDING" | "ACCEPTED" | "REJECTED";
type TeamRow = {
  id: string;
  name: string;
  kimName: string;
  institution: string;
  status: TeamStatus;
  statusReason: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  videoUrl: string | null;
  proposalName: string | null;
  regionId: string | null;
  trackId: string | null;
  regionName: string | null;
  trackName: string | null;
};
type MemberRow = { teamId: string; role: "CAPTAIN" | "MEMBER"; pool: string | null; name: string; email: string; whatsapp: string | null };

/** Every team of the event with its members and registration extension, in three statements. */
async function teamsOf(eventId: string) {
  const [teams, members, extensions] = await Promise.all([
    queryRows<TeamRow[]>`
      SELECT t."id", t."name", t."kimName", t."institution", t."status", t."statusReason", t."reviewedAt", t."createdAt",
        t."videoUrl", t."proposalName", t."regionId", t."trackId", rg."name" AS "regionName", tr."name" AS "trackName"
      FROM "Team" t LEFT JOIN "Region" rg ON rg."id" = t."regionId" LEFT JOIN "Track" tr ON tr."id" = t."trackId"
      WHERE t."eventId" = ${eventId}
      ORDER BY t."createdAt" ASC, t."id" ASC`,
    queryRows<MemberRow[]>`
      SELECT m."teamId", m."role", m."pool", u."name", u."email", u."whatsapp"
      FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."eventId" = ${eventId}
      ORDER BY m."role" ASC, m."joinedAt" ASC`,
    db.extension.findMany({ where: { kind: "REGISTRATION", team: { eventId } }, select: { teamId: true, until: true, reason: true } }),
  ]);
  const membersOf = new Map<string, MemberRow[]>();
  for (const m of members) membersOf.set(m.teamId, [...(membersOf.get(m.teamId) ?? []), m]);
  const extensionsOf = new Map<string, { until: Date; reason: string }[]>();
  for (const e of extensions) extensionsOf.set(e.teamId, [...(extensionsOf.get(e.teamId) ?? []), { until: e.until, reason: e.reason }]);
  return teams.map(({ regionName, trackName, ...t }) => ({
    ...t,
    region: regionName === null ? null : { name: regionName },
    track: trackName === null ? null : { name: trackName },
    members: (membersOf.get(t.id) ?? []).map((m) => ({ role: m.role, pool: m.pool, user: { name: m.name, email: m.email, whatsapp: m.whatsapp } })),
    extensions: extensionsOf.get(t.id) ?? [],
  }));
}

type ListRow = { list: string; id: string; a: string; b: string | null; n: number | bigint | null };

/** The event's team pools, regions and tracks, for the screening filters and team rules: one statement. */
export async function screeningLists(eventId: string) {
  const rows = await queryRows<ListRow[]>`
    SELECT 'pool' AS "list", x."id", x."key" AS "a", x."label" AS "b", x."quota" AS "n", x."order" AS "ord", x."id" AS "tie"
    FROM "TeamPool" x WHERE x."eventId" = ${eventId}
    UNION ALL
    SELECT 'region', x."id", x."name", NULL, NULL, x."order", x."name" FROM "Region" x WHERE x."eventId" = ${eventId}
    UNION ALL
    SELECT 'track', x."id", x."name", NULL, NULL, x."order", x."id" FROM "Track" x WHERE x."eventId" = ${eventId}
    ORDER BY "list", "ord", "tie"`;
  const of = (list: string) => rows.filter((r) => r.list === list);
  return {
    pools: of("pool").map((r) => ({ key: r.a, label: r.b ?? "", quota: Number(r.n) })),
    regions: of("region").map((r) => ({ id: r.id, name: r.a })),
    tracks: of("track").map((r) => ({ id: r.id, name: r.a })),
  };
}

/** Teams per page of the screening list. */
export const SCREENING_WINDOW = 25;

/**
 * Filtering happens in code: search must ignore case and accents on SQLite and PostgreSQL alike.
 * Counts per status are over the whole event, whatever the filter.
 */
export async function listTeamsForScreening(event: EventRules, filters: ScreeningFilters) {
  const rules = rulesOf(event);
  const all = (await teamsOf(event.id)).map((team) => ({
    ...team,
    complete: isComplete(rules, team.members),
    missing: missingMembers(rules, team.members).total,
  }));
  const matches = searchMatcher(filters.q);
  const teams = all.filter(
    (t) =>
      (!filters.status || t.status === filters.status) &&
      (!filters.regionId || t.regionId === filters.regionId) &&
      (!filters.trackId || t.trackId === filters.trackId) &&
      (!filters.completeness || t.complete === (filters.completeness === "complete")) &&
      (!matches || [t.name, t.kimName, t.institution].some((field) => matches(foldForSearch(field ?? "")))),
  );
  const counts = { total: all.length, PENDING: 0, ACCEPTED: 0, REJECTED: 0 };
  for (const t of all) counts[t.status]++;
  return { teams, counts };
}

/** One page of the screening list; out-of-range pages are clamped. */
export async function screeningWindow(event: EventRules, filters: ScreeningFilters, page: number | null) {
  const { teams, counts } = await listTeamsForScreening(event, filters);
  return { window: pageOf(teams, page, SCREENING_WINDOW), counts };
}

export async function getScreeningTeam(eventId: string, teamId: string) {
  return db.team.findFirst({
    where: { id: teamId, eventId },
    include: {
      region: { select: { name: true } },
      track: { select: { name: true } },
      members: { orderBy: [{ role: "asc" }, { joinedAt: "asc" }], include: { user: { select: { name: true, email: true, whatsapp: true } } } },
      extensions: true,
    },
  });
}

export type Decision = "ACCEPTED" | "REJECTED" | "PENDING";

/**
 * Sets the status of the event's teams among `teamIds` (ids from elsewhere are ignored). Teams
 * already in that status with the same reason are left alone and not emailed again.
 */
export async function reviewTeams(args: {
  event: { id: string; name: string; slug: string };
  actorId: string;
  teamIds: string[];
  decision: Decision;
  reason: string | null;
  now: Date;
}): Promise<{ changed: string[] }> {
  const { event, actorId, decision, now } = args;
  const reason = decision === "ACCEPTED" ? null : args.reason || null;
  const changed = await db.$transaction(async (tx) => {
    const teams = await tx.team.findMany({
      where: { eventId: event.id, id: { in: args.teamIds } },
      select: { id: true, status: true, statusReason: true },
    });
    const ids: string[] = [];
    for (const team of teams) {
      if (team.status === decision && (team.statusReason ?? null) === reason) continue;
      await tx.team.update({ where: { id: team.id }, data: { status: decision, statusReason: reason, reviewedAt: now, reviewedById: actorId } });
      await audit(
        {
          eventId: event.id,
          actorId,
          action: "team.review",
          entity: "Team",
          entityId: team.id,
          before: { status: team.status, statusReason: team.statusReason },
          after: { status: decision, statusReason: reason },
        },
        tx,
      );
      ids.push(team.id);
    }
    return ids;
  });
  if (decision !== "PENDING") await notifyDecision(event, changed, decision, reason);
  return { changed };
}

async function notifyDecision(event: { name: string }, teamIds: string[], decision: "ACCEPTED" | "REJECTED", reason: string | null) {
  if (!teamIds.length) return;
  const [tId, tEn] = await Promise.all([tFor("id"), tFor("en")]);
  const teams = await db.team.findMany({
    where: { id: { in: teamIds } },
    select: { id: true, name: true, members: { select: { user: { select: { email: true, name: true } } } } },
  });
  const key = decision === "ACCEPTED" ? "accepted" : "rejected";
  for (const team of teams) {
    const link = `${env().APP_URL}/tim/${team.id}`;
    const vars = { team: team.name, event: event.name, reason: reason ?? "", link };
    const subject = `${tId(`screening.mail.${key}Subject`, vars)} / ${tEn(`screening.mail.${key}Subject`, vars)}`;
    const text = `${tId(`screening.mail.${key}Body`, vars)}\n\n— English —\n\n${tEn(`screening.mail.${key}Body`, vars)}`;
    for (const m of team.members) await sendMail({ to: m.user.email, subject, text });
  }
}

/** A later registration close for one team (kind REGISTRATION); replaces an earlier grant. */
export async function grantExtension(args: { eventId: string; actorId: string; teamId: string; until: Date; reason: string }) {
  const team = await db.team.findFirst({ where: { id: args.teamId, eventId: args.eventId }, select: { id: true } });
  if (!team) return false;
  await db.$transaction(async (tx) => {
    const before = await tx.extension.findUnique({ where: { teamId_kind: { teamId: team.id, kind: "REGISTRATION" } } });
    const data = { until: args.until, reason: args.reason, grantedById: args.actorId };
    const after = await tx.extension.upsert({
      where: { teamId_kind: { teamId: team.id, kind: "REGISTRATION" } },
      create: { teamId: team.id, kind: "REGISTRATION", ...data },
      update: data,
    });
    await audit(
      {
        eventId: args.eventId,
        actorId: args.actorId,
        action: "team.extension",
        entity: "Extension",
        entityId: after.id,
        before: before ? { until: before.until, reason: before.reason } : null,
        after: { teamId: team.id, kind: "REGISTRATION", until: after.until, reason: after.reason },
      },
      tx,
    );
  });
  return true;
}

/** One row per member (a team without members still gets a row), for a spreadsheet. */
export type CsvLabels = { headers: string[]; status: Record<"PENDING" | "ACCEPTED" | "REJECTED", string>; role: Record<"CAPTAIN" | "MEMBER", string>; yes: string; no: string };

/** The CSV text and how many member rows it holds (a team without members counts as one row). */
export async function exportTeamsCsv(event: EventRules, labels: CsvLabels): Promise<{ text: string; rows: number }> {
  const rules = rulesOf(event);
  const poolLabel = new Map(event.pools.map((p) => [p.key, p.label]));
  // After the retention period the export carries names only.
  const contacts = !event.contactsErasedAt;
  const rows: (string | number | null)[][] = [labels.headers];
  for (const team of await teamsOf(event.id)) {
    const base = [
      team.name,
      team.kimName,
      team.region?.name ?? "",
      team.institution,
      team.track?.name ?? "",
      labels.status[team.status],
      team.statusReason ?? "",
      isComplete(rules, team.members) ? labels.yes : labels.no,
      team.members.length,
      team.videoUrl ?? "",
      team.createdAt.toISOString(),
    ];
    const members = team.members.length ? team.members : [null];
    for (const m of members) {
      rows.push([
        ...base,
        m?.user.name ?? "",
        m ? labels.role[m.role] : "",
        m?.pool ? (poolLabel.get(m.pool) ?? m.pool) : "",
        contacts ? (m?.user.email ?? "") : "",
        contacts ? (m?.user.whatsapp ?? "") : "",
      ]);
    }
  }
  return { text: toCsv(rows), rows: rows.length - 1 };
}
