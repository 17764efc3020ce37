// Lint rules that encode the house rules of DESIGN.md §4 where a linter can see them.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "dist-dev/**", "node_modules/**", "data/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      // Named exports only (style anchors §13).
      "no-restricted-exports": [
        "error",
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    files: ["src/**/*.tsx", "src/taskpane/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // No production code imports the emulators.
    files: [
      "src/server/**/*.ts",
      "src/taskpane/**/*.ts",
      "src/taskpane/**/*.tsx",
      "src/commands/**/*.ts",
      "src/shared/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/emulators/**", "**/dev/**"] }],
    },
  },
  {
    // shared runs in the browser, the JavaScript-only runtime and Node: no I/O, no DOM, nothing of ours.
    files: ["src/shared/**/*.ts"],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      "no-restricted-globals": [
        "error",
        "document",
        "window",
        "DOMParser",
        "localStorage",
        "fetch",
        "Office",
        "process",
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "../taskpane/*",
            "../server/*",
            "../commands/*",
            "../emulators/*",
            "../dev/*",
            "**/emulators/**",
            "node:*",
          ],
        },
      ],
    },
  },
  {
    // Office.js lives only in taskpane/office (and the launch-event bundle in commands/).
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: ["src/taskpane/office/**"],
    rules: { "no-restricted-globals": ["error", "Office"] },
  },
  {
    // Emulators must not agree with our bugs: they import nothing of ours.
    files: ["src/emulators/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "../shared/*",
            "../server/*",
            "../taskpane/*",
            "../commands/*",
            "../dev/*",
            "../../shared/*",
            "../../server/*",
          ],
        },
      ],
    },
  },
  {
    files: ["src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "react",
            "react-dom",
            "@fluentui/*",
            "**/taskpane/**",
            "**/emulators/**",
            "**/dev/**",
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "document",
        "window",
        "localStorage",
        "sessionStorage",
        "DOMParser",
      ],
    },
  },
);
