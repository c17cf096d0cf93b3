// Admission control in front of the framework: at most `limit` requests are worked on at once and
// the rest wait in arrival order. Node runs one request's JavaScript at a time; letting fifty in
// together only interleaves them, so each takes fifty times as long, every one of them holds its
// half-built page in memory, and the order they finish in is close to random (a request that
// arrived first could wait seconds behind later ones). With a small limit, requests finish in the
// order they came, the heap holds a few pages instead of fifty, and a waiting request costs a
// parked callback. Long-lived responses (event streams) and uploads, whose bodies can take minutes
// on a phone, are not admitted through here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getLanguage, tFor } from "./i18n.server";
import { BUSY_RETRY_SECONDS, refusalResponse } from "./request-body.server";

export type AdmissionOptions = {
  /** Requests worked on at once. */
  limit: number;
  /** Requests allowed to wait; one more is turned away at once. */
  maxQueue: number;
  /** Longest wait before a request is turned away instead. */
  maxWaitMs: number;
  /**
   * Turns in a row the queue may hold back its next request while new connections are still being
   * taken (see `connectionTaken`), before it lets one in anyway. 0: never hold back.
   */
  maxAcceptTurns?: number;
};

/** The default for `maxAcceptTurns`: a crowd of that many new connections is taken within a request's time. */
const ACCEPT_TURNS = 32;

/** A slot to hand back when the response is done; calling it more than once is harmless. */
export type Release = () => void;

type Waiter = { settled: boolean; grant: (release: Release) => void; refuse: () => void; timer?: ReturnType<typeof setTimeout> };

export type AdmissionState = { active: number; waiting: number; admitted: number; refused: number };

export class Admission {
  #active = 0;
  // A queue as an array with a moving head: O(1) at both ends, compacted now and then.
  #queue: Waiter[] = [];
  #head = 0;
  #waiting = 0;
  #admitted = 0;
  #refused = 0;

  constructor(readonly options: AdmissionOptions) {
    if (!(options.limit >= 1)) throw new Error("admission limit must be at least 1");
  }

  state(): AdmissionState {
    return { active: this.#active, waiting: this.#waiting, admitted: this.#admitted, refused: this.#refused };
  }

  /**
   * Resolves with a release once the request may go on, or with `null` when it is turned away (the
   * queue is full, it waited `maxWaitMs`, or `signal` aborted while it waited: the client left).
   */
  enter(signal?: AbortSignal): Promise<Release | null> {
    if (signal?.aborted) return Promise.resolve(null);
    if (this.#active < this.options.limit && this.#waiting === 0 && !this.#turnTaken) return Promise.resolve(this.#grant());
    if (this.#waiting >= this.options.maxQueue) {
      this.#refused++;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      // A waiter that leaves stays in the queue, marked settled; the queue skips it.
      const leave = (counted: boolean) => {
        if (waiter.settled) return;
        waiter.settled = true;
        this.#waiting--;
        clearTimeout(waiter.timer);
        signal?.removeEventListener("abort", onAbort);
        if (counted) this.#refused++;
        resolve(null);
      };
      const onAbort = () => leave(false);
      const waiter: Waiter = {
        settled: false,
        grant: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
        refuse: () => leave(true),
      };
      waiter.timer = setTimeout(waiter.refuse, this.options.maxWaitMs);
      waiter.timer.unref?.();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(waiter);
      this.#waiting++;
    });
  }

  #grant(): Release {
    this.#active++;
    this.#admitted++;
    this.#takeTurn();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#active--;
      if (this.#waiting > 0) this.#schedule();
    };
  }

  // At most one request is let in per turn of the event loop. A request whose work never waits on
  // I/O (SQLite answers synchronously) runs start to finish inside the turn that let it in; were
  // every request that arrived together let in at once, one turn would run them all back to back,
  // for as long as that takes, and meanwhile the server would read nothing new and take no new
  // connection (Node takes at most one new connection per turn). A crowd arriving together would
  // be let in over seconds. With one per turn, the rest wait in the queue, in order, and between
  // two of them the server reads what has arrived and takes the next connection.
  //
  // One connection per turn, though, and a turn that lets a request in lasts as long as that
  // request's work: a crowd that connects together (a hundred captains submitting in the last
  // minute, each on a new connection) would be taken one per request served. The last of them
  // would wait behind a hundred requests before its own is even read, while the clients taken
  // first send their next request ahead of it. So while connections are still being taken, the
  // queue lets the loop turn without letting a request in, up to `maxAcceptTurns` times in a row:
  // those turns are short (taking a connection, reading what came on the ones already taken), and
  // the crowd joins the queue together, in the order it came.
  #turnTaken = false;
  #scheduled = false;
  #connectionTaken = false;
  #heldBack = 0;

