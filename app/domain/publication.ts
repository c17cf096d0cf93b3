/**
 * The published results record (berita acara): the canonical ranking document
 * extended with what a reader needs to check it without our database — which
 * team and project each row is, the criteria, the awards and who received
 * them. Its `canonicalJson` is what gets hashed; the stored text is that same
 * string, so anyone can re-hash it.
 */
import { canonicalResultsDocument, type ResultsDocument, type ResultsDocumentInput } from "./canonical";
import { compareIds } from "./scoring";

export interface PublicationEntry {
  submissionId: string;
  teamId: string;
  teamName: string;
  title: string;
  track: string | null;
  region: string | null;
}

export type PublicationAwardKind = "PLACE" | "HONORABLE" | "SPECIAL" | "PEOPLES_CHOICE";

export interface PublicationAward {
  id: string;
  name: string;
  kind: PublicationAwardKind;
  place: number | null;
  /** Submission ids; more than one = joint winners. */
  recipients: string[];
}

export interface PublicationCriterion {
  id: string;
  name: string;
  weight: number;
}

export interface PublicationDocument extends ResultsDocument {
  round: { id: string; name: string } | null;
  criteria: PublicationCriterion[];
  /** Sorted by submissionId. */
  entries: PublicationEntry[];
  /** In the event's award order. */
  awards: PublicationAward[];
  /** People's Choice tally (only when voting had closed), most votes first. */
  votes: { submissionId: string; count: number }[] | null;
  /** Set when the organizer published while judgments were unfinished. */
  override: { unfinished: number; reason: string } | null;
  /** Set on a correction: the record it replaces, named by its hash, and why. */
  correction?: PublicationCorrection;
}

export interface PublicationCorrection {
  supersedes: { id: string; sha256: string };
  reason: string;
}

export interface PublicationInput extends ResultsDocumentInput {
  round: { id: string; name: string } | null;
  criteria: readonly PublicationCriterion[];
  entries: readonly PublicationEntry[];
  awards: readonly PublicationAward[];
  votes: readonly { submissionId: string; count: number }[] | null;
  override: { unfinished: number; reason: string } | null;
  correction?: PublicationCorrection | null;
}

export function publicationDocument(input: PublicationInput): PublicationDocument {
  return {
    ...canonicalResultsDocument(input),
    round: input.round && { id: input.round.id, name: input.round.name },
    criteria: input.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    entries: [...input.entries]
      .sort((a, b) => compareIds(a.submissionId, b.submissionId))
      .map((e) => ({
        submissionId: e.submissionId,
        teamId: e.teamId,
        teamName: e.teamName,
        title: e.title,
        track: e.track,
        region: e.region,
      })),
    awards: input.awards.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      place: a.place,
      recipients: [...a.recipients].sort(compareIds),
    })),
    votes: input.votes ? [...input.votes].sort((a, b) => b.count - a.count || compareIds(a.submissionId, b.submissionId)).map((v) => ({ submissionId: v.submissionId, count: v.count })) : null,
    override: input.override && { unfinished: input.override.unfinished, reason: input.override.reason },
    // Absent (not null) on a first publication, so its text is what it was before corrections existed.
    ...(input.correction ? { correction: { supersedes: { id: input.correction.supersedes.id, sha256: input.correction.supersedes.sha256 }, reason: input.correction.reason } } : {}),
  };
}

/**
 * Places within a subset of a ranking (one track, one region), keeping its
 * order and joint places: standard competition ranking over the rows kept.
 * Equals ranking the subset afresh, because the ordering keys of a row do not
 * depend on which other rows are shown.
 */
export function subsetPlaces<R extends { place: number | null }>(rows: readonly R[]): (R & { subsetPlace: number | null })[] {
  const places = subsetPlaceNumbers(rows);
  return rows.map((r, i) => ({ ...r, subsetPlace: places[i] }));
}

/** `subsetPlaces` without copying the rows: each row's place within the subset, by position. */
export function subsetPlaceNumbers(rows: readonly { place: number | null }[]): (number | null)[] {
  let position = 0;
  let lastPlace: number | null = null;
  let lastSubset: number | null = null;
  return rows.map((r) => {
    if (r.place === null) return null;
    position++;
    const subsetPlace = r.place === lastPlace ? lastSubset : position;
    lastPlace = r.place;
    lastSubset = subsetPlace;
    return subsetPlace;
  });
}

/** The order of the ceremony: special awards first, then the places from the lowest to Juara I. */
export function revealOrder<A extends { kind: PublicationAwardKind; place: number | null }>(awards: readonly A[]): A[] {
  const rank = (a: A): number => {
    if (a.kind === "SPECIAL" || a.kind === "PEOPLES_CHOICE") return -1e6;
    return -(a.place ?? 0);
  };
  return awards
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map((x) => x.a);
}

/**
 * Suggested recipients from a ranking: a place award (Juara I–III, Harapan N)
 * goes to every row at that place — joint places give joint winners; special
 * awards are left for the organizer; People's Choice goes to the most votes.
 */
export function suggestRecipients(
  awards: readonly { id: string; kind: PublicationAwardKind; place: number | null }[],
  rows: readonly { submissionId: string; place: number | null }[],
  votes: readonly { submissionId: string; count: number }[] | null,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of awards) {
    if ((a.kind === "PLACE" || a.kind === "HONORABLE") && a.place !== null) {
      out[a.id] = rows.filter((r) => r.place === a.place).map((r) => r.submissionId);
    } else if (a.kind === "PEOPLES_CHOICE" && votes && votes.length > 0) {
      const top = Math.max(...votes.map((v) => v.count));
      out[a.id] = top > 0 ? votes.filter((v) => v.count === top).map((v) => v.submissionId) : [];
    } else {
      out[a.id] = [];
    }
  }
  return out;
}
