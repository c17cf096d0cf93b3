// Bulk onboarding: judges and pre-registered teams from a CSV or XLSX file. The preview reads the
// file and checks every row against the event without writing anything but an audit line of
// counts; the rows travel back with the confirmation, are checked again against the database as
// it is then, and are written only if that check still gives the preview the organizer saw
// (compared by its SHA-256). Judges get the ordinary staff invite; team members get a reserved
// place (TeamSeat) to claim with a link. Already invited / already registered rows are skipped,
// so importing the same file again writes nothing new.
import { z } from "zod";
import {
  checkJudges,
  checkTeams,
  columnsOf,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  readRecords,
  readTextTable,
  type ConfirmOutcome,
  type FileFacts,
  type FileFailure,
  type ImportKind,
  type ImportOutcome,
  type Preview,
  type JudgePreview,
  type SheetRecord,
  type TeamPreview,
} from "~/domain/import";
import { audit } from "~/services/audit.server";
import { db, isPostgres, isUniqueViolation, Prisma } from "~/services/db.server";
import { sniffFileType } from "~/services/filetype.server";
import { randomToken, sha256, shortCode } from "~/services/ids.server";
import { readXlsxTable } from "~/services/xlsx.server";
import type { Actor } from "./event-setup.server";
import { createInvites } from "./invite.server";
import { rulesOf } from "./team.server";

type Tx = Prisma.TransactionClient;

export type ImportFile = { bytes: Uint8Array; name: string };

type Read = { ok: true; records: SheetRecord[]; facts: FileFacts } | FileFailure;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The file as records of the kind's columns, whatever a spreadsheet made of it, or why not. */
async function readFile(file: ImportFile, kind: ImportKind, extraRequired: readonly string[]): Promise<Read> {
  const { bytes } = file;
  if (bytes.length === 0) return { ok: false, code: "empty" };
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, code: "tooLarge", params: { max: IMPORT_MAX_BYTES } };
  const detected = await sniffFileType(bytes);
  let table: string[][];
  let facts: Pick<FileFacts, "format" | "delimiter" | "encoding">;
  if (detected === "xlsx" || (ZIP.every((b, i) => bytes[i] === b) && detected !== "docx" && detected !== "pptx")) {
    const read = await readXlsxTable(bytes);
    // A ZIP that is not a workbook (an .ods, a .zip) is the wrong type; a damaged workbook is broken.
    if (!read.ok) return { ok: false, code: detected === "xlsx" || /\.xlsx$/i.test(file.name) ? "brokenXlsx" : "wrongType" };
    table = read.rows;
    facts = { format: "xlsx", delimiter: null, encoding: null };
  } else if (detected !== null) {
    return { ok: false, code: "wrongType" };
  } else {
    const read = readTextTable(bytes);
    if (!read.ok) return read;
    table = read.rows;
    facts = { format: "csv", delimiter: read.delimiter, encoding: read.encoding };
  }
  const records = readRecords(table, columnsOf(kind), extraRequired);
  if (!records.ok) return records;
  return { ok: true, records: records.records, facts: { ...facts, ignoredColumns: records.ignoredColumns, emptyRows: records.emptyRows } };
}

/** What the confirmation form carries back: the rows as read and how the file was read. */
const payloadSchema = z.object({
  facts: z.object({
    format: z.enum(["csv", "xlsx"]),
    delimiter: z.enum([",", ";", "\t"]).nullable(),
    encoding: z.string().max(20).nullable(),
    ignoredColumns: z.array(z.string().max(200)).max(100),
    emptyRows: z.number().int().min(0),
  }),
  records: z
    .array(z.object({ line: z.number().int().min(1), values: z.record(z.string().max(40), z.string().max(1000)) }))
    .min(1)
    .max(IMPORT_MAX_ROWS),
});

type Payload = z.infer<typeof payloadSchema>;

function decodePayload(text: string, kind: ImportKind): Payload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const keys = new Set(columnsOf(kind).map((c) => c.key));
    // Only this kind's columns, each present: what readRecords produces.
    const records = parsed.data.records.map((r) => ({ line: r.line, values: Object.fromEntries([...keys].map((k) => [k, r.values[k] ?? ""])) }));
    return { facts: parsed.data.facts, records };
  } catch {
    return null;
  }
}

function previewOf<P>(kind: ImportKind, facts: FileFacts, records: SheetRecord[], result: P): Preview<P> {
  return { kind, facts, result, payload: JSON.stringify({ facts, records }), digest: sha256(JSON.stringify({ kind, result })) };
}

