import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createAcademy, createRegion, createUser } from "../../../tests/support/factories";
import { databaseProblems } from "../../../tests/support/integrity";
import { droppedMail } from "../../../tests/support/mail";

// kill -9 in the middle of a 2,000-row roster import: after the "restart" (the next process to
// open the database), either every row is there with its invitation, or none is.

describe("a crash during a roster import", () => {
  it("leaves all or nothing: people, memberships, invitations and mail records agree", async () => {
    const coordinator = await createUser("coordinator");
    const region = await createRegion("播磨圏域", ["282014"]);
    // The kill must land before the import has finished; the import's length differs per machine
    // and database, so each attempt kills sooner (and imports new people into a new academy).
    for (const [attempt, delayMs] of [900, 450, 200, 80, 20].entries()) {
      const academy = await createAcademy({ regionId: region.id, name: `クラッシュ試験 ${attempt}` });
      const prefix = `crash${attempt}x`;
      const lines = ["氏名,メールアドレス,団体コード,所属部署,チーム名"];
      for (let i = 0; i < 2000; i++) lines.push(`職員 ${i},${prefix}${i}@example.lg.jp,282014,企画課,チーム${i % 40}`);
      const file = path.join(path.dirname(process.env.MAIL_DROP_DIR!), `crash-${process.pid}.csv`);
      fs.writeFileSync(file, lines.join("\n"));
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/crash-import.ts", coordinator.id, academy.id, file], {
        env: { ...process.env, JOBS: "off" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let output = "";
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("committing")) setTimeout(() => child.kill("SIGKILL"), delayMs);
        });
        child.on("exit", () => resolve());
        child.on("error", reject);
      });
      fs.rmSync(file, { force: true });
      const [users, members, invitations, mails] = await Promise.all([
        prisma.user.count({ where: { email: { startsWith: prefix } } }),
        prisma.teamMember.count({ where: { team: { academyId: academy.id } } }),
        prisma.invitation.count({ where: { academyId: academy.id } }),
        prisma.mailMessage.count({ where: { to: { startsWith: prefix } } }),
      ]);
      expect([0, 2000]).toContain(users);
      expect({ members, invitations, mails }).toEqual({ members: users, invitations: users, mails: users });
      expect(await databaseProblems()).toEqual([]);
      if (!output.includes("done")) return;
    }
    expect.fail("every import finished before the kill: nothing was tested");
  }, 120_000);

  it("delivers the invitations after a crash between the commit and the last mail", async () => {
    const coordinator = await createUser("coordinator");
    const region = await createRegion("播磨圏域", ["282014"]);
    const academy = await createAcademy({ regionId: region.id });
    const lines = ["氏名,メールアドレス,団体コード,所属部署,チーム名"];
    for (let i = 0; i < 600; i++) lines.push(`職員 ${i},aftercrash${i}@example.lg.jp,282014,企画課,チーム${i % 20}`);
    const file = path.join(path.dirname(process.env.MAIL_DROP_DIR!), `aftercrash-${process.pid}.csv`);
    fs.writeFileSync(file, lines.join("\n"));
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/crash-import.ts", coordinator.id, academy.id, file], {
      env: { ...process.env, JOBS: "off" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const recorded = () => prisma.mailMessage.count({ where: { to: { startsWith: "aftercrash" } } });
    // killed as soon as the import has committed (its 600 mails recorded), while it delivers them
    while ((await recorded()) < 600 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill("SIGKILL");
    await exited;
    fs.rmSync(file, { force: true });
    const unsent = { to: { startsWith: "aftercrash" }, sentAt: null };
    const left = await prisma.mailMessage.count({ where: unsent });
    expect(left, "the kill came after the delivery; nothing left to test").toBeGreaterThan(0);
    // the next process's sender delivers every one of them, once
    const { deliverPending } = await import("~/modules/mail/mailer.server");
    // (a message the stopped process had claimed waits for its claim to lapse: two minutes)
    expect(await deliverPending(new Date(Date.now() + 3 * 60_000))).toBe(left);
    expect(await prisma.mailMessage.count({ where: unsent })).toBe(0);
    const dropped = droppedMail(undefined).filter((m) => m.to.startsWith("aftercrash"));
    expect(new Set(dropped.map((m) => m.to)).size).toBe(600);
    expect(dropped.every((m) => /\/invitations\//.test(m.text))).toBe(true);
  }, 120_000);
});
