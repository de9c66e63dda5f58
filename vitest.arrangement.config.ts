import { defineConfig } from "vitest/config";

// The arrangement test: two app servers on one PostgreSQL behind nginx (tests/arrangement/run.mjs
// builds first). It starts and stops the servers itself.
export default defineConfig({
  test: {
    include: ["tests/arrangement/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 240000,
  },
});
