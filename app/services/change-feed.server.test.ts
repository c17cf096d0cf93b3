import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { env } from "./env.server";
import { isPostgres } from "./db.server";
import { announce, CHANNEL, eventTopic, feedState, onChange, startChangeFeed } from "./change-feed.server";

/** Resolves with the first value `take` returns for a notice, or never. */
function nextNotice<T>(take: (topic: string) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const off = onChange((topic) => {
      const value = take(topic);
      if (value === undefined) return;
      off();
      resolve(value);
    });
  });
}

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops) await stop();
  stops = [];
});

describe("change feed in one process", () => {
  it("hands a notice to every listener at once, and stops after unsubscribing", () => {
    const seen: string[] = [];
    const off = onChange((topic) => seen.push(`a:${topic}`));
    const offB = onChange((topic) => seen.push(`b:${topic}`));
    announce(eventTopic("kim-2026"));
    off();
    announce(eventTopic("kim-2027"));
    offB();
    expect(seen).toEqual(["a:event:kim-2026", "b:event:kim-2026", "b:event:kim-2027"]);
  });

  it("keeps working when one listener throws", () => {
    const seen: string[] = [];
    const bad = onChange(() => {
      throw new Error("rusak");
    });
    const good = onChange((topic) => seen.push(topic));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      announce("event:x");
    } finally {
      console.error = quiet;
      bad();
      good();
    }
    expect(seen).toEqual(["event:x"]);
  });

  it("is local until connected to PostgreSQL", () => {
    expect(feedState()).toBe("local");
  });
});

describe.runIf(isPostgres())("change feed between instances (PostgreSQL LISTEN/NOTIFY)", () => {
  const url = () => env().DATABASE_URL;

  async function connectedFeed() {
    const ready = nextNotice((topic) => (topic === "*" ? true : undefined));
    stops.push(startChangeFeed(url()));
    // On connecting the feed tells its listeners to re-check everything.
    await ready;
    expect(feedState()).toBe("connected");
  }

  it("passes a notice from another instance to this one's listeners", async () => {
    await connectedFeed();
    const got = nextNotice((topic) => (topic.startsWith("event:") ? topic : undefined));
    const other = new pg.Client({ connectionString: url() });
    await other.connect();
    try {
      await other.query("SELECT pg_notify($1, $2)", [CHANNEL, `another-instance ${eventTopic("kim-2026")}`]);
    } finally {
      await other.end();
    }
    expect(await got).toBe("event:kim-2026");
  });

  it("sends this instance's notices to the others, coalescing repeats of a topic", async () => {
    await connectedFeed();
    const other = new pg.Client({ connectionString: url() });
    await other.connect();
    stops.push(() => other.end());
    const payloads: string[] = [];
    const twoArrived = new Promise<void>((resolve) =>
      other.on("notification", (m) => {
        payloads.push(m.payload ?? "");
        if (payloads.length === 2) resolve();
      }),
    );
    await other.query(`LISTEN ${CHANNEL}`);
    announce(eventTopic("kim-2026"));
    announce(eventTopic("kim-2026"));
    announce(eventTopic("kim-2027"));
    await twoArrived;
    expect(payloads.map((p) => p.slice(p.indexOf(" ") + 1)).sort()).toEqual(["event:kim-2026", "event:kim-2027"]);
    // The sender's own notices come back to it over LISTEN too; it must not deliver them twice.
    // PostgreSQL hands notices to a listener in commit order, so once a later marker from another
    // client has arrived, the echo has been handled.
    const own: string[] = [];
    const off = onChange((topic) => own.push(topic));
    const marker = nextNotice((topic) => (topic === "event:marker" ? true : undefined));
    announce(eventTopic("kim-2028"));
    const seenByOther = new Promise<void>((resolve) => other.on("notification", (m) => m.payload?.endsWith("kim-2028") && resolve()));
    await seenByOther;
    await other.query("SELECT pg_notify($1, $2)", [CHANNEL, "another-instance event:marker"]);
    await marker;
    off();
    expect(own).toEqual(["event:kim-2028", "event:marker"]);
  });
});
