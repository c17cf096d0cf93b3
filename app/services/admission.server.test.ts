import { Agent, createServer, get as httpGet, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { languageCookie } from "./i18n.server";
import { BUSY_RETRY_SECONDS } from "./request-body.server";
import { Admission, admissionGate, bypassesAdmission, sendOverloaded, type Release } from "./admission.server";

const opts = { limit: 2, maxQueue: 100, maxWaitMs: 60_000 };

/** One turn of the event loop: what a freed slot waits for before it goes to the next in line. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("admission", () => {
  it("lets `limit` requests in at once and the rest in the order they came", async () => {
    const gate = new Admission(opts);
    const a = await gate.enter();
    const b = await gate.enter();
    expect(a).toBeTypeOf("function");
    expect(b).toBeTypeOf("function");
    const order: number[] = [];
    const waiting = [1, 2, 3, 4].map((n) => gate.enter().then((release) => (order.push(n), release)));
    expect(gate.state()).toMatchObject({ active: 2, waiting: 4 });
    a!();
    const first = await waiting[0];
    expect(order).toEqual([1]);
    b!();
    first!();
    await Promise.all([waiting[1], waiting[2]]);
    expect(order).toEqual([1, 2, 3]);
    expect(gate.state()).toMatchObject({ active: 2, waiting: 1 });
  });

  it("counts a release once, however often it is called", async () => {
    const gate = new Admission({ ...opts, limit: 1 });
    const a = (await gate.enter())!;
    const next = gate.enter();
    a();
    a();
    const b = (await next)!;
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0 });
    // A second release of `a` must not have freed a slot for a third request.
    let third: Release | null | undefined;
    void gate.enter().then((r) => (third = r));
    await turn();
    await turn();
    expect(third).toBeUndefined();
    expect(gate.state()).toMatchObject({ active: 1, waiting: 1 });
    b();
    await turn();
    expect(third).toBeTypeOf("function");
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0, admitted: 3 });
  });

  it("hands a freed slot on at a later turn of the event loop, one waiter per turn", async () => {
    // Requests whose work never waits on I/O (SQLite answers synchronously) release their slot in
    // the same turn they got it. The queue must still give the loop a turn between them, where the
    // server reads what has arrived and takes a new connection; here a setImmediate stands for it.
    const gate = new Admission({ ...opts, limit: 1 });
    const a = (await gate.enter())!;
    const order: string[] = [];
    const quick = (name: string) => gate.enter().then((release) => (order.push(name), release!()));
    const waiters = [quick("w1"), quick("w2"), quick("w3")];
    a();
    expect(order).toEqual([]);
    const io = (n: number): void => void (n > 0 && setImmediate(() => (order.push("io"), io(n - 1))));
    io(3);
    await Promise.all(waiters);
    expect(order).toEqual(["w1", "io", "w2", "io", "w3"]);
    expect(gate.state()).toMatchObject({ active: 0, waiting: 0, admitted: 4 });
  });

  it("lets one request in per turn even with slots free, so requests read together do not run back to back", async () => {
    // Four slots, three requests read in the same turn (as when a hundred phones submit at once).
    const gate = new Admission({ ...opts, limit: 4 });
    const order: string[] = [];
    const quick = (name: string) => gate.enter().then((release) => (order.push(name), release!()));
    const requests = [quick("r1"), quick("r2"), quick("r3")];
    expect(gate.state()).toMatchObject({ active: 1, waiting: 2 });
    const io = (n: number): void => void (n > 0 && setImmediate(() => (order.push("io"), io(n - 1))));
    io(3);
    await Promise.all(requests);
    // r1 in the turn that read it, r2 at that turn's end, r3 only after the loop went round (where
    // a server reads its sockets and takes a new connection): never all three back to back.
    expect(order).toEqual(["r1", "r2", "io", "r3"]);
    // Once the crowd is through, a request that comes alone goes straight in.
    await turn();
    await turn();
    const alone = gate.enter();
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0 });
    (await alone)!();
  });

  it("lets several waiters in over successive turns when several slots free at once", async () => {
    const gate = new Admission({ ...opts, limit: 3 });
    const held = [(await gate.enter())!, (await gate.enter())!, (await gate.enter())!];
    const granted: Release[] = [];
    const waiters = [1, 2, 3].map(() => gate.enter().then((r) => void granted.push(r!)));
    held.forEach((release) => release());
    await Promise.all(waiters);
    expect(granted).toHaveLength(3);
    expect(gate.state()).toMatchObject({ active: 3, waiting: 0 });
    // A newcomer while all three slots are taken waits; it does not jump ahead.
    let late: Release | null | undefined;
    void gate.enter().then((r) => (late = r));
    await turn();
    expect(late).toBeUndefined();
    granted[0]();
    await turn();
    expect(late).toBeTypeOf("function");
  });

  /** A gate of one slot, just released by its holder, with one request waiting for it. */
  async function oneWaiting(maxAcceptTurns: number) {
    const gate = new Admission({ ...opts, limit: 1, maxAcceptTurns });
    const holder = (await gate.enter())!;
    let waiter: Release | null | undefined;
    void gate.enter().then((r) => (waiter = r));
    holder();
    return { gate, granted: () => waiter };
  }

  it("holds the next request back while new connections are being taken, and lets it in once they stop", async () => {
    // Node takes one new connection per turn of the loop; a crowd that connects together is taken
    // over as many turns. The queue lets those turns pass without letting a request in, so the
    // crowd's requests join the queue before the next request runs.
    const { gate, granted } = await oneWaiting(8);
    for (let i = 0; i < 5; i++) {
      gate.connectionTaken();
      await turn();
      expect(granted()).toBeUndefined();
    }
    await turn();
    await turn();
    expect(granted()).toBeTypeOf("function");
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0 });
  });

  it("lets a request in after maxAcceptTurns turns even when connections never stop coming", async () => {
    const { gate, granted } = await oneWaiting(3);
    let turns = 0;
    while (granted() === undefined && turns < 20) {
      gate.connectionTaken();
      await turn();
      turns++;
    }
    expect(granted()).toBeTypeOf("function");
    // Three turns held back, the fourth lets it in (one more for the test's own turn to see it).
    expect(turns).toBeLessThanOrEqual(5);
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it("does not hold a request back for a connection taken while no request waited", async () => {
    const gate = new Admission({ ...opts, limit: 1 });
    gate.connectionTaken();
    const a = gate.enter();
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0 });
    (await a)!();
    await turn();
    await turn();
    // A lone request on a new connection goes straight in.
    gate.connectionTaken();
    const alone = gate.enter();
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0 });
    (await alone)!();
  });

  it("turns a request away when the queue is full", async () => {
    const gate = new Admission({ limit: 1, maxQueue: 1, maxWaitMs: 60_000 });
    await gate.enter();
    void gate.enter();
    expect(await gate.enter()).toBeNull();
    expect(gate.state()).toMatchObject({ active: 1, waiting: 1, refused: 1 });
  });

  it("turns a request away after waiting maxWaitMs, and the queue skips it", async () => {
    const gate = new Admission({ limit: 1, maxQueue: 10, maxWaitMs: 20 });
    const a = (await gate.enter())!;
    expect(await gate.enter()).toBeNull();
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0, refused: 1 });
    const later = gate.enter();
    a();
    expect(await later).toBeTypeOf("function");
  });

  it("gives up the place of a client that left while waiting", async () => {
    const gate = new Admission({ ...opts, limit: 1 });
    const a = (await gate.enter())!;
    const left = new AbortController();
    const gone = gate.enter(left.signal);
    const stays = gate.enter();
    left.abort();
    expect(await gone).toBeNull();
    expect(gate.state()).toMatchObject({ waiting: 1, refused: 0 });
    a();
    expect(await stays).toBeTypeOf("function");
    expect(gate.state()).toMatchObject({ active: 1, waiting: 0, admitted: 2 });
  });

  it("keeps event streams and uploads out of the queue", () => {
    expect(bypassesAdmission("/kelola/kim-2026/hasil/stream", undefined)).toBe(true);
    expect(bypassesAdmission("/tim/abc/karya", "multipart/form-data; boundary=x")).toBe(true);
    expect(bypassesAdmission("/tim/abc/karya", "application/x-www-form-urlencoded")).toBe(false);
    expect(bypassesAdmission("/acara/kim-2026", undefined)).toBe(false);
    expect(bypassesAdmission("/acara/stream-kim", undefined)).toBe(false);
  });
});

