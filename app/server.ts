// Production server: Express in front of the Remix handler for request logging, security
// headers, the Origin check on writes, static files and compression (pages and other whole bodies
// are compressed as they are sent, see compress.server.ts; files and streams by the middleware).
import * as build from "@remix-run/dev/server-build";
import cluster from "node:cluster";
import express from "express";
import { accessLog } from "./services/access-log.server";
import { compressAsWritten, sendWhole, type EncodedVariants } from "./services/compress.server";
import { Admission, admissionGate, sendOverloaded } from "./services/admission.server";
import { noStoreForPersonal } from "./services/cache-policy.server";
import { announce, eventTopic, feedState, onChange, startChangeFeed, startWorkerFeed } from "./services/change-feed.server";
import { cacheKey, MicroCache, showsEvent } from "./services/microcache.server";
import { pooledRandomBytes } from "./services/ids.server";
import { isSameOrigin } from "./services/origin.server";
import { clientAddress, configureTrustProxy } from "./services/proxy.server";
import { createRequestHandler, type WholeListener } from "./services/remix-adapter.server";
import { withRequestScope } from "./services/request-context.server";
import { globalBodyLimit, withBoundedBodies } from "./services/request-body.server";
import { partitionedHandlers } from "./services/route-partition.server";
import { drainOnSignals, isDraining } from "./services/shutdown.server";
import { env } from "./services/env.server";

let config;
try {
  config = env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const { db, dbReady, isPostgres } = await import("./services/db.server");
const { checkHealth, checkReadiness } = await import("./services/health.server");
await dbReady;
const { scheduledJobs } = await import("./models/jobs.server");
const { startScheduler } = await import("./services/scheduler.server");

const app = express();
app.disable("x-powered-by");
configureTrustProxy(app, config.TRUST_PROXY);
if (config.LOG_REQUESTS) app.use(accessLog(config.NODE_ENV === "production" ? "combined" : "dev"));
app.use(globalBodyLimit);

app.use((req, res, next) => {
  const nonce = pooledRandomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  const dev = config.NODE_ENV === "development";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https:",
      "font-src 'self' data:",
      `connect-src 'self'${dev ? " ws:" : ""}`,
      "frame-src https://www.youtube-nocookie.com",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (config.APP_URL.startsWith("https://")) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  // Only the server decides the client address (rate limits key on it).
  req.headers["x-client-ip"] = clientAddress(req);
  next();
});

// Every state-changing request must come from our own pages.
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const ok = isSameOrigin({
    origin: req.get("origin") ?? null,
    referer: req.get("referer") ?? null,
    host: req.get("host") ?? null,
    appUrl: config.APP_URL,
  });
  if (ok) return next();
  res.status(403).type("text/plain; charset=utf-8").send("Permintaan ditolak: asal permintaan (Origin) tidak sah.\nRequest refused: cross-origin request.");
});

// Answered before the framework: load balancers poll it, and Remix's per-request route
// matching over ~90 routes would cost more than the database round trip it reports on.
app.get("/healthz", async (_req, res) => {
  const health = await checkHealth();
  res
    .status(health.status === "ok" ? 200 : 503)
    .set("Cache-Control", "no-store")
    .json(health);
});
// Readiness for a load balancer: database and file storage answer and the instance is not draining.
// It also reports, without failing on them, the change feed between instances and when each
// scheduled job last ran here; under `npm start`'s supervisor, which worker answered.
app.get("/readyz", async (_req, res) => {
  const ready = await checkReadiness(isDraining());
  res
    .status(ready.status === "ok" ? 200 : 503)
    .set("Cache-Control", "no-store")
    .json({ ...ready, changes: feedState(), jobs: scheduler ? scheduler.lastRuns() : "off", ...(cluster.isWorker ? { worker: Number(process.env.WORKER_SLOT) } : {}) });
});
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
app.use("/build", compressAsWritten, express.static("public/build", { immutable: true, maxAge: "1y" }));
// Files in public/ all have an extension; a page's path does not, so it skips the file-system
// look-up the static handler would otherwise make on every page request.
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (/\.\w+$/.test(req.path) ? compressAsWritten(req, res, () => publicFiles(req, res, next)) : next()));

