import { defineConfig } from "vitest/config";
import path from "node:path";

// A separate config: the remix() Vite plugin must not run under Vitest.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/setup-db.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