describe("admission gate on a server", () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (!server) return;
    const closed = new Promise((resolve) => server!.close(resolve));
    server.closeAllConnections();
    await closed;
  });

  /** A server whose handler answers only when told to, behind a gate of one slot and one place. */
  async function start(maxWaitMs = 60_000) {
    const gate = new Admission({ limit: 1, maxQueue: 1, maxWaitMs });
    const pending: (() => void)[] = [];
    const arrived: string[] = [];
    const handler = admissionGate(gate, sendOverloaded);
    server = createServer((req, res) =>
      handler(req, res, () => {
        arrived.push(req.url ?? "");
        pending.push(() => res.end(`done ${req.url}`));
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { gate, pending, arrived, base };
  }

  async function until(check: () => boolean) {
    while (!check()) await new Promise((r) => setImmediate(r));
  }

  it("holds a request until the one before it is answered, then serves it", async () => {
    const { gate, pending, arrived, base } = await start();
    const first = fetch(`${base}/a`);
    await until(() => arrived.length === 1);
    const second = fetch(`${base}/b`);
    await until(() => gate.state().waiting === 1);
    expect(arrived).toEqual(["/a"]);
    pending.shift()!();
    expect(await (await first).text()).toBe("done /a");
    await until(() => arrived.length === 2);
    pending.shift()!();
    expect(await (await second).text()).toBe("done /b");
    await until(() => gate.state().active === 0);
  });

  it("answers a turned-away page 503 in the visitor's language, with Retry-After, and never runs it", async () => {
    const { gate, pending, arrived, base } = await start();
    const first = fetch(`${base}/a`);
    await until(() => arrived.length === 1);
    const second = fetch(`${base}/b`);
    await until(() => gate.state().waiting === 1);

    const id = await fetch(`${base}/c`, { headers: { accept: "text/html" } });
    expect(id.status).toBe(503);
    expect(id.headers.get("retry-after")).toBe(String(BUSY_RETRY_SECONDS));
    expect(id.headers.get("content-type")).toMatch(/text\/html/);
    const page = await id.text();
    expect(page).toContain('lang="id"');
    expect(page).toContain("Server sedang sibuk");

    const en = await fetch(`${base}/d`, { headers: { accept: "application/json", cookie: (await languageCookie.serialize("en")).split(";")[0] } });
    expect(en.status).toBe(503);
    expect(await en.json()).toMatchObject({ status: 503, key: "errors.overloaded", message: expect.stringMatching(/^The server is serving/) });
    expect(arrived).toEqual(["/a"]);

    pending.shift()!();
    await first;
    await until(() => arrived.length === 2);
    pending.shift()!();
    await second;
    expect(arrived).toEqual(["/a", "/b"]);
  });

  it("serves a crowd of new connections in the order it came, not after a client already connected", async () => {
    // One client already connected sends request after request; sixty others connect at once,
    // one request each. Each request's work runs without waiting on I/O, as with SQLite.
    const gate = new Admission({ limit: 1, maxQueue: 1000, maxWaitMs: 60_000 });
    const handler = admissionGate(gate, sendOverloaded);
    server = createServer((req, res) =>
      handler(req, res, () => {
        const until = performance.now() + 2;
        while (performance.now() < until);
        res.end("ok");
      }),
    );
    server.on("connection", () => gate.connectionTaken());
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const regular = new Agent({ keepAlive: true, maxSockets: 1 });
    const crowdAgent = new Agent({ keepAlive: true });
    const get = (path: string, agent: Agent) =>
      new Promise<string>((resolve, reject) =>
        httpGet(`${base}${path}`, { agent }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve(body));
        }).on("error", reject),
      );
    let served = 0;
    let crowdDone = false;
    const loop = (async () => {
      while (!crowdDone) {
        await get("/regular", regular);
        served++;
      }
    })();
    await until(() => served >= 3);
    const before = served;
    await Promise.all(Array.from({ length: 60 }, (_, i) => get(`/crowd/${i}`, crowdAgent)));
    const during = served - before;
    crowdDone = true;
    await loop;
    regular.destroy();
    crowdAgent.destroy();
    // Taken one per request served, the crowd would be let in with a dozen of the regular client's
    // requests between them (measured: 12); taken together, it waits behind a few at most (3).
    expect(during).toBeLessThanOrEqual(6);
  });

  it("frees the slot when the client goes away mid-response", async () => {
    const { gate, pending, arrived, base } = await start();
    const gone = new AbortController();
    const first = fetch(`${base}/a`, { signal: gone.signal }).catch(() => null);
    await until(() => arrived.length === 1);
    gone.abort();
    await first;
    await until(() => gate.state().active === 0);
    const next = fetch(`${base}/b`);
    await until(() => arrived.length === 2);
    pending[1]();
    expect(await (await next).text()).toBe("done /b");
  });
});
