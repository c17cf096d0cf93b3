// Lint for app/, e2e/ and prisma/ (`npm run lint`); file globs are relative to the repository root.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
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
);
