// Team composition rules.
//
// Model: a pool quota is the MAXIMUM number of members from that pool
// (e.g. at most 5 "mahasiswa" and at most 2 "kim"). There is no separate
// per-pool minimum; instead a pool becomes mandatory exactly when the other
// pools cannot absorb the members still needed to reach minSize. With
// min 7 / max 7 / mahasiswa 5 / kim 2 the quotas are therefore exact
// ("2 KIM members needed"), while min 3 / max 7 with the same pools leaves
// the mix free. One rule covers both the strict and the flexible setups.
//
// When no pools are configured, a member's pool value is ignored entirely,
// so removing pools from an event never invalidates existing teams.

export type TeamPool = { key: string; quota: number };

export type TeamRules = {
  minSize: number;
  maxSize: number;
  /** Absent or empty: no pools. Otherwise every member belongs to exactly one. */
  pools?: readonly TeamPool[] | null;
};

export type TeamMember = { pool: string | null };

export const MAX_TEAM_SIZE = 50;

export type TeamRulesErrorCode = "not_integer" | "too_small" | "too_large" | "min_above_max" | "key_required" | "key_duplicate" | "quota_above_max" | "pools_below_max";

export type TeamRulesError = { field: string; code: TeamRulesErrorCode };

export type AddMemberCode = "team_full" | "pool_full" | "pool_required" | "pool_unknown";

export type AddMemberResult = { ok: true } | { ok: false; code: AddMemberCode };

export type MissingMembers = {
  /** Members still needed to reach minSize. */
  total: number;
  /** Of those, how many must come from each pool (only pools with count > 0, in rule order). */
  byPool: { pool: string; count: number }[];
};

export type TeamViolationCode = "over_max" | "pool_over_quota" | "pool_required" | "pool_unknown";

export type TeamViolation = { code: TeamViolationCode; pool?: string };

function poolsOf(rules: TeamRules): readonly TeamPool[] {
  return rules.pools ?? [];
}

/**
 * Rules:
 * - minSize, maxSize: integers, 1 ≤ minSize ≤ maxSize ≤ 50.
 * - pool keys: non-empty after trimming, unique (case-sensitive; they are
 *   machine keys chosen by organisers, typically lowercase).
 * - quota: integer, 1 ≤ quota ≤ maxSize (a larger quota could never be used).
 * - sum of quotas ≥ maxSize: otherwise maxSize is unreachable and would be
 *   advertised falsely. A sum above maxSize is allowed (flexible mix).
 *   Since minSize ≤ maxSize, this also guarantees minSize is reachable.
 * Errors are reported on the later / dependent field.
 */
export function validateTeamRules(rules: TeamRules): TeamRulesError[] {
  const errors: TeamRulesError[] = [];
  const { minSize, maxSize } = rules;
  const minOk = Number.isInteger(minSize);
  const maxOk = Number.isInteger(maxSize);
  if (!minOk) errors.push({ field: "minSize", code: "not_integer" });
  else if (minSize < 1) errors.push({ field: "minSize", code: "too_small" });
  else if (minSize > MAX_TEAM_SIZE) errors.push({ field: "minSize", code: "too_large" });
  if (!maxOk) errors.push({ field: "maxSize", code: "not_integer" });
  else if (maxSize < 1) errors.push({ field: "maxSize", code: "too_small" });
  else if (maxSize > MAX_TEAM_SIZE) errors.push({ field: "maxSize", code: "too_large" });
  if (minOk && maxOk && minSize > maxSize) errors.push({ field: "maxSize", code: "min_above_max" });

  const pools = poolsOf(rules);
  const seen = new Set<string>();
  let allQuotasOk = true;
  pools.forEach((p, i) => {
    const key = p.key.trim();
    if (key === "") errors.push({ field: `pools.${i}.key`, code: "key_required" });
    else if (seen.has(key)) errors.push({ field: `pools.${i}.key`, code: "key_duplicate" });
    seen.add(key);
    if (!Number.isInteger(p.quota)) {
      errors.push({ field: `pools.${i}.quota`, code: "not_integer" });
      allQuotasOk = false;
    } else if (p.quota < 1) {
      errors.push({ field: `pools.${i}.quota`, code: "too_small" });
      allQuotasOk = false;
    } else if (maxOk && p.quota > maxSize) {
      errors.push({ field: `pools.${i}.quota`, code: "quota_above_max" });
    }
  });
  if (pools.length > 0 && allQuotasOk && maxOk) {
    const sum = pools.reduce((acc, p) => acc + p.quota, 0);
    if (sum < maxSize) errors.push({ field: "pools", code: "pools_below_max" });
  }
  return errors;
}