  /** Told by the server each time it takes a new connection. */
  connectionTaken(): void {
    this.#connectionTaken = true;
  }

  #takeTurn() {
    this.#turnTaken = true;
    this.#schedule();
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#turn());
  }

  #turn() {
    this.#scheduled = false;
    const connecting = this.#connectionTaken;
    this.#connectionTaken = false;
    if (!(this.#waiting > 0 && this.#active < this.options.limit)) {
      // Nobody waits, or no slot is free (a release schedules the next turn).
      this.#turnTaken = false;
      this.#heldBack = 0;
      return;
    }
    if (connecting && this.#heldBack < (this.options.maxAcceptTurns ?? ACCEPT_TURNS)) {
      // Another turn first: the connection taken in this one may not be the last of a crowd.
      this.#heldBack++;
      this.#schedule();
      return;
    }
    this.#heldBack = 0;
    this.#turnTaken = false;
    this.#grantOne();
  }

  #grantOne() {
    while (this.#active < this.options.limit && this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head++];
      if (waiter.settled) continue;
      waiter.settled = true;
      this.#waiting--;
      clearTimeout(waiter.timer);
      waiter.grant(this.#grant());
      break;
    }
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}

const EVENT_STREAM = /\/stream$/;

/**
 * Whether a request goes past the queue: an event stream stays open for as long as the page is,
 * and an upload's body may take minutes to arrive; holding a slot for either would stall
 * everyone behind it.
 */
export function bypassesAdmission(path: string, contentType: string | undefined): boolean {
  return EVENT_STREAM.test(path) || /^multipart\/form-data/i.test(contentType ?? "");
}

type Next = () => void;
type Refuse = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * Node server middleware: waits for a slot, holds it until the response is finished or the
 * connection closes, and answers `refuse` when the request is turned away. A client that leaves
 * while waiting gives up its place.
 */
export function admissionGate(admission: Admission, refuse: Refuse) {
  return (req: IncomingMessage & { path?: string }, res: ServerResponse, next: Next) => {
    const path = req.path ?? (req.url ?? "/").split("?")[0];
    if (bypassesAdmission(path, req.headers["content-type"])) return next();
    const left = new AbortController();
    const onClose = () => left.abort();
    res.once("close", onClose);
    void admission.enter(left.signal).then(async (release) => {
      res.off("close", onClose);
      if (!release) {
        if (!res.destroyed && !res.headersSent) await refuse(req, res);
        return;
      }
      res.once("finish", release);
      res.once("close", release);
      next();
    });
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a turned-away request, in the visitor's language: a small page for a browser
 * navigating; for a script or the page's own data requests, the same JSON refusal (and
 * `Retry-After`) as a write the database was too busy for. Nothing was done, so sending it again
 * later is safe.
 */
export async function sendOverloaded(req: IncomingMessage, res: ServerResponse) {
  const request = new Request(`http://localhost${req.url ?? "/"}`, { headers: { cookie: req.headers.cookie ?? "" } });
  if (!/text\/html/.test(req.headers.accept ?? "")) {
    const refusal = await refusalResponse(request, { status: 503, key: "errors.overloaded" });
    res.writeHead(refusal.status, Object.fromEntries(refusal.headers));
    res.end(await refusal.text());
    return;
  }
  const lang = await getLanguage(request);
  const t = await tFor(lang);
  const title = escapeHtml(t("errors.busyTitle"));
  res.writeHead(503, { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(BUSY_RETRY_SECONDS), "Cache-Control": "no-store" });
  res.end(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${title}</h1><p>${escapeHtml(t("errors.overloaded"))}</p></body></html>`,
  );
}
