// Conflict-of-interest detection between judges and teams.
//
// "member" and "declared" always apply: no event setting may let a judge score
// their own team or one they have recused from. The affiliation rules
// (region, KIM, institution) are per-event because small regional events often
// cannot staff a jury without judges from the same area.

export type ConflictReason = "member" | "declared" | "region" | "kim" | "institution";

/** Fixed order so reason lists are stable and comparable. */
export const CONFLICT_REASONS: readonly ConflictReason[] = ["member", "declared", "region", "kim", "institution"];

export type ConflictRules = {
  sameRegion: boolean;
  sameKim: boolean;
  sameInstitution: boolean;
};

export type ConflictJudge = {
  /** The judge's user id; also the judge id used by assignments. */
  userId: string;
  declaredTeamIds?: readonly string[] | null;
  regionId?: string | null;
  kimName?: string | null;
  institution?: string | null;
};

export type ConflictTeam = {
  id: string;
  memberUserIds: readonly string[];
  regionId?: string | null;
  kimName?: string | null;
  institution?: string | null;
};

/**
 * Sparse: only conflicted pairs are present, keyed judge userId → team id.
 * A missing entry (or an empty list) means "no conflict".
 */
export type ConflictMatrix = ReadonlyMap<string, ReadonlyMap<string, readonly ConflictReason[]>>;

/** What the assignment algorithm consumes: reasons for a judge/submission pair. */
export type ConflictLookup = (judgeId: string, submissionId: string) => readonly ConflictReason[];

const NO_REASONS: readonly ConflictReason[] = Object.freeze([]);

// Registration forms collect KIM names free-text, so "KIM Maju Jaya",
// "kim  maju jaya" and "Kelompok Informasi Masyarakat Maju Jaya" must meet.
// The prefix is also stripped from institutions ("normalized likewise"): an
// institution is never legitimately distinguished by that prefix alone.
const AFFILIATION_PREFIX = /^(?:kim|kelompok informasi masyarakat)\s+/;

/**
 * Canonical form of a KIM or institution name for equality tests; null when
 * nothing meaningful is left, so two blank fields never count as a match.
 */
export function normalizeAffiliation(name: string | null | undefined): string | null {
  if (name == null) return null;
  // NFKC folds full-width letters and odd spaces that come from pasted text;
  // toLowerCase (not toLocaleLowerCase) keeps the result independent of the host locale.
  const collapsed = name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  const stripped = collapsed.replace(AFFILIATION_PREFIX, "");
  return stripped === "" ? null : stripped;
}

type PreparedJudge = {
  userId: string;
  declared: ReadonlySet<string>;
  regionId: string | null;
  kim: string | null;
  institution: string | null;
};

type PreparedTeam = {
  id: string;
  members: ReadonlySet<string>;
  regionId: string | null;
  kim: string | null;
  institution: string | null;
};

function prepareJudge(judge: ConflictJudge): PreparedJudge {
  return {
    userId: judge.userId,
    declared: new Set(judge.declaredTeamIds ?? []),
    regionId: judge.regionId ?? null,
    kim: normalizeAffiliation(judge.kimName),
    institution: normalizeAffiliation(judge.institution),
  };
}

function prepareTeam(team: ConflictTeam): PreparedTeam {
  return {
    id: team.id,
    members: new Set(team.memberUserIds),
    regionId: team.regionId ?? null,
    kim: normalizeAffiliation(team.kimName),
    institution: normalizeAffiliation(team.institution),
  };
}

function reasonsFor(judge: PreparedJudge, team: PreparedTeam, rules: ConflictRules): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  if (team.members.has(judge.userId)) reasons.push("member");
  if (judge.declared.has(team.id)) reasons.push("declared");
  // Region ids are opaque keys, so they are compared exactly; an empty string is treated as "unset".
  if (rules.sameRegion && judge.regionId && judge.regionId === team.regionId) reasons.push("region");
  if (rules.sameKim && judge.kim !== null && judge.kim === team.kim) reasons.push("kim");
  if (rules.sameInstitution && judge.institution !== null && judge.institution === team.institution) {
    reasons.push("institution");
  }
  return reasons;
}

/** All reasons the judge may not judge the team, in CONFLICT_REASONS order; empty = no conflict. */
export function detectConflicts(judge: ConflictJudge, team: ConflictTeam, rules: ConflictRules): ConflictReason[] {
  return reasonsFor(prepareJudge(judge), prepareTeam(team), rules);
}

/** Every conflicted judge/team pair of an event. Normalizes each name once, not once per pair. */
export function conflictMatrix(judges: readonly ConflictJudge[], teams: readonly ConflictTeam[], rules: ConflictRules): ConflictMatrix {
  const preparedTeams = teams.map(prepareTeam);
  const matrix = new Map<string, Map<string, readonly ConflictReason[]>>();
  for (const judge of judges) {
    const pj = prepareJudge(judge);
    // A judge listed twice keeps the union of both profiles' conflicts.
    const row = matrix.get(pj.userId) ?? new Map<string, readonly ConflictReason[]>();
    for (const pt of preparedTeams) {
      const found = reasonsFor(pj, pt, rules);
      if (found.length === 0) continue;
      const previous = row.get(pt.id);
      row.set(pt.id, previous ? mergeReasons(previous, found) : found);
    }
    if (row.size > 0) matrix.set(pj.userId, row);
  }
  return matrix;
}

function mergeReasons(a: readonly ConflictReason[], b: readonly ConflictReason[]): ConflictReason[] {
  const all = new Set([...a, ...b]);
  return CONFLICT_REASONS.filter((r) => all.has(r));
}

/** Reasons recorded for a pair; an empty list when the pair is not conflicted. */
export function conflictsFor(matrix: ConflictMatrix, judgeId: string, teamId: string): readonly ConflictReason[] {
  return matrix.get(judgeId)?.get(teamId) ?? NO_REASONS;
}

/**
 * Adapts a team-level matrix to the submission-level lookup used by assignment:
 * conflicts belong to teams, assignments to submissions.
 * Unknown submission ids yield no conflict.
 */
export function conflictLookup(matrix: ConflictMatrix, submissions: readonly { id: string; teamId: string }[]): ConflictLookup {
  const teamOf = new Map<string, string>();
  for (const s of submissions) if (!teamOf.has(s.id)) teamOf.set(s.id, s.teamId);
  return (judgeId, submissionId) => {
    const teamId = teamOf.get(submissionId);
    return teamId === undefined ? NO_REASONS : conflictsFor(matrix, judgeId, teamId);
  };
}
