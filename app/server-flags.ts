// The Node.js options the production server runs with, in one place: `npm start` spells them out
// (package.json cannot import this; a test holds the two together), and the benchmark, the
// end-to-end tests and the server-process tests start `build/index.js` with the same ones.
//
// A cap on V8's old generation: with the default (a quarter of the machine's memory), V8 lets
// garbage pile up to hundreds of megabytes before collecting it, and an instance's resident
// memory grows with load for no benefit. Everything an instance holds at once (a few requests'
// working sets, the ranking cache, the micro-cache) fits well below the cap; a heavier one-off
// (a 2,000-row export, a certificate batch) makes V8 collect sooner, not fail.
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192"] as const;
