// The framework's own floor, measured in every run: a bare Remix page (e2e/load/bare-remix: a root
// with the framework's head and scripts, one route whose loader reads nothing) built with this
// repository's Remix, React and future flags, rendered as the product renders its pages, and
// served through the framework's Express adapter as shipped. Nothing of the product runs in it:
// no session, no database, no layout, no translations, none of the product's middleware.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SERVER_NODE_FLAGS } from "../../app/server-flags";
import appConfig from "../../remix.config.js";

/** Builds the bare app into `dir` (its own build and public folders); returns the server build's path. */
export function buildBare(root: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The framework finds its server runtime among the project's dependencies.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bare", private: true, type: "module", sideEffects: false, dependencies: { "@remix-run/node": "*", "@remix-run/react": "*" } }));
  const config = { appDirectory: join(root, "e2e/load/bare-remix"), serverModuleFormat: "esm", serverPlatform: "node", future: appConfig.future };
  writeFileSync(join(dir, "remix.config.js"), `export default ${JSON.stringify(config)};\n`);
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  execFileSync(join(root, "node_modules/.bin/remix"), ["build"], { cwd: dir, env: { ...process.env, NODE_ENV: "production" }, stdio: "ignore" });
  return join(dir, "build/index.js");
}

/** Starts the bare app's server on `port` with the product's Node.js options, in `processes` processes. */
export function startBare(root: string, build: string, port: number, processes = 1): ChildProcess {
  return spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", join(root, "e2e/load/bare-server.ts"), build, String(port), String(processes)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
