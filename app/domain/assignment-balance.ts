// Balancing steps of judge assignment, operating on the flow network built by
// assignment.ts: nodes are source 0, submissions 1..S, judges S+1..S+J, sink last.

import type { FlowNetwork } from "./flow";

// Smallest uniform load cap above `hi` (known not to suffice) under which every
// remaining unit fits. Galloping then bisection, each probe recomputed from the
// same snapshot so the floors established so far survive; the network is left
// at that snapshot for the caller to apply the cap.
export function smallestSufficientCap(net: FlowNetwork, hi: number, missing: number, capAll: (limit: number) => void, source: number, sink: number): number {
  const base = net.snapshot();
  const fits = (limit: number): boolean => {
    net.restore(base);
    capAll(limit);
    return net.maxFlow(source, sink) >= missing;
  };
  let bad = hi;
  let step = 1;
  while (!fits(hi + step)) {
    bad = hi + step;
    step *= 2;
  }
  let good = hi + step;
  while (good - bad > 1) {
    const mid = bad + Math.floor((good - bad) / 2);
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  net.restore(base);
  return good;
}

// Applies improving exchanges until none is left: a residual path from a judge
// with load L to one with load ≤ L−2 moves one submission along a chain of
// judges, lowering the top and raising the bottom. Each exchange strictly
// reduces the sum of squared loads, so this terminates.
export function levelLoads(net: FlowNetwork, S: number, judgeEdge: Int32Array, loads: number[]): void {
  const N = net.nodeCount;
  const sink = N - 1;
  const parent = new Int32Array(N);
  const stamp = new Int32Array(N);
  const queue = new Int32Array(N);
  let round = 0;
  const judgeOf = (node: number): number => node - S - 1;

  const findPath = (level: number): number => {
    round++;
    let qt = 0;
    for (let ji = 0; ji < loads.length; ji++) {
      if (loads[ji] !== level) continue;
      const node = S + 1 + ji;
      stamp[node] = round;
      parent[node] = -1;
      queue[qt++] = node;
    }
    for (let qh = 0; qh < qt; qh++) {
      const u = queue[qh];
      for (let e = net.firstEdge(u); e !== -1; e = net.nextEdge(e)) {
        const v = net.target(e);
        if (v === 0 || v === sink || stamp[v] === round || net.residual(e) <= 0) continue;
        stamp[v] = round;
        parent[v] = e;
        if (v > S && loads[judgeOf(v)] <= level - 2) return v;
        queue[qt++] = v;
      }
    }
    return -1;
  };

  for (;;) {
    const max = Math.max(...loads);
    const min = Math.min(...loads);
    let moved = false;
    for (let level = max; level >= min + 2 && !moved; level--) {
      const end = findPath(level);
      if (end === -1) continue;
      let v = end;
      while (parent[v] !== -1) {
        const e = parent[v];
        net.push(e, 1);
        v = net.target(e ^ 1);
      }
      net.push(judgeEdge[judgeOf(v)], -1);
      net.push(judgeEdge[judgeOf(end)], 1);
      loads[judgeOf(v)]--;
      loads[judgeOf(end)]++;
      moved = true;
    }
    if (!moved) return;
  }
}
