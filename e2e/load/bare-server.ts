// Usage: node --import tsx e2e/load/bare-server.ts <build/index.js> <port> — the bare Remix page
// (bare.ts) behind Express and the framework's Express adapter, as a new Remix app serves it.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { pathToFileURL } from "node:url";

const [buildPath, port] = process.argv.slice(2);
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(port), "127.0.0.1");
