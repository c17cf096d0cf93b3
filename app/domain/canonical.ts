/**
 * Canonical JSON for hashing published results: the same logical value always
 * serializes to the same string, so anyone can re-hash a published record and
 * compare. Follows RFC 8785 (JCS) where it matters: keys sorted by UTF-16 code
 * units, no whitespace, numbers in ECMAScript shortest round-trip form (what
 * JSON.stringify emits), strings escaped as JSON.stringify does.
 */
import { type RankingMethod, type RankRow, type TieBreakKey, type TieKeyCode, type TieNote, tieKeyCode } from "./ranking";
import { compareIds } from "./scoring";

export type CanonicalErrorCode = "non_finite_number" | "invalid_date" | "unsupported_type" | "cycle";

export class CanonicalJsonError extends Error {
  constructor(
    readonly code: CanonicalErrorCode,
    /** JSON-pointer-like location of the offending value, e.g. "/rows/3/score". */
    readonly path: string,
  ) {
    super(`${code} at ${path || "/"}`);
    this.name = "CanonicalJsonError";
  }
}

/**
 * Deterministic JSON text of `value`.
 * - object keys sorted recursively; properties whose value is undefined are omitted (as JSON.stringify does);
 * - Dates become ISO-8601 UTC strings; an invalid Date throws;
 * - NaN and ±Infinity throw instead of silently becoming null, which would hash a corrupted record;
 * - -0 is written as 0;
 * - undefined inside arrays, functions, symbols, bigints, Maps, Sets, class instances and cycles throw:
 *   anything without one obvious JSON form must be converted by the caller first.
 */
export function canonicalJson(value: unknown): string {
  return write(value, "", new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError("non_finite_number", path);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new CanonicalJsonError("unsupported_type", path);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CanonicalJsonError("invalid_date", path);
    return JSON.stringify(value.toISOString());
  }
  if (ancestors.has(value)) throw new CanonicalJsonError("cycle", path);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown, i) => {
        if (item === undefined) throw new CanonicalJsonError("unsupported_type", `${path}/${i}`);
        return write(item, `${path}/${i}`, ancestors);
      });
      return `[${items.join(",")}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError("unsupported_type", path);
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort(compareIds)) {
      const v = record[key];
      if (v === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(v, `${path}/${escapePointer(key)}`, ancestors)}`);
    }
    return `{${parts.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Bumped whenever the document's shape changes, so old hashes stay verifiable against the old shape. */
export const RESULTS_DOCUMENT_VERSION = "kim-hackathon/results/1";

export interface ResultsEventRef {
  id: string;
  name: string;
  slug?: string | undefined;
}

export interface ResultsJudgeRef {
  id: string;
  name?: string | undefined;
}

export interface ResultsDocumentInput {
  event: ResultsEventRef;
  method: RankingMethod;
  tieBreak: readonly TieBreakKey[];
  rows: readonly RankRow[];
  judges: readonly ResultsJudgeRef[];
  publishedAt: Date;
}

export interface ResultsDocumentRow {
  submissionId: string;
  place: number | null;
  joint: boolean;
  score: number | null;
  raw: number | null;
  zscore: number | null;
  zscoreNormalized: number | null;
  borda: number | null;
  judgeCount: number;
  criterionMeans: Record<string, number>;
  tieNote?: TieNote | undefined;
}

export interface ResultsDocument {
  version: typeof RESULTS_DOCUMENT_VERSION;
  event: ResultsEventRef;
  method: RankingMethod;
  /** In published priority order. */
  tieBreak: TieKeyCode[];
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** Sorted by id. */
  judges: ResultsJudgeRef[];
  /** In place order; unranked (place null) last; equal places by submissionId. */
  rows: ResultsDocumentRow[];
}

/**
 * The object whose `canonicalJson` is hashed (SHA-256, in the services layer)
 * when results are published. Fields are copied one by one, never spread, so
 * passing a richer object (a database row) cannot leak extra properties into
 * the hash, and a future column cannot silently change it. The result is plain
 * JSON (no Dates), so a stored copy re-hashes identically after JSON.parse.
 */
export function canonicalResultsDocument(input: ResultsDocumentInput): ResultsDocument {
  const publishedAt = input.publishedAt;
  if (Number.isNaN(publishedAt.getTime())) throw new CanonicalJsonError("invalid_date", "/publishedAt");
  const placeKey = (r: RankRow): number => r.place ?? Number.MAX_SAFE_INTEGER;
  const rows = [...input.rows].sort((a, b) => placeKey(a) - placeKey(b) || compareIds(a.submissionId, b.submissionId));
  return {
    version: RESULTS_DOCUMENT_VERSION,
    event: { id: input.event.id, name: input.event.name, slug: input.event.slug },
    method: input.method,
    tieBreak: input.tieBreak.map(tieKeyCode),
    publishedAt: publishedAt.toISOString(),
    judges: [...input.judges].sort((a, b) => compareIds(a.id, b.id)).map((j) => ({ id: j.id, name: j.name })),
    rows: rows.map((r) => ({
      submissionId: r.submissionId,
      place: r.place,
      joint: r.joint,
      score: r.score,
      raw: r.raw,
      zscore: r.zscore,
      zscoreNormalized: r.zscoreNormalized,
      borda: r.borda,
      judgeCount: r.judgeCount,
      criterionMeans: { ...r.criterionMeans },
      tieNote: r.tieNote && {
        group: [...r.tieNote.group],
        resolvedBy: r.tieNote.resolvedBy,
        jointWith: [...r.tieNote.jointWith],
      },
    })),
  };
}
