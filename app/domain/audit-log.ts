// How an audit record reads to an organizer: one sentence per action ("who did what to what")
// with names instead of ids, and the changed fields as "field: before → after". Pure: the ids a
// page of records mentions are collected here, the model resolves them in one statement, and the
// words come from the caller's translation function.
import { formatNumber } from "./number";
import { type DisplayLocale, type EventTimeZone, formatInZone } from "./time";

export type RefKind = "user" | "submission" | "team" | "round" | "region" | "track" | "award" | "faq" | "criterion" | "member" | "invite";
export type Names = Partial<Record<RefKind, Record<string, string>>>;
export type AuditRecord = { action: string; entity: string; entityId: string; before: unknown; after: unknown };

export type AuditValue =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "date"; iso: string }
  /** A translated phrase, e.g. a status or a role. */
  | { kind: "phrase"; key: string; params?: Record<string, AuditValue> }
  | { kind: "list"; items: AuditValue[] };

/** A change; `before` missing means the thing was created, `after` missing that it was removed. */
export type AuditChange = { field: string; fieldParams?: Record<string, AuditValue>; before?: AuditValue; after?: AuditValue };
export type AuditLine = { key: string; params: Record<string, AuditValue>; changes: AuditChange[] };

type Obj = Record<string, unknown>;

const EMPTY: AuditValue = { kind: "empty" };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const LONG_TEXT = 120;

/** Which table an id-carrying field points at. */
const REF_FIELDS: Record<string, RefKind> = {
  userId: "user",
  judgeId: "user",
  droppedJudgeId: "user",
  submissionId: "submission",
  teamId: "team",
  roundId: "round",
  fromRoundId: "round",
  regionId: "region",
  trackId: "track",
  awardId: "award",
};

/** Fields whose values are codes with a translated label under audit.values.<field>. */
export const AUDIT_ENUMS: Record<string, readonly string[]> = {
  status: ["PENDING", "ACCEPTED", "REJECTED"],
  role: ["ORGANIZER", "JUDGE"],
  kind: ["PLACE", "HONORABLE", "SPECIAL", "PEOPLES_CHOICE", "REGISTRATION", "SUBMISSION"],
  rankingMethod: ["raw", "zscore", "borda"],
  method: ["raw", "zscore", "borda"],
  segment: ["all", "accepted", "finalists", "judges"],
  reason: ["region", "kim", "institution", "declared"],
  export: ["teams", "submissions", "scores", "ranking", "workbook", "submissionList", "certificates", "statistics"],
  via: ["invite", "finder"],
  direction: ["TO_TEAM", "TO_PARTICIPANT"],
};

/** The record's own id, by the entity it names, for the sentence's object. */
const ENTITY_REF: Record<string, RefKind> = {
  track: "track",
  region: "region",
  award: "award",
  faq: "faq",
  round: "round",
  member: "member",
  invite: "invite",
  team: "team",
};

/** Identifiers and bookkeeping that mean nothing to a reader; they stay in the raw details. */
const HIDDEN_FIELDS = new Set(["id", "assignmentId", "memberId", "sha256", "bannerKey", "size", "version", "manual", "order", "loads", "droppedFixed"]);

export function parseAuditJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const asObj = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Every id a page of records mentions, by table, for one lookup. */
export function auditRefs(records: readonly AuditRecord[]): Record<RefKind, string[]> {
  const refs: Record<RefKind, Set<string>> = {
    user: new Set(),
    submission: new Set(),
    team: new Set(),
    round: new Set(),
    region: new Set(),
    track: new Set(),
    award: new Set(),
    faq: new Set(),
    criterion: new Set(),
    member: new Set(),
    invite: new Set(),
  };
  const visit = (v: unknown) => {
    for (const [field, value] of Object.entries(asObj(v))) {
      const kind = REF_FIELDS[field];
      if (kind && typeof value === "string") refs[kind].add(value);
      if (field === "scores") for (const id of Object.keys(asObj(value))) refs.criterion.add(id);
      if (field === "declaredTeamIds") for (const id of arr(value)) if (typeof id === "string") refs.team.add(id);
      for (const item of arr(value)) if (item !== null && typeof item === "object") visit(item);
    }
  };
  for (const r of records) {
    const own = ENTITY_REF[r.entity.toLowerCase()];
    if (own) refs[own].add(r.entityId);
    visit(r.before);
    visit(r.after);
  }
  return Object.fromEntries(Object.entries(refs).map(([k, s]) => [k, [...s]])) as Record<RefKind, string[]>;
}

