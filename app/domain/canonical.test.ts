import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson, canonicalResultsDocument, RESULTS_DOCUMENT_VERSION } from "./canonical";
import { publicationDocument } from "./publication";
import { rank, type RankingJudgment } from "./ranking";
import type { Criterion } from "./scoring";

const errorCode = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof CanonicalJsonError ? e.code : "other";
  }
  return undefined;
};

describe("canonicalJson", () => {
  it("sorts keys recursively and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("sorts keys by UTF-16 code units, not locale", () => {
    expect(canonicalJson({ b: 0, B: 0, é: 0, a: 0, "10": 0, "9": 0 })).toBe('{"10":0,"9":0,"B":0,"a":0,"b":0,"é":0}');
  });

  it("writes Dates as ISO strings and -0 as 0, keeps array order", () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 7, 17, 3, 4, 5, 6)), n: [-0, 1.5, 1e21, 3] })).toBe('{"at":"2025-08-17T03:04:05.006Z","n":[0,1.5,1e+21,3]}');
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001' })).toBe(String.raw`{"s":"a\"b\\c\n\u0001"}`);
  });

  it("omits undefined properties like JSON.stringify", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("throws on NaN, Infinity, invalid dates and values without one JSON form", () => {
    expect(errorCode(() => canonicalJson({ rows: [{ score: Number.NaN }] }))).toBe("non_finite_number");
    expect(errorCode(() => canonicalJson(Number.POSITIVE_INFINITY))).toBe("non_finite_number");
    expect(errorCode(() => canonicalJson(-Infinity))).toBe("non_finite_number");
    expect(errorCode(() => canonicalJson(new Date(Number.NaN)))).toBe("invalid_date");
    expect(errorCode(() => canonicalJson([undefined]))).toBe("unsupported_type");
    expect(errorCode(() => canonicalJson(new Map()))).toBe("unsupported_type");
    expect(errorCode(() => canonicalJson(10n))).toBe("unsupported_type");
    expect(errorCode(() => canonicalJson(() => 1))).toBe("unsupported_type");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorCode(() => canonicalJson(cyclic))).toBe("cycle");
  });

  it("reports where the bad value is", () => {
    try {
      canonicalJson({ rows: [{ ok: 1 }, { "a/b": Number.NaN }] });
      expect.unreachable();
    } catch (e) {
      expect((e as CanonicalJsonError).path).toBe("/rows/1/a~1b");
    }
  });

  it("allows the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it("property: agrees with JSON.parse and is idempotent through a parse round trip", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it("property: key insertion order does not matter", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe("canonicalResultsDocument", () => {
  const criteria: Criterion[] = [{ id: "c1", name: "Inovasi", weight: 100, scaleMin: 0, scaleMax: 10, order: 1 }];
  const judgment = (judgeId: string, submissionId: string, v: number): RankingJudgment => ({
    judgeId,
    submissionId,
    total: v * 10,
    scores: { c1: v },
  });
  const rows = rank({
    criteria,
    method: "raw",
    submissions: ["s1", "s2", "s3", "s4"].map((id) => ({ id, trackId: null, regionId: null, finalSubmittedAt: null })),
    // s2 and s3 tie on every key (raw 90, z +1, c1 9, never submitted) → joint 1st; s1 3rd; s4 unjudged.
    judgments: [judgment("j1", "s1", 4), judgment("j1", "s2", 9), judgment("j2", "s1", 4), judgment("j2", "s3", 9)],
  });
  const input = {
    event: { id: "ev1", name: "KIM Hackathon Surabaya", slug: "kim-sby-2025" },
    method: "raw" as const,
    tieBreak: ["zscore", { criterion: "c1" }, "earliest_submission"] as const,
    rows,
    judges: [
      { id: "j2", name: "Sari" },
      { id: "j1", name: "Budi" },
    ],
    publishedAt: new Date(Date.UTC(2025, 7, 17, 12)),
  };

  it("builds a plain JSON document with rows in place order and judges by id", () => {
    const doc = canonicalResultsDocument({ ...input, rows: [...rows].reverse() });
    expect(doc.version).toBe(RESULTS_DOCUMENT_VERSION);
    expect(doc.publishedAt).toBe("2025-08-17T12:00:00.000Z");
    expect(doc.tieBreak).toEqual(["zscore", "criterion:c1", "earliest_submission"]);
    expect(doc.judges.map((j) => j.id)).toEqual(["j1", "j2"]);
    expect(doc.rows.map((r) => [r.submissionId, r.place])).toEqual([
      ["s2", 1],
      ["s3", 1],
      ["s1", 3],
      ["s4", null],
    ]);
    expect(doc.rows[0]?.tieNote).toEqual({ group: ["s2", "s3"], resolvedBy: null, jointWith: ["s3"] });
  });

  it("hashes identically regardless of row/judge order, extra properties or a JSON round trip", () => {
    const text = canonicalJson(canonicalResultsDocument(input));
    const shuffled = canonicalResultsDocument({
      ...input,
      rows: [rows[2]!, rows[0]!, rows[3]!, rows[1]!],
      judges: [...input.judges].reverse(),
      event: Object.assign({ createdAt: new Date(), secret: "x" }, input.event),
    });
    expect(canonicalJson(shuffled)).toBe(text);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(text).not.toContain("secret");
    expect(text.startsWith('{"event":{"id":"ev1","name":"KIM Hackathon Surabaya","slug":"kim-sby-2025"},"judges":')).toBe(true);
  });

  it("changes when a published fact changes", () => {
    const base = canonicalJson(canonicalResultsDocument(input));
    expect(canonicalJson(canonicalResultsDocument({ ...input, method: "zscore" }))).not.toBe(base);
    expect(canonicalJson(canonicalResultsDocument({ ...input, publishedAt: new Date(Date.UTC(2025, 7, 17, 13)) }))).not.toBe(base);
  });

  it("rejects an invalid publication date", () => {
    expect(errorCode(() => canonicalResultsDocument({ ...input, publishedAt: new Date(Number.NaN) }))).toBe("invalid_date");
  });
});

