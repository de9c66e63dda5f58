import { defineConfig } from "vitest/config";

// End-to-end suite: real Chromium against the production build (tests/e2e/run.mjs starts it).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
