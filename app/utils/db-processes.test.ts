import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";

// server.mjs runs one worker process per core on the same database. Two processes changing one
// board at once (each read-then-write, in its own transaction) must both succeed, on SQLite too.

function writer(retroId: string, userId: string, count: number) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--no-deprecation", "--import", "tsx", "tests/support/board-writer.ts", retroId, userId, String(count)], {
      env: { ...process.env, VITEST: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("several processes on one database", () => {
  it("lets two processes change one board at the same moment without losing a change", async () => {
    const region = await createRegion("加古川市", ["282103"]);
    const academy = await createAcademy({ regionId: region.id });
    const a = await createUser("participant");
    const b = await createUser("participant");
    await createTeam(academy.id, "並行チーム", [a.id, b.id]);
    const retro = await prisma.retrospective.create({ data: { academyId: academy.id, title: "並行", template: "kpt", prompts: JSON.stringify([{ key: "keep", label: "" }]), phase: "reflect" } });
    const results = await Promise.all([writer(retro.id, a.id, 25), writer(retro.id, b.id, 25)]);
    expect(results.map((r) => r.stderr).join("")).toBe("");
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(await prisma.retroCard.count({ where: { retroId: retro.id } })).toBe(50);
    // every change bumped the revision once
    expect((await prisma.retrospective.findUniqueOrThrow({ where: { id: retro.id } })).revision).toBe(50);
  }, 60_000);
});
