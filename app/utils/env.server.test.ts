import { describe, expect, it } from "vitest";
import { settingsProblems } from "./env.server";

describe("settings checked at start", () => {
  it("accepts a fresh clone's empty environment", () => {
    expect(settingsProblems({})).toEqual([]);
  });

  it("names the variable, what is wrong and an example", () => {
    const problems = settingsProblems({ PORT: "eighty", DATABASE_URL: "mysql://x", SMTP_URL: "mail.example.lg.jp", SESSION_SECRET: "short", JOBS: "maybe" });
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/PORT must be a whole number more than 0 \(e\.g\. PORT=3000\)/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL must start with "file:"/);
    expect(problems.join("\n")).toMatch(/SMTP_URL must be a smtp: or smtps: address/);
    expect(problems.join("\n")).toMatch(/SESSION_SECRET must be at least 32 characters/);
    expect(problems.join("\n")).toMatch(/JOBS must be "on" or "off"/);
  });

  it("checks the launcher's settings too (server.mjs reads them before the app starts)", () => {
    const problems = settingsProblems({ DRAIN_MS: "soon", WORKER_HEAP: "big", SEED_DEMO: "no" });
    expect(problems.join("\n")).toMatch(/DRAIN_MS must be a whole number more than 0 \(e\.g\. DRAIN_MS=8000\)/);
    expect(problems.join("\n")).toMatch(/WORKER_HEAP must be V8 flags or empty/);
    expect(problems.join("\n")).toMatch(/SEED_DEMO must be "true" or "false"/);
    expect(settingsProblems({ WORKER_HEAP: "--max-old-space-size=128 --max-semi-space-size=4", DRAIN_MS: "8000" })).toEqual([]);
  });

  it("asks several servers for what cannot be generated per machine", () => {
    const problems = settingsProblems({ SERVERS: "several", DATABASE_URL: "file:./data/app.db" });
    expect(problems.join("\n")).toContain("SERVERS=several needs PostgreSQL");
    expect(problems.join("\n")).toContain("SERVERS=several needs SESSION_SECRET");
    expect(problems.join("\n")).toContain("SERVERS=several needs FILES_DIR");
    expect(problems.join("\n")).toContain("SERVERS=several needs APP_URL");
    expect(
      settingsProblems({
        SERVERS: "several",
        DATABASE_URL: "postgresql://dam@db/dam",
        SESSION_SECRET: "a".repeat(64),
        FILES_DIR: "/srv/dam-files",
        APP_URL: "https://academy.example.lg.jp",
      }),
    ).toEqual([]);
  });
});
