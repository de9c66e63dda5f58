import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { mailSettled } from "~/modules/mail/mailer.server";
import { commitRoster } from "./roster.server";
import { parseRoster } from "./parse.server";
import { createAcademy, createRegion, createUser } from "../../../tests/support/factories";

// A 2,000-person import is one transaction of a few seconds. Other people's requests are answered
// while it runs (issue 27: before, every request waited for the whole import, even /login).

describe("a large roster import", () => {
  it("lets other requests be answered while it runs, and writes everyone once", async () => {
    const coordinator = await createUser("coordinator");
    const region = await createRegion("播磨圏域", ["282014"]);
    const academy = await createAcademy({ regionId: region.id });
    const lines = ["氏名,メールアドレス,団体コード,所属部署,チーム名"];
    for (let i = 0; i < 2000; i++) lines.push(`職員 ${i},large${i}@example.lg.jp,282014,企画課,チーム${i % 50}`);
    const parsed = await parseRoster(new TextEncoder().encode(lines.join("\n")));
    if (!parsed.ok) throw new Error(String(parsed.error));

    let importDone = false;
    const importing = commitRoster(coordinator.id, academy.id, parsed.rows, "ja").then((r) => {
      importDone = true;
      return r;
    });
    // another person's page: a read, then a short wait, a few times over
    const answeredDuring: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await prisma.municipality.findUnique({ where: { code: "282014" }, select: { name: true } });
      answeredDuring.push(!importDone);
    }
    const result = await importing;
    expect(answeredDuring.filter(Boolean).length, "reads answered before the import finished").toBeGreaterThanOrEqual(3);
    expect(result).toMatchObject({ ok: true, rows: 2000, people: 2000, teams: 50, memberships: 2000, invited: 2000 });
    expect(await prisma.invitation.count({ where: { academyId: academy.id } })).toBe(2000);
    await mailSettled();
    expect(await prisma.mailMessage.count({ where: { to: { startsWith: "large" }, sentAt: { not: null } } })).toBe(2000);
    // the same file again changes nothing and mails nobody
    const again = await commitRoster(coordinator.id, academy.id, parsed.rows, "ja");
    expect(again).toMatchObject({ ok: true, people: 0, teams: 0, memberships: 0, invited: 0 });
    expect(await prisma.mailMessage.count({ where: { to: { startsWith: "large" } } })).toBe(2000);
  }, 120_000);
});
