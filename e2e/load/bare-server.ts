// Usage: node --import tsx e2e/load/bare-server.ts <build/index.js> <port> [processes] — the bare
// Remix page (bare.ts) behind Express and the framework's Express adapter, as a new Remix app
// serves it; in as many processes (node:cluster) as the app has workers.
import cluster from "node:cluster";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { pathToFileURL } from "node:url";

const [buildPath, port, processes = "1"] = process.argv.slice(2);
if (cluster.isPrimary && Number(processes) > 1) {
  for (let i = 0; i < Number(processes); i++) cluster.fork();
} else {
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.all("*", createRequestHandler({ build, mode: "production" }));
  app.listen(Number(port), "127.0.0.1");
}
