// Integer max-flow (Dinic) on typed arrays.
//
// Judge assignment builds a graph with up to ~200k edges (2,000 submissions ×
// 100 judges); objects per edge would dominate the run time, so edges live in
// parallel arrays. Edge e and its residual twin are e and e ^ 1.
//
// Flow is kept across calls: raising a capacity and calling maxFlow again only
// augments. Augmenting s→t paths never push flow back out of t, so flow already
// on edges into t is preserved — the assignment algorithm relies on this to
// fill judges in stages.

export class FlowNetwork {
  readonly nodeCount: number;
  private edgeCount = 0;
  private readonly head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  /** Residual capacity; the flow on edge e equals cap[e ^ 1]. */
  private cap: Int32Array;
  private readonly level: Int32Array;
  private readonly iter: Int32Array;
  private readonly queue: Int32Array;

  constructor(nodeCount: number, expectedEdges = 16) {
    this.nodeCount = nodeCount;
    this.head = new Int32Array(nodeCount).fill(-1);
    const slots = Math.max(2, expectedEdges * 2);
    this.next = new Int32Array(slots);
    this.to = new Int32Array(slots);
    this.cap = new Int32Array(slots);
    this.level = new Int32Array(nodeCount);
    this.iter = new Int32Array(nodeCount);
    this.queue = new Int32Array(nodeCount);
  }

  /** Adds the edge from `from` to `to` with the given capacity; returns the edge id. */
  addEdge(from: number, to: number, capacity: number): number {
    if (this.edgeCount + 2 > this.to.length) this.grow();
    const e = this.edgeCount;
    this.link(e, from, to, capacity);
    this.link(e + 1, to, from, 0);
    this.edgeCount += 2;
    return e;
  }

  private link(e: number, from: number, to: number, capacity: number): void {
    this.to[e] = to;
    this.cap[e] = capacity;
    this.next[e] = this.head[from];
    this.head[from] = e;
  }

  private grow(): void {
    const size = this.to.length * 2;
    const resize = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.next = resize(this.next);
    this.to = resize(this.to);
    this.cap = resize(this.cap);
  }

  flowOn(e: number): number {
    return this.cap[e ^ 1];
  }

  /** Sets the total capacity of edge e, keeping its current flow (which must not exceed it). */
  setCapacity(e: number, capacity: number): void {
    this.cap[e] = capacity - this.cap[e ^ 1];
  }

  /** Moves one unit of flow along edge e (negative = back). Used for path exchanges. */
  push(e: number, amount: number): void {
    this.cap[e] -= amount;
    this.cap[e ^ 1] += amount;
  }

  residual(e: number): number {
    return this.cap[e];
  }

  target(e: number): number {
    return this.to[e];
  }

  firstEdge(node: number): number {
    return this.head[node];
  }

  nextEdge(e: number): number {
    return this.next[e];
  }

  snapshot(): Int32Array {
    return this.cap.slice(0, this.edgeCount);
  }

  restore(saved: Int32Array): void {
    this.cap.set(saved);
  }

  /** Augments the current flow to a maximum one; returns the amount added. */
  maxFlow(s: number, t: number): number {
    let added = 0;
    while (this.bfs(s, t)) {
      this.iter.set(this.head);
      let f: number;
      while ((f = this.dfs(s, t, 0x3fffffff)) > 0) added += f;
    }
    return added;
  }

  private bfs(s: number, t: number): boolean {
    const { level, queue, head, next, to, cap } = this;
    level.fill(-1);
    level[s] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++];
      // Nodes at or beyond t's level cannot lie on a shortest augmenting path.
      if (level[t] !== -1 && level[u] >= level[t]) break;
      const lu = level[u] + 1;
      for (let e = head[u]; e !== -1; e = next[e]) {
        const v = to[e];
        if (cap[e] > 0 && level[v] === -1) {
          level[v] = lu;
          queue[qt++] = v;
        }
      }
    }
    return level[t] !== -1;
  }

  // Recursion depth is bounded by the level of t, which stays small for the
  // layered assignment graphs (alternating paths through submissions/judges).
  private dfs(u: number, t: number, limit: number): number {
    if (u === t) return limit;
    const { level, iter, next, to, cap } = this;
    let pushed = 0;
    for (let e = iter[u]; e !== -1; e = next[e], iter[u] = e) {
      const v = to[e];
      if (cap[e] > 0 && level[v] === level[u] + 1) {
        const d = this.dfs(v, t, Math.min(limit - pushed, cap[e]));
        if (d > 0) {
          cap[e] -= d;
          cap[e ^ 1] += d;
          pushed += d;
          if (pushed === limit) return pushed;
        }
      }
    }
    return pushed;
  }
}
