// The machine's ceiling for a page: a bare node:http server that answers with the very bytes the
// app sent for that page (same content-type), from memory. Run as its own process so it does not
// share an event loop with the load generator, just as the app does not; in as many processes as
// the app has workers (node:cluster, as the app's supervisor), so both sides use the same cores.
// Usage: node --import tsx e2e/load/ceiling.ts <port> <manifest.json> [processes]
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

type Entry = { path: string; file: string; contentType: string };

const [port, manifest, processes = "1"] = process.argv.slice(2);
const pages = new Map<string, { body: Buffer; contentType: string }>();
for (const e of JSON.parse(readFileSync(manifest, "utf8")) as Entry[]) {
  pages.set(e.path, { body: readFileSync(e.file), contentType: e.contentType });
}

if (cluster.isPrimary && Number(processes) > 1) {
  let listening = 0;
  for (let i = 0; i < Number(processes); i++) cluster.fork().on("listening", () => ++listening === Number(processes) && process.send?.("ready"));
} else {
  serve();
}

function serve() {
  createServer((req, res) => {
    const page = pages.get(req.url ?? "");
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": page.contentType, "Content-Length": page.body.length });
    res.end(page.body);
  }).listen(Number(port), "127.0.0.1", () => cluster.isPrimary && process.send?.("ready"));
}
