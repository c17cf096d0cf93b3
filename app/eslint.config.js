// Lint for app/, e2e/ and prisma/ (`npm run lint`); file globs are relative to the repository root.
// Besides the usual checks it holds the layer rules of the README: routes → models/services → domain.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const TESTS = ["**/*.test.{ts,tsx}"];

const models = ["~/models/*", "**/models/*"];
const services = ["~/services/*", "**/services/*"];
const routes = ["~/routes/*", "**/routes/*"];
const components = ["~/components/*", "**/components/*"];

/** Node modules that touch the clock, the file system, the network or the process. */
const ioBuiltins = [
  "async_hooks",
  "child_process",
  "cluster",
  "dgram",
  "dns",
  "dns/promises",
  "fs",
  "fs/promises",
  "http",
  "http2",
  "https",
  "inspector",
  "net",
  "os",
  "perf_hooks",
  "process",
  "readline",
  "stream",
  "timers",
  "timers/promises",
  "tls",
  "worker_threads",
].flatMap((name) => [name, `node:${name}`]);

const layer = (message, group) => ({ group, message });

export default defineConfig(
  { ignores: ["app/generated/**", "build/**", "public/build/**", "e2e/results/**", "e2e/report/**", "prisma/.variants/**"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a value kept on purpose (a parameter of a shared signature, a field left out of a copy).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Stripping control characters from user text and file names is exactly what those expressions are for.
      "no-control-regex": "off",
      // Pages render on the server first: device-only state (drafts in localStorage, a save's reply) enters state in an effect.
      "react-hooks/set-state-in-effect": "off",
      // A labelled scrollable region must take keyboard focus so it can be scrolled without a mouse.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
      // Labels wrap their control and style the text in nested spans.
      "jsx-a11y/label-has-associated-control": ["error", { depth: 3 }],
    },
  },
  {
    // Remix's ambient types are declared with reference directives.
    files: ["app/env.d.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },

  // Layers: domain is pure, routes stay thin, data access lives in models, services are the edges.
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ioBuiltins.map((name) => ({ name, message: "Domain code is pure: no clock, file, network or process access." })),
          patterns: [
            layer("Domain code is pure: it imports no models.", models),
            layer("Domain code is pure: it imports no services.", services),
            layer("Domain code imports no routes.", routes),
            layer("Domain code imports no components.", components),
            layer("Domain code is pure: no Prisma, no Remix.", ["~/generated/*", "**/generated/*", "@prisma/*", "@remix-run/*"]),
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        ...[
          "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          "NewExpression[callee.name='Date'][arguments.length=0]",
          "CallExpression[callee.name='Date']",
          "CallExpression[callee.object.name='performance'][callee.property.name='now']",
        ].map((selector) => ({ selector, message: "Domain code takes the time as an argument (`now`); it never reads the clock." })),
      ],
    },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("Routes do not query the database: call a function in app/models.", ["~/services/db.server", "**/services/db.server"]),
            {
              regex: "^(\\./|(~|\\.\\.)/routes/)",
              message: "A route does not import another route: move what they share into a model, service or component.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/services/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("Services are infrastructure and do not import models: the route or model calls both.", models),
            layer("Services do not import routes.", routes),
            layer("Services do not import components.", components),
          ],
        },
      ],
    },
  },
  {
    files: ["app/models/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("Models do not import routes.", routes),
            layer("Models do not import components.", components),
            { group: ["~/validation/message", "**/validation/message"], importNames: ["msg"], message: "Models refuse with a code and parameters (Failure); the route makes the message." },
          ],
        },
      ],
    },
  },
  {
    // The access module reads the session from the request; every other model takes plain values.
    files: ["app/models/**/*.{ts,tsx}"],
    ignores: [...TESTS, "app/models/event-guards.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Request", "FormData"].map((name) => ({
          selector: `TSTypeReference[typeName.name='${name}']`,
          message: `Models take plain values, not a ${name}: the route reads the request and passes what the model needs (event-guards.server.ts alone reads the session).`,
        })),
      ],
    },
  },
);