app.use(noStoreForPersonal);

const microcache = new MicroCache();
// A change to an event, announced by whichever instance took the write, drops its cached pages here.
onChange((topic) => {
  if (topic === "*") microcache.invalidate(() => true);
  else if (topic.startsWith("event:")) microcache.invalidate((key) => showsEvent(key, topic.slice("event:".length)));
});
// A write under an event's organizer or judge area announces the event once it has been answered.
const EVENT_AREA = /^\/(?:kelola|juri)\/([a-z0-9-]+)(?:\/|$)/;
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const slug = EVENT_AREA.exec(req.path)?.[1];
  const site = req.path === "/admin" || req.path.startsWith("/admin/");
  if (slug || site) res.on("finish", () => res.statusCode < 400 && announce(slug ? eventTopic(slug) : "*"));
  next();
});

app.use(async (req, res, next) => {
  const key = cacheKey({ method: req.method, path: req.path, search: req.url.slice(req.path.length), cookie: req.headers.cookie });
  if (!key) return next();
  if (microcache.isInflight(key)) await microcache.waitForInflight(key);
  const hit = microcache.get(key, Date.now());
  if (hit) {
    res.status(hit.status).set(hit.headers).set("X-Cache", "HIT");
    return sendWhole(req, res, hit.body, hit.encoded).catch(next);
  }
  const finish = microcache.begin(key);
  const generation = microcache.current();
  // The page as rendered, before it is compressed for this visitor: the server hands it over here
  // and compresses it through the kept page's encodings, so the next visitors reuse this one's.
  const onWhole: WholeListener = (body) => {
    let encoded: EncodedVariants | undefined;
    if (res.statusCode === 200 && !res.getHeader("set-cookie")) {
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "content-security-policy", "cache-control", "vary"]) {
        const v = res.getHeader(name);
        if (v !== undefined) headers[name] = String(v);
      }
      encoded = microcache.set(key, { status: 200, headers, body: Buffer.from(body) }, Date.now(), generation);
    }
    finish();
    return encoded;
  };
  res.locals.onWhole = onWhole;
  res.on("close", finish);
  res.set("X-Cache", "MISS");
  next();
});

// Past the cache (a hit costs nothing to serve), every page, data request and form post waits
// its turn here; see app/services/admission.server.ts.
const admission = new Admission({ limit: config.REQUEST_CONCURRENCY, maxQueue: config.REQUEST_QUEUE, maxWaitMs: config.REQUEST_QUEUE_WAIT_MS });
app.use(admissionGate(admission, sendOverloaded));

// One handler per first path segment, each matching only the routes such a URL can reach; see
// app/services/route-partition.server.ts.
const remixFor = partitionedHandlers(withBoundedBodies(build), (b) => createRequestHandler({ build: b, mode: config.NODE_ENV, getLoadContext: (_req, res) => ({ nonce: String(res.locals.nonce) }) }));
// A read shares one request scope across its loaders (session, event and roles resolved once);
// see app/services/request-context.server.ts for why writes do not.
app.all("*", (req, res, next) => {
  const remix = remixFor(req.originalUrl);
  return ["GET", "HEAD"].includes(req.method) ? withRequestScope(() => remix(req, res, next)) : remix(req, res, next);
});

const server = app.listen(config.PORT, () => {
  console.log(`KIM Hackathon siap di ${config.APP_URL} (port ${config.PORT})`);
});
// The queue gives the loop a few turns more while a crowd of new connections is being taken.
server.on("connection", () => admission.connectionTaken());

const scheduler = config.SCHEDULER ? startScheduler(scheduledJobs()) : undefined;
// With PostgreSQL, change notices travel between instances (LISTEN/NOTIFY), which also carries
// them between the workers of one machine; otherwise between the workers through their supervisor.
const stopFeed = isPostgres() ? startChangeFeed(config.DATABASE_URL) : startWorkerFeed();

drainOnSignals(server, async () => {
  await scheduler?.stop();
  await stopFeed?.();
  await db.$disconnect();
});