/** On PostgreSQL, one import of an event at a time: the second waits here and then sees the first's rows. */
async function lockEvent(tx: Tx, eventId: string) {
  if (isPostgres()) await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
}

const IMPORT_TX = { timeout: 60_000 };

// ── Judges ───────────────────────────────────────────────────────────────────────────────────

// One statement after another: inside a transaction they share one connection.
async function judgeContext(client: Tx, eventId: string, now: Date) {
  const regions = await client.region.findMany({ where: { eventId }, select: { id: true, name: true, code: true }, orderBy: [{ order: "asc" }, { name: "asc" }] });
  const judges = await client.eventMember.findMany({ where: { eventId, role: "JUDGE" }, select: { user: { select: { email: true } } } });
  const invites = await client.invite.findMany({ where: { eventId, role: "JUDGE", acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, email: { not: null } }, select: { email: true } });
  return {
    regions,
    judgeEmails: new Set(judges.map((j) => j.user.email.toLowerCase())),
    invitedEmails: new Set(invites.map((i) => (i.email ?? "").toLowerCase())),
  };
}

function countsFor(preview: Preview<JudgePreview> | Preview<TeamPreview>) {
  const { counts } = preview.result;
  return { format: preview.facts.format, ...counts };
}

/** Reads and checks a judge file; writes only the audit line (counts, no personal data). */
export async function previewJudgeImport(eventId: string, file: ImportFile, actor: Actor, now: Date): Promise<ImportOutcome<JudgePreview>> {
  const read = await readFile(file, "judges", []);
  if (!read.ok) return read;
  const result = checkJudges(read.records, await judgeContext(db, eventId, now));
  const preview = previewOf("judges", read.facts, read.records, result);
  await audit({ eventId, actorId: actor.id, action: "import.judgesPreview", entity: "import", entityId: eventId, after: countsFor(preview) });
  return { ok: true, preview };
}

/** Thrown out of the transaction so it rolls back and the caller shows the new preview. */
class Changed<P> extends Error {
  constructor(readonly preview: Preview<P>) {
    super("changed");
  }
}

/**
 * Invites the rows that are still ready, with the affiliation the file gives; skips the rest.
 * Returns the invites to mail (each token exists only in this answer).
 */
export async function confirmJudgeImport(
  eventId: string,
  form: { payload: string; digest: string },
  actor: Actor,
  now: Date,
): Promise<ConfirmOutcome<JudgePreview, { invites: { email: string; token: string }[]; skipped: number; errors: number }>> {
  const payload = decodePayload(form.payload, "judges");
  if (!payload) return { ok: false, code: "damaged" };
  try {
    return await db.$transaction(async (tx) => {
      await lockEvent(tx, eventId);
      const result = checkJudges(payload.records, await judgeContext(tx, eventId, now));
      const preview = previewOf("judges", payload.facts, payload.records, result);
      if (preview.digest !== form.digest) throw new Changed(preview);
      const ready = result.rows.filter((r) => r.verdict === "ready");
      const invites = await createInvites(
        tx,
        eventId,
        ready.map((r) => ({
          role: "JUDGE" as const,
          email: r.email,
          affiliation: r.regionId || r.kim || r.institution ? { regionId: r.regionId, kimName: r.kim || null, institution: r.institution || null } : null,
        })),
        actor,
        now,
      );
      await audit({ eventId, actorId: actor.id, action: "import.judgesConfirm", entity: "import", entityId: eventId, after: { ...countsFor(preview), invited: invites.length } }, tx);
      return { ok: true as const, written: { invites: invites.map(({ email, token }) => ({ email, token })), skipped: result.counts.skipped, errors: result.counts.errors } };
    }, IMPORT_TX);
  } catch (error) {
    if (error instanceof Changed) return { ok: false, code: "changed", preview: error.preview as Preview<JudgePreview> };
    throw error;
  }
}

// ── Teams ────────────────────────────────────────────────────────────────────────────────────

async function teamContext(client: Tx, eventId: string) {
  const event = await client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { minTeamSize: true, maxTeamSize: true, pools: { orderBy: { order: "asc" }, select: { key: true, label: true, quota: true } } },
  });
  const regions = await client.region.findMany({ where: { eventId }, select: { id: true, name: true, code: true }, orderBy: [{ order: "asc" }, { name: "asc" }] });
  const tracks = await client.track.findMany({ where: { eventId }, select: { id: true, name: true }, orderBy: { order: "asc" } });
  const teams = await client.team.findMany({ where: { eventId }, select: { name: true } });
  const members = await client.teamMember.findMany({ where: { eventId }, select: { user: { select: { email: true } } } });
  const seats = await client.teamSeat.findMany({ where: { eventId }, select: { email: true } });
  return {
    regions,
    tracks,
    pools: event.pools,
    rules: rulesOf(event),
    teamNames: teams.map((t) => t.name),
    memberEmails: new Set([...members.map((m) => m.user.email.toLowerCase()), ...seats.map((s) => s.email.toLowerCase())]),
  };
}

