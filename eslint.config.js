// Lint rules that encode the house rules of DESIGN.md §4 where a linter can see them.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/**
 * An import pattern that forbids the named rooms of src/ (and always the emulators and the dev
 * wiring) at every depth: `../server`, `../../server/x/y` alike. Only upward paths can leave a
 * room, so `./http/server` (a file of that name inside a room) stays allowed.
 */
function away(...rooms) {
  const names = [...rooms, "emulators", "dev"].join("|");
  return [
    {
      regex: `^(\\.\\./)+(${names})(/.*)?$`,
      message: "Imports between these rooms are not allowed (README: How it is built).",
    },
  ];
}

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
    // The rooms and who may import whom (README "How it is built"): no production code imports
    // the emulators or the dev wiring; the pane and the service never import each other.
    files: ["src/server/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: away("taskpane", "commands") }] },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: away("server", "commands") }] },
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
            ...away("taskpane", "server", "commands"),
            { group: ["node:*"], message: "shared runs in the browser too: no Node modules." },
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
        { patterns: away("shared", "server", "taskpane", "commands") },
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
            {
              group: ["react", "react-dom", "@fluentui/*"],
              message: "No UI in the launch events.",
            },
            ...away("taskpane", "server"),
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