// The `canonicalize` package (RFC 8785, JCS) as an independent oracle. Published records were
// sealed with `canonicalJson`, so the two must agree byte for byte on every plain JSON value a
// record can hold; where they part (below) ours stays, because the library would refuse to
// re-hash a record it cannot write.
describe("canonicalJson against the canonicalize package", () => {
  const vectors: unknown[] = [
    { b: 1, a: { d: [3, { z: true, y: null }], c: "x" } },
    { b: 0, B: 0, é: 0, a: 0, "10": 0, "9": 0 },
    { n: [-0, 1.5, 1e21, 3, 1e-7, 0.1 + 0.2, 2 ** 53, -5e-324, 1.7976931348623157e308] },
    { s: 'a"b\\c\n\u0001\u007f\u2028\u2029😀', "😀": 1, "\uff61": 2, "\u0080": 3 },
    { a: undefined, b: 1 },
    [],
    {},
    "",
    null,
  ];

  it("writes the same bytes for every existing vector", () => {
    for (const v of vectors) expect(canonicalJson(v)).toBe(canonicalize(v));
  });

  it("writes the same bytes for a full publication document and its stored copy", () => {
    const rows = rank({
      criteria: [
        { id: "c1", name: "Inovasi", weight: 60, scaleMin: 0, scaleMax: 10, order: 1 },
        { id: "c2", name: "Dampak ✓", weight: 40, scaleMin: 0, scaleMax: 10, order: 2 },
      ],
      method: "zscore",
      submissions: ["s1", "s2", "s3"].map((id) => ({ id, trackId: null, regionId: null, finalSubmittedAt: null })),
      judgments: [
        { judgeId: "j1", submissionId: "s1", total: 73.3, scores: { c1: 7, c2: 7.5 } },
        { judgeId: "j1", submissionId: "s2", total: 81.7, scores: { c1: 8, c2: 8.4 } },
        { judgeId: "j2", submissionId: "s3", total: 64.1, scores: { c1: 6.2, c2: 6.7 } },
      ],
    });
    const doc = publicationDocument({
      event: { id: "ev1", name: 'KIM Hackathon "Jatim" 2025', slug: "kim-jatim-2025" },
      method: "zscore",
      tieBreak: ["zscore", { criterion: "c1" }, "earliest_submission"],
      rows,
      judges: [
        { id: "j2", name: "Sari Dewi" },
        { id: "j1", name: "Budi <Santoso>" },
      ],
      publishedAt: new Date(Date.UTC(2025, 7, 17, 12, 30)),
      round: { id: "r1", name: "Final" },
      criteria: [
        { id: "c1", name: "Inovasi", weight: 60 },
        { id: "c2", name: "Dampak ✓", weight: 40 },
      ],
      entries: ["s1", "s2", "s3"].map((id, i) => ({
        submissionId: id,
        teamId: `t${i}`,
        teamName: `Tim Garuda ${i} — Kab. Ngawi`,
        title: `Aplikasi desa\tpintar ${i}`,
        track: i ? "Layanan publik" : null,
        region: "3521",
      })),
      awards: [{ id: "a1", name: "Juara 1", kind: "PLACE", place: 1, recipients: ["s2"] }],
      votes: [{ submissionId: "s1", count: 12 }],
      override: { unfinished: 1, reason: "Juri sakit" },
      correction: { supersedes: { id: "p0", sha256: "ab".repeat(32) }, reason: "Salah ketik nilai" },
    });
    const text = canonicalJson(doc);
    expect(canonicalize(doc)).toBe(text);
    expect(canonicalize(JSON.parse(text))).toBe(text);
  });

  it("property: the same bytes for any JSON value of well-formed text", () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "grapheme" }), (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 2000 },
    );
  });

  it("differs on a lone surrogate: ours writes the escape JSON.stringify writes, the library throws", () => {
    // A stored record holding "\ud800" (JSON text may carry it escaped) stays verifiable with ours only.
    expect(canonicalJson({ teamName: "Tim \ud800" })).toBe('{"teamName":"Tim \\ud800"}');
    expect(() => canonicalize({ teamName: "Tim \ud800" })).toThrow();
    expect(canonicalJson(JSON.parse('{"teamName":"Tim \\ud800"}'))).toBe('{"teamName":"Tim \\ud800"}');
  });

  it("differs on values without one JSON form: ours refuses them, the library writes something", () => {
    const cases: unknown[] = [[undefined], new Map([["a", 1]]), new Date(Number.NaN), { toJSON: () => "x" }];
    for (const v of cases) {
      expect(() => canonicalJson(v)).toThrow(CanonicalJsonError);
      expect(typeof canonicalize(v)).toBe("string");
    }
  });
});
