import { describe, expect, it } from "vitest";
import { versionedCache } from "./versioned-cache.server";

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

/** A computation per value, counting how many times any of them ran. */
const counted = <T>() => {
  let runs = 0;
  const compute = (value: T) => async () => {
    runs++;
    return value;
  };
  return { compute, runs: () => runs };
};

describe("versionedCache", () => {
  it("computes once for concurrent callers of one version (single-flight)", async () => {
    const cache = versionedCache<number>(4);
    const gate = deferred<number>();
    let runs = 0;
    const compute = () => {
      runs++;
      return gate.promise;
    };
    const callers = Array.from({ length: 50 }, () => cache.get("round-1", "v1", compute));
    gate.resolve(42);
    expect(await Promise.all(callers)).toEqual(Array(50).fill(42));
    expect(runs).toBe(1);
    expect(await cache.get("round-1", "v1", compute)).toBe(42);
    expect(runs).toBe(1);
  });

  it("recomputes when the version moves and drops the older version", async () => {
    const cache = versionedCache<string>(4);
    const { compute, runs } = counted<string>();
    expect(await cache.get("r", "v1", compute("a"))).toBe("a");
    expect(await cache.get("r", "v2", compute("b"))).toBe("b");
    expect(runs()).toBe(2);
    // v1 was evicted when v2 arrived: asking for it again computes.
    expect(await cache.get("r", "v1", compute("c"))).toBe("c");
    expect(runs()).toBe(3);
  });

  it("keeps at most maxEntries values, evicting the least recently used", async () => {
    const cache = versionedCache<number>(2);
    const { compute, runs } = counted<number>();
    await cache.get("a", "1", compute(1));
    await cache.get("b", "1", compute(2));
    await cache.get("a", "1", compute(1)); // a is now the most recent
    await cache.get("c", "1", compute(3)); // evicts b
    expect(runs()).toBe(3);
    await cache.get("a", "1", compute(1));
    expect(runs()).toBe(3);
    await cache.get("b", "1", compute(2));
    expect(runs()).toBe(4);
  });

  it("does not keep a failed computation", async () => {
    const cache = versionedCache<number>(2);
    await expect(cache.get("a", "1", () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    expect(await cache.get("a", "1", async () => 7)).toBe(7);
  });
});
