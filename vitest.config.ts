import { defineConfig } from "vitest/config";

// Two projects: fast unit/service tests, and browser tests that drive the built pages in
// Debian's Chromium (they need `npm run build` first; `npm test` does that).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: ["test/e2e/**", "node_modules/**"],
          environment: "node",
          testTimeout: 30_000,
          // Service tests start the emulators, a store and the app in beforeAll: on a loaded
          // 2-core machine that can take longer than vitest's 10 s default.
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
