import { describe, expect, it } from "vitest";
import type { JudgmentStatus } from "./judgment";
import { QUEUE_PAGE_SIZE, queueWindow } from "./judge-queue";

const STATUSES: JudgmentStatus[] = ["not_started", "in_progress", "complete", "finalized"];
const entries = Array.from({ length: 167 }, (_, i) => ({ id: `a${i}`, title: `Karya ${i}`, team: i === 7 ? "KIM Sumber Rejeki" : `Tim ${i}`, status: STATUSES[i % 4] }));

describe("the judge's queue window", () => {
  it("pages a long round and counts it by status", () => {
    const { counts, window } = queueWindow(entries, {});
    expect(counts).toEqual({ not_started: 42, in_progress: 42, complete: 42, finalized: 41 });
    expect(window).toMatchObject({ matching: 167, page: 1, pages: 7, offset: 0 });
    expect(window.rows.map((r) => r.id)).toEqual(entries.slice(0, QUEUE_PAGE_SIZE).map((e) => e.id));
    const last = queueWindow(entries, { page: 7 }).window;
    expect(last.rows.map((r) => r.id)).toEqual(entries.slice(150).map((e) => e.id));
    // Out of range or malformed pages are clamped.
    expect(queueWindow(entries, { page: 99 }).window.page).toBe(7);
    expect(queueWindow(entries, { page: 0 }).window.page).toBe(1);
  });

  it("narrows to one status, keeping the counts of the whole round", () => {
    const { counts, window } = queueWindow(entries, { status: "finalized" });
    expect(window.matching).toBe(41);
    expect(window.rows.every((r) => r.status === "finalized")).toBe(true);
    expect(counts.not_started).toBe(42);
  });

  it("searches the title and the team as shown, ignoring case and accents", () => {
    expect(queueWindow(entries, { q: "sumber REJEKI" }).window.rows.map((r) => r.id)).toEqual(["a7"]);
    expect(queueWindow(entries, { q: "karya 16" }).window.rows.map((r) => r.id)).toEqual(["a16", "a160", "a161", "a162", "a163", "a164", "a165", "a166"]);
    expect(queueWindow(entries, { q: "karya 16", status: "not_started" }).window.rows.map((r) => r.id)).toEqual(["a16", "a160", "a164"]);
    expect(queueWindow([{ id: "x", title: "Peta Bencana", team: "Tim Kéren", status: "complete" as const }], { q: "keren" }).window.matching).toBe(1);
    expect(queueWindow(entries, { q: "   " }).window.matching).toBe(167);
    expect(queueWindow(entries, { q: "tidak ada" }).window).toMatchObject({ matching: 0, page: 1, pages: 1, rows: [] });
  });

  it("names the next entry still to score, in queue order", () => {
    expect(queueWindow(entries, {}).next?.id).toBe("a0");
    const rest = entries.map((e, i) => (i < 10 ? { ...e, status: "finalized" as const } : e));
    expect(queueWindow(rest, { status: "finalized" }).next?.id).toBe("a12");
    expect(
      queueWindow(
        entries.filter((e) => e.status === "complete" || e.status === "finalized"),
        {},
      ).next,
    ).toBeNull();
  });
});