function nameOf(names: Names, kind: RefKind, id: unknown): AuditValue {
  if (typeof id !== "string" || id === "") return EMPTY;
  const name = names[kind]?.[id];
  return name ? { kind: "text", text: name } : { kind: "phrase", key: "audit.values.unknown" };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > LONG_TEXT ? `${flat.slice(0, LONG_TEXT - 1)}…` : flat;
}

/** A stored value as a reader sees it, given the field it sits in. */
export function auditValue(field: string, value: unknown, names: Names): AuditValue {
  if (value === null || value === undefined || value === "") return EMPTY;
  const ref = REF_FIELDS[field];
  if (ref) return nameOf(names, ref, value);
  if (typeof value === "boolean") return { kind: "bool", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") {
    if (AUDIT_ENUMS[field]?.includes(value)) return { kind: "phrase", key: `audit.values.${field}.${value}` };
    if (ISO_DATE.test(value)) return { kind: "date", iso: value };
    return { kind: "text", text: shorten(value) };
  }
  if (Array.isArray(value)) {
    if (field === "declaredTeamIds") return value.length ? { kind: "list", items: value.map((id) => nameOf(names, "team", id)) } : EMPTY;
    if (field === "reasons") return { kind: "list", items: value.map((v) => auditValue("reason", v, names)) };
    if (field === "pools")
      return value.length ? { kind: "list", items: value.map((p) => ({ kind: "text", text: `${String(asObj(p).label ?? asObj(p).key ?? "")}: ${String(asObj(p).quota ?? "")}` })) } : EMPTY;
    return { kind: "number", value: value.length };
  }
  return { kind: "text", text: shorten(JSON.stringify(value)) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Changed fields of two snapshots; a field absent on one side of an edit counts as empty there. */
export function fieldChanges(before: unknown, after: unknown, names: Names, skip: readonly string[] = []): AuditChange[] {
  const b = asObj(before);
  const a = asObj(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !HIDDEN_FIELDS.has(f) && !skip.includes(f));
  return fields.filter((f) => !same(b[f], a[f])).map((f) => ({ field: f, before: auditValue(f, b[f], names), after: auditValue(f, a[f], names) }));
}

/** The fields of a created (or removed) thing, without arrows. */
function snapshot(side: "after" | "before", value: unknown, names: Names, skip: readonly string[] = []): AuditChange[] {
  return Object.entries(asObj(value))
    .filter(([f, v]) => !HIDDEN_FIELDS.has(f) && !skip.includes(f) && v !== null && v !== undefined && v !== "")
    .map(([f, v]) => ({ field: f, [side]: auditValue(f, v, names) }));
}

function scoreChanges(before: Obj, after: Obj, names: Names): AuditChange[] {
  const b = asObj(before.scores);
  const a = asObj(after.scores);
  const ids = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((id) => b[id] !== a[id]);
  return ids.map((id) => ({
    field: "score",
    fieldParams: { name: nameOf(names, "criterion", id) },
    before: typeof b[id] === "number" ? { kind: "number", value: b[id] } : EMPTY,
    after: typeof a[id] === "number" ? { kind: "number", value: a[id] } : EMPTY,
  }));
}

type Criterion = { id?: string; name?: string; weight?: number; scaleMin?: number; scaleMax?: number };
const criterionValue = (c: Criterion): AuditValue => ({
  kind: "phrase",
  key: "audit.values.criterion",
  params: { weight: { kind: "number", value: c.weight ?? 0 }, min: { kind: "number", value: c.scaleMin ?? 0 }, max: { kind: "number", value: c.scaleMax ?? 0 } },
});

/** Criteria are matched by position: the rubric form keeps their order. */
function rubricChanges(before: Obj, after: Obj, names: Names): AuditChange[] {
  const out = fieldChanges(before, after, names, ["criteria"]);
  const b = arr(before.criteria) as Criterion[];
  const a = arr(after.criteria) as Criterion[];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const old = b[i];
    const next = a[i];
    if (old && next && same(old, next)) continue;
    const name = { kind: "text", text: next?.name ?? old?.name ?? "" } as AuditValue;
    if (old && next && old.name !== next.name) out.push({ field: "criterionName", before: { kind: "text", text: old.name ?? "" }, after: { kind: "text", text: next.name ?? "" } });
    out.push({ field: "criterion", fieldParams: { name }, ...(old ? { before: criterionValue(old) } : {}), ...(next ? { after: criterionValue(next) } : {}) });
  }
  return out;
}

type RoundDate = { id?: string; name?: string; closesAt?: string };

/** Rounds are matched by id (a new one has none yet), then by name. */
function timelineChanges(before: Obj, after: Obj, names: Names): AuditChange[] {
  const out = fieldChanges(before, after, names, ["rounds"]);
  const b = arr(before.rounds) as RoundDate[];
  const a = arr(after.rounds) as RoundDate[];
  const matched = new Set<RoundDate>();
  for (const next of a) {
    const old = b.find((r) => !matched.has(r) && ((next.id && r.id === next.id) || (!next.id && r.name === next.name)));
    if (old) matched.add(old);
    const name: AuditValue = { kind: "text", text: next.name ?? "" };
    if (old && old.name !== next.name) out.push({ field: "roundName", before: { kind: "text", text: old.name ?? "" }, after: name });
    if (!old || !same(old.closesAt, next.closesAt)) {
      out.push({ field: "roundCloses", fieldParams: { name }, ...(old ? { before: auditValue("closesAt", old.closesAt, names) } : {}), after: auditValue("closesAt", next.closesAt, names) });
    }
  }
  for (const old of b.filter((r) => !matched.has(r))) out.push({ field: "roundRemoved", before: { kind: "text", text: old.name ?? "" } });
  return out;
}

/** Moving one item in a list: its place before and after. */
function positionChange(before: unknown, after: unknown, id: string): AuditChange[] {
  const from = arr(before).indexOf(id);
  const to = arr(after).indexOf(id);
  return from >= 0 && to >= 0 && from !== to ? [{ field: "position", before: { kind: "number", value: from + 1 }, after: { kind: "number", value: to + 1 } }] : [];
}

const text = (v: unknown): AuditValue => (str(v) ? { kind: "text", text: shorten(str(v) as string) } : { kind: "phrase", key: "audit.values.unknown" });
const count = (n: number): AuditValue => ({ kind: "number", value: n });

const IMPORT_COUNTS = ["ready", "skipped", "errors", "teamsReady", "teamsSkipped", "teamsWithErrors"] as const;

function importCounts(a: Obj): AuditChange[] {
  return IMPORT_COUNTS.filter((f) => typeof a[f] === "number").map((f) => ({ field: f, after: count(a[f] as number) }));
}

/** The sentence and changes for one record. Unknown actions still read: a generic sentence and every changed field. */
export function describeAudit(r: AuditRecord, names: Names): AuditLine {
  const b = asObj(r.before);
  const a = asObj(r.after);
  const own = (kind: RefKind, ...fallbacks: unknown[]): AuditValue => {
    const known = names[kind]?.[r.entityId];
    if (known) return { kind: "text", text: shorten(known) };
    return text(fallbacks.find((f) => str(f)));
  };
  const line = (key: string, params: Record<string, AuditValue> = {}, changes: AuditChange[] = []): AuditLine => ({ key: `audit.actions.${key}`, params, changes });
  const judge = nameOf(names, "user", a.judgeId ?? b.judgeId);
  const submission = nameOf(names, "submission", a.submissionId ?? b.submissionId);
  const round = (id: unknown = r.entityId) => nameOf(names, "round", id);

  switch (r.action) {
    // Written without an event and without personal data: nothing to name.
    case "account.delete":
      return line(r.action);
    // Access to personal data: what was opened, never the data itself.
    case "personal.export":
      return line(a.format === "zip" ? "personal.exportFiles" : r.action, {
        what: auditValue("export", a.export, names),
        format: text(String(a.format ?? "").toUpperCase()),
        rows: count(Number(a.rows) || 0),
      });
    case "personal.view":
      return line(r.action, { name: nameOf(names, "team", a.teamId) });
    case "event.retention":
      return line(r.action, { accounts: count(Number(a.anonymizedAccounts) || 0), kept: count(Number(a.keptAccounts) || 0), teams: count(Number(a.removedTeams) || 0) });
    case "event.create":
      return line(r.action, { name: text(a.name) });
    case "event.update":
    case "settings.update":
    case "peoplesChoice.update":
    case "teamRules.update":
    case "reminders.update":
    case "statistics.update":
      return line(r.action, {}, fieldChanges(b, a, names));
    case "event.banner":
      return line(a.bannerKey ? "event.banner" : "event.bannerRemoved");
    case "timeline.update":
      return line(r.action, {}, timelineChanges(b, a, names));
    case "faq.create":
      return line(r.action, { name: text(a.question) }, snapshot("after", a, names, ["question"]));
    case "faq.update":
      return line(r.action, { name: own("faq", a.question, b.question) }, fieldChanges(b, a, names));
    case "faq.delete":
      return line(r.action, { name: text(b.question) }, snapshot("before", b, names, ["question"]));
    case "faq.reorder":
      return line(r.action, { name: own("faq") }, positionChange(r.before, r.after, r.entityId));
    case "track.create":
    case "region.create":
    case "award.create":
      return line(r.action, { name: text(a.name) }, snapshot("after", a, names, ["name"]));
    case "track.update":
    case "region.update":
    case "award.update":
      return line(r.action, { name: own(ENTITY_REF[r.entity] ?? "track", a.name, b.name) }, fieldChanges(b, a, names));
    case "track.delete":
    case "region.delete":
    case "award.delete":
      return line(r.action, { name: text(b.name) }, snapshot("before", b, names, ["name"]));
    case "region.import":
      return line(r.action, { name: text(a.province), added: count(Number(a.added) || 0), skipped: count(Number(a.skipped) || 0) });
    case "track.reorder":
      return line(r.action, { name: own("track") }, positionChange(r.before, r.after, r.entityId));
    case "rubric.update":
      return line(r.action, { round: round() }, rubricChanges(b, a, names));
    case "member.remove":
      return line(r.action, { name: names.user?.[String(b.userId)] ? nameOf(names, "user", b.userId) : text(b.email), role: auditValue("role", b.role, names) });
    case "member.affiliation":
      return line(r.action, { name: own("member") }, fieldChanges(b, a, names));
    case "invite.create":
      return line(r.action, { email: text(a.email), role: auditValue("role", a.role, names) });
    case "invite.revoke":
      return line(r.action, { email: text(b.email), role: auditValue("role", b.role, names) });
    case "invite.accept":
      return line(r.action, { role: auditValue("role", a.role, names) }, snapshot("after", a, names, ["role"]));
    case "team.review":
      return line(r.action, { name: own("team") }, fieldChanges(b, a, names));
    case "team.extension":
      return line(r.action, { name: nameOf(names, "team", a.teamId) }, fieldChanges(b, a, names, ["teamId", "kind"]));
    case "announcement.create":
      return line(r.action, { name: text(a.title) }, snapshot("after", a, names, ["title"]));
    case "gallery.publish":
    case "gallery.unpublish":
      return line(r.action);
    case "results.publish":
      return line(r.action, { method: auditValue("method", a.method, names) }, [
        { field: "awards", after: count(arr(a.awards).length) },
        ...(typeof a.certificates === "number" ? [{ field: "certificates", after: count(a.certificates) }] : []),
        ...(str(a.overrideReason) ? [{ field: "overrideReason", after: text(a.overrideReason) }] : []),
      ]);
    case "results.correct":
      return line(r.action, { method: auditValue("method", a.method, names), reason: text(a.reason) }, [
        { field: "awards", after: count(arr(a.awards).length) },
        ...(typeof a.certificates === "number" ? [{ field: "certificates", after: count(a.certificates) }] : []),
      ]);
    case "judgment.save":
    case "judgment.finalize":
      return line(r.action, { submission }, [...scoreChanges(b, a, names), ...fieldChanges(b, a, names, ["scores", "finalized", "roundId", "submissionId", "judgeId"])]);
    case "assignment.auto":
      return line(r.action, { round: round(), count: count(arr(a.created).length) }, arr(a.shortfalls).length ? [{ field: "shortfalls", after: count(arr(a.shortfalls).length) }] : []);
    case "assignment.add":
      return line(r.action, { judge, submission, round: round(a.roundId) });
    case "assignment.remove":
      return line(r.action, { judge, submission, round: round(b.roundId) });
    case "assignment.rebalance":
      return line(r.action, { judge: nameOf(names, "user", b.droppedJudgeId), round: round(), removed: count(arr(b.removed).length), count: count(arr(a.created).length) });
    case "judging.remind":
      return line(r.action, { round: round(), count: count(arr(a.judges).length) }, [
        { field: "judges", after: { kind: "list", items: arr(a.judges).map((j) => nameOf(names, "user", asObj(j).judgeId)) } },
      ]);
    case "round.advance":
      return line(r.action, { count: count(arr(a.submissionIds).length), from: round(a.fromRoundId), round: round() });
    case "conflict.declare":
      return line(r.action, {}, fieldChanges(b, a, names));
    case "conflict.refresh":
      return line(r.action, { added: count(Number(a.added) || 0), removed: count(Number(a.removed) || 0) });
    case "conflict.withdraw":
      return line(r.action, { name: own("team") }, typeof a.assigned === "boolean" ? [{ field: "assigned", after: { kind: "bool", value: a.assigned } }] : []);
    case "conflict.scored":
      return line(r.action, { name: own("team") }, [{ field: "reasons", after: auditValue("reasons", a.reasons, names) }]);
    // Imports record counts only, never the people in the file.
    case "import.judgesPreview":
    case "import.teamsPreview":
      return line(r.action, { rows: count(Number(a.rows) || 0) }, importCounts(a));
    case "import.judgesConfirm":
      return line(r.action, { count: count(Number(a.invited) || 0) }, importCounts(a));
    case "import.teamsConfirm":
      return line(r.action, { count: count(Number(a.created) || 0) }, [...importCounts(a), { field: "places", after: count(Number(a.places) || 0) }]);
    case "team.join":
      return line(r.action, { name: own("team") }, [{ field: "via", after: auditValue("via", a.via, names) }, ...(str(a.pool) ? [{ field: "pool", after: text(a.pool) }] : [])]);
    case "joinRequest.accept":
    case "joinRequest.decline":
      return line(r.action, { name: own("team"), person: nameOf(names, "user", a.userId) }, [{ field: "direction", after: auditValue("direction", a.direction, names) }]);
    case "seat.claim":
      return line(r.action, { name: own("team") }, a.captain === true ? [{ field: "captain", after: { kind: "bool", value: true } }] : []);
    default:
      return { key: "audit.actions.unknown", params: { action: { kind: "text", text: r.action } }, changes: fieldChanges(b, a, names) };
  }
}

export type AuditFormat = {
  t: (key: string, params?: Record<string, unknown>) => string;
  number: (n: number) => string;
  date: (iso: string) => string;
};

export function formatAuditValue(v: AuditValue, f: AuditFormat): string {
  switch (v.kind) {
    case "empty":
      return "—";
    case "text":
      return v.text;
    case "number":
      return f.number(v.value);
    case "bool":
      return f.t(v.value ? "audit.values.yes" : "audit.values.no");
    case "date":
      return f.date(v.iso);
    case "phrase":
      return f.t(v.key, { defaultValue: v.key.split(".").pop(), ...formatParams(v.params ?? {}, f) });
    case "list":
      return v.items.length ? v.items.map((i) => formatAuditValue(i, f)).join(", ") : "—";
  }
}

function formatParams(params: Record<string, AuditValue>, f: AuditFormat): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, formatAuditValue(v, f)]));
}