function countByPool(members: readonly TeamMember[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const m of members) counts.set(m.pool, (counts.get(m.pool) ?? 0) + 1);
  return counts;
}

/** Checks are ordered so the message names the most fundamental obstacle. */
export function canAddMember(rules: TeamRules, members: readonly TeamMember[], pool: string | null): AddMemberResult {
  if (members.length >= rules.maxSize) return { ok: false, code: "team_full" };
  const pools = poolsOf(rules);
  if (pools.length === 0) return { ok: true };
  if (pool === null) return { ok: false, code: "pool_required" };
  const rule = pools.find((p) => p.key === pool);
  if (!rule) return { ok: false, code: "pool_unknown" };
  const used = members.filter((m) => m.pool === pool).length;
  if (used >= rule.quota) return { ok: false, code: "pool_full" };
  return { ok: true };
}

/**
 * Ways the current membership breaks the rules. Normally empty, because
 * additions go through canAddMember; non-empty after organisers tighten the
 * rules of an event with existing teams, or for imported data.
 */
export function teamViolations(rules: TeamRules, members: readonly TeamMember[]): TeamViolation[] {
  const violations: TeamViolation[] = [];
  if (members.length > rules.maxSize) violations.push({ code: "over_max" });
  const pools = poolsOf(rules);
  if (pools.length === 0) return violations;
  const counts = countByPool(members);
  if ((counts.get(null) ?? 0) > 0) violations.push({ code: "pool_required" });
  const known = new Set(pools.map((p) => p.key));
  for (const key of counts.keys()) {
    if (key !== null && !known.has(key)) violations.push({ code: "pool_unknown", pool: key });
  }
  for (const p of pools) {
    if ((counts.get(p.key) ?? 0) > p.quota) violations.push({ code: "pool_over_quota", pool: p.key });
  }
  return violations;
}

/**
 * What still has to join before the team can be complete. A pool's count is
 * the number of the remaining `total` that the other pools cannot hold,
 * i.e. max(0, total − Σ free places in other pools), capped by its own free
 * places. Members with a missing/unknown pool occupy a team place but no
 * pool place (they must be fixed anyway, see teamViolations).
 */
export function missingMembers(rules: TeamRules, members: readonly TeamMember[]): MissingMembers {
  const total = Math.max(0, rules.minSize - members.length);
  const pools = poolsOf(rules);
  if (total === 0 || pools.length === 0) return { total, byPool: [] };
  const counts = countByPool(members);
  const free = pools.map((p) => Math.max(0, p.quota - (counts.get(p.key) ?? 0)));
  const freeSum = free.reduce((a, b) => a + b, 0);
  const byPool: MissingMembers["byPool"] = [];
  pools.forEach((p, i) => {
    const own = free[i] ?? 0;
    const count = Math.min(own, Math.max(0, total - (freeSum - own)));
    if (count > 0) byPool.push({ pool: p.key, count });
  });
  return { total, byPool };
}

/** Complete: at least minSize members and no rule violated. */
export function isComplete(rules: TeamRules, members: readonly TeamMember[]): boolean {
  return members.length >= rules.minSize && teamViolations(rules, members).length === 0;
}
