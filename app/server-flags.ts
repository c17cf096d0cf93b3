// The Node.js options the production server runs with, in one place: `npm start` spells them out
// (package.json cannot import this; a test holds the two together), and the benchmark, the
// end-to-end tests and the server-process tests start `build/index.js` with the same ones.
//
// A cap on V8's old generation: with the default (a quarter of the machine's memory), V8 lets
// garbage pile up to hundreds of megabytes before collecting it, and an instance's resident
// memory grows with load for no benefit. Everything an instance holds at once (a few requests'
// working sets, the ranking cache, the micro-cache) fits well below the cap; a heavier one-off
// (a 2,000-row export, a certificate batch) makes V8 collect sooner, not fail.
//
// A young generation of 2 × 4 MB instead of V8's 2 × 16 MB: under load V8 grows it to the largest
// it may be, and all of it stays resident. A page's garbage is collected from it more often, at a
// cost that grows with what is still alive, not with the garbage, so the pages serve about as
// fast (README, Performance) and each process holds about 24 MB less.
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=4"] as const;