export type RenderedChange = { field: string; before: string | null; after: string | null };

/** The line in words: the sentence with the actor's name, and each change as label, before, after. */
export function renderAudit(line: AuditLine, actor: string, f: AuditFormat): { sentence: string; changes: RenderedChange[] } {
  return {
    sentence: f.t(line.key, { ...formatParams(line.params, f), actor }),
    changes: line.changes.map((c) => ({
      field: f.t(`audit.fields.${c.field}`, { defaultValue: c.field, ...formatParams(c.fieldParams ?? {}, f) }),
      before: c.before ? formatAuditValue(c.before, f) : null,
      after: c.after ? formatAuditValue(c.after, f) : null,
    })),
  };
}

/** The words and formats of one page of the log: the caller's translation, numbers and dates the language's way in the event's zone. */
export function auditFormat(t: (key: string, options?: Record<string, unknown>) => string, lang: DisplayLocale, timeZone: EventTimeZone): AuditFormat {
  return {
    t: (key, options) => t(key, options ?? {}),
    number: (n) => formatNumber(n, lang, Number.isInteger(n) ? 0 : 2),
    date: (iso) => formatInZone(new Date(iso), timeZone, lang),
  };
}

export type AuditRow = {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string;
  sentence: string;
  changes: RenderedChange[];
  before: string | null;
  after: string | null;
};

/** A page of records as the organizer reads them: one sentence each, its changes, and the raw record for the details. */
export function presentAudit(
  records: readonly (AuditRecord & { id: string; at: Date; actor: { name: string; email: string } | null; rawBefore: string | null; rawAfter: string | null })[],
  names: Names,
  f: AuditFormat,
  systemName: string,
): AuditRow[] {
  return records.map((r) => ({
    id: r.id,
    at: f.date(r.at.toISOString()),
    actor: r.actor?.email ?? null,
    action: r.action,
    entity: r.entity.toLowerCase(),
    entityId: r.entityId,
    ...renderAudit(describeAudit(r, names), r.actor?.name ?? systemName, f),
    before: r.rawBefore,
    after: r.rawAfter,
  }));
}