async function hasPools(eventId: string) {
  return (await db.teamPool.count({ where: { eventId } })) > 0;
}

/** Reads and checks a team file (one row per member); writes only the audit line of counts. */
export async function previewTeamImport(eventId: string, file: ImportFile, actor: Actor): Promise<ImportOutcome<TeamPreview>> {
  const read = await readFile(file, "teams", (await hasPools(eventId)) ? ["pool"] : []);
  if (!read.ok) return read;
  const result = checkTeams(read.records, await teamContext(db, eventId));
  const preview = previewOf("teams", read.facts, read.records, result);
  await audit({ eventId, actorId: actor.id, action: "import.teamsPreview", entity: "import", entityId: eventId, after: countsFor(preview) });
  return { ok: true, preview };
}

export type SeatInvite = { email: string; name: string; token: string; teamName: string; captain: boolean };

/**
 * Registers the teams that are still ready (status PENDING, screened like any other) with a
 * reserved place per member, the first as captain; returns the places to mail.
 */
export async function confirmTeamImport(
  eventId: string,
  form: { payload: string; digest: string },
  actor: Actor,
): Promise<ConfirmOutcome<TeamPreview, { seats: SeatInvite[]; teams: number; skipped: number; errors: number }>> {
  const payload = decodePayload(form.payload, "teams");
  if (!payload) return { ok: false, code: "damaged" };
  const recheck = async (tx: Tx) => {
    const result = checkTeams(payload.records, await teamContext(tx, eventId));
    return previewOf("teams", payload.facts, payload.records, result);
  };
  try {
    return await db.$transaction(async (tx) => {
      await lockEvent(tx, eventId);
      const preview = await recheck(tx);
      if (preview.digest !== form.digest) throw new Changed(preview);
      const seats: SeatInvite[] = [];
      const ready = preview.result.teams.filter((t) => t.verdict === "ready");
      for (const team of ready) {
        const created = await tx.team.create({
          data: {
            eventId,
            name: team.name,
            nameKey: team.nameKey,
            kimName: team.kimName,
            institution: team.institution,
            regionId: team.regionId,
            trackId: team.trackId,
            inviteCode: shortCode(),
            inviteToken: randomToken(),
          },
          select: { id: true },
        });
        const places = team.members.map((m) => ({ ...m, token: randomToken(32) }));
        await tx.teamSeat.createMany({
          data: places.map((m) => ({
            eventId,
            teamId: created.id,
            email: m.email,
            name: m.name,
            whatsapp: m.whatsapp,
            role: m.captain ? ("CAPTAIN" as const) : ("MEMBER" as const),
            pool: m.pool,
            tokenHash: sha256(m.token),
            invitedById: actor.id,
          })),
        });
        seats.push(...places.map((m) => ({ email: m.email, name: m.name, token: m.token, teamName: team.name, captain: m.captain })));
      }
      const { counts } = preview.result;
      await audit(
        { eventId, actorId: actor.id, action: "import.teamsConfirm", entity: "import", entityId: eventId, after: { ...countsFor(preview), created: ready.length, places: seats.length } },
        tx,
      );
      return { ok: true as const, written: { seats, teams: ready.length, skipped: counts.teamsSkipped, errors: counts.teamsWithErrors } };
    }, IMPORT_TX);
  } catch (error) {
    if (error instanceof Changed) return { ok: false, code: "changed", preview: error.preview as Preview<TeamPreview> };
    // Another import or registration took a name or an address between the check and the write
    // (SQLite has no row lock to wait on): show what is true now.
    if (isUniqueViolation(error)) return { ok: false, code: "changed", preview: await recheck(db) };
    throw error;
  }
}

/** The lists a template's instructions sheet names: regions with codes, tracks, pools. */
export async function templateLists(eventId: string) {
  const [regions, tracks, pools] = await Promise.all([
    db.region.findMany({ where: { eventId }, select: { name: true, code: true }, orderBy: [{ order: "asc" }, { name: "asc" }] }),
    db.track.findMany({ where: { eventId }, select: { name: true }, orderBy: { order: "asc" } }),
    db.teamPool.findMany({ where: { eventId }, select: { key: true, label: true, quota: true }, orderBy: { order: "asc" } }),
  ]);
  return { regions, tracks, pools };
}
