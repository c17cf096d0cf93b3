// Access to personal data is recorded (UU PDP): every organizer export of the event's data and
// every view of a team's contact details adds an audit row under the entity "personal", which the
// organizer audit page can filter on. The row says who, when and what was opened — never the data.
import { audit } from "~/services/audit.server";

/** The files an organizer can take out of the platform. */
export type PersonalExport = "teams" | "submissions" | "scores" | "ranking" | "workbook" | "submissionList" | "certificates" | "statistics";

export async function recordExport(eventId: string, actorId: string, what: PersonalExport, format: "csv" | "xlsx" | "zip", rows: number): Promise<void> {
  await audit({ eventId, actorId, action: "personal.export", entity: "personal", entityId: what, after: { export: what, format, rows } });
}

/** An organizer opened a team's page, which shows each member's email and WhatsApp number. */
export async function recordContactView(eventId: string, actorId: string, teamId: string): Promise<void> {
  await audit({ eventId, actorId, action: "personal.view", entity: "personal", entityId: teamId, after: { teamId } });
}
