// Domain benchmarks: judge assignment and ranking at the largest sizes we support, no I/O.
import { assignJudges } from "../../app/domain/assignment";
import { rank } from "../../app/domain/ranking";
import type { Criterion } from "../../app/domain/scoring";

export type DomainResult = { key: string; what: string; value: number; limit: number; unit: "ms" | "MB" };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function benchAssignment(): DomainResult {
  const rnd = lcg(7);
  const submissions = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, teamId: `t${i}` }));
  const judges = Array.from({ length: 100 }, (_, i) => ({ id: `j${i}` }));
  const conflicted = new Set<string>();
  for (const s of submissions) for (const j of judges) if (rnd() < 0.05) conflicted.add(`${j.id}|${s.id}`);
  const input = { submissions, judges, k: 3, conflicts: (j: string, s: string) => (conflicted.has(`${j}|${s}`) ? (["region"] as const) : []) };
  const ms = timeIt(() => assignJudges(input), 5);
  return { key: "domain.assignment", what: "Automatic assignment, 2,000 submissions × 100 judges, k=3, 5 % conflicts (median of 5)", value: ms, limit: 2000, unit: "ms" };
}

function benchRanking(): DomainResult[] {
  const rnd = lcg(11);
  const criteria: Criterion[] = [
    { id: "c1", name: "Dampak", weight: 40, scaleMin: 1, scaleMax: 10, order: 0 },
    { id: "c2", name: "Inovasi", weight: 30, scaleMin: 1, scaleMax: 10, order: 1 },
    { id: "c3", name: "Teknis", weight: 30, scaleMin: 1, scaleMax: 10, order: 2 },
  ];
  const submissions = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, trackId: `tr${i % 4}`, regionId: `r${i % 38}`, finalSubmittedAt: new Date(1_700_000_000_000 + i * 1000) }));
  const judgments = submissions.flatMap((s, i) =>
    [0, 1, 2].map((k) => {
      const scores = { c1: 1 + Math.floor(rnd() * 10), c2: 1 + Math.floor(rnd() * 10), c3: 1 + Math.floor(rnd() * 10) };
      const total = (40 * (scores.c1 - 1)) / 9 + (30 * (scores.c2 - 1)) / 9 + (30 * (scores.c3 - 1)) / 9;
      return { judgeId: `j${(i * 3 + k) % 100}`, submissionId: s.id, total, scores };
    }),
  );
  const heapBefore = process.memoryUsage().heapUsed;
  const ms = timeIt(() => rank({ judgments, submissions, criteria, method: "zscore" }), 5);
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  return [
    { key: "domain.ranking", what: "Ranking (z-score + tie-breaks), 2,000 submissions, 6,000 judgments (median of 5)", value: ms, limit: 1000, unit: "ms" },
    { key: "domain.rankingHeap", what: "Heap growth while ranking that event", value: heapMb, limit: 200, unit: "MB" },
  ];
}

export function domainBenchmarks(): DomainResult[] {
  return [benchAssignment(), ...benchRanking()];
}
