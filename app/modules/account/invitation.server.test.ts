import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { acceptInvitation, checkInvitation, sendInvitation } from "./invitation.server";
import { login } from "./login.server";
import { createUser } from "../../../tests/support/factories";
import { lastMailTo } from "../../../tests/support/mail";

async function invite(email: string) {
  const coordinator = await createUser("coordinator");
  const invitee = await createUser("participant", { email, password: null });
  await sendInvitation({ userId: invitee.id, invitedById: coordinator.id, fallbackLocale: "ja" });
  const mail = lastMailTo(email);
  return { invitee, token: mail.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]! };
}

describe("invitations", () => {
  it("delivers the link to the invitee only: the outbox copy in the app shows no link", async () => {
    const { token } = await invite("secret@example.jp");
    const stored = await prisma.mailMessage.findFirstOrThrow({ where: { to: "secret@example.jp" } });
    expect(stored.text).not.toContain(token);
    expect(stored.text).not.toContain("/invitations/");
    expect(stored.text).toContain("[[secret-link]]");
    expect(stored.sentAt).not.toBeNull();
  });

  it("lets the invited person set a name and password once, then sign in", async () => {
    const { invitee, token } = await invite("new@example.jp");
    const result = await acceptInvitation(token, { displayName: "新井 一郎", password: "my own password" });
    expect(result).toEqual({ state: "valid", userId: invitee.id });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: invitee.id } })).displayName).toBe("新井 一郎");
    expect((await login({ email: "new@example.jp", password: "my own password", ipAddress: "x" })).ok).toBe(true);
    expect((await acceptInvitation(token, { displayName: "x", password: "other password" })).state).toBe("used");
  });

  it("re-sending revokes the earlier link", async () => {
    const { invitee, token } = await invite("again@example.jp");
    await sendInvitation({ userId: invitee.id, invitedById: null, fallbackLocale: "ja" });
    expect((await checkInvitation(token)).state).toBe("revoked");
    expect(await prisma.password.count({ where: { userId: invitee.id } })).toBe(0);
  });

  it("refuses an expired invitation", async () => {
    const { token } = await invite("late@example.jp");
    await prisma.invitation.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await acceptInvitation(token, { displayName: "x", password: "some password" })).state).toBe("expired");
  });
});

describe("what an invitation mail says", () => {
  it("lists every session with its date, time, venue or online link, and whom to ask at the secretariat", async () => {
    const { createAcademy, createRegion } = await import("../../../tests/support/factories");
    const { fromTokyo } = await import("~/utils/dates");
    const coordinator = await createUser("coordinator", { email: "jimukyoku@example.lg.jp", displayName: "事務局 花子" });
    const region = await createRegion("播磨圏域", ["282014"]);
    const academy = await createAcademy({ regionId: region.id, sessionStarts: [fromTokyo(2026, 9, 4, 13, 30), fromTokyo(2026, 9, 18, 13, 30)] });
    await prisma.enrollment.create({ data: { academyId: academy.id, userId: coordinator.id, role: "coordinator", status: "active" } });
    await prisma.workshopSession.update({ where: { academyId_sequence: { academyId: academy.id, sequence: 1 } }, data: { venueName: "姫路市役所 北別館", venueAddress: "姫路市安田4-1" } });
    await prisma.workshopSession.update({ where: { academyId_sequence: { academyId: academy.id, sequence: 2 } }, data: { onlineUrl: "https://meet.example.lg.jp/da-2" } });
    const invitee = await createUser("participant", { email: "invited@example.lg.jp", password: null });
    await prisma.enrollment.create({ data: { academyId: academy.id, userId: invitee.id, role: "participant" } });
    await sendInvitation({ userId: invitee.id, invitedById: coordinator.id, academyId: academy.id, fallbackLocale: "ja" });
    const { text } = lastMailTo("invited@example.lg.jp");
    expect(text).toContain("第1回  2026年9月4日(金) 13:30〜17:00\n    会場：姫路市役所 北別館（姫路市安田4-1）");
    expect(text).toContain("第2回  2026年9月18日(金) 13:30〜17:00\n    オンライン：https://meet.example.lg.jp/da-2");
    expect(text).toContain("お問い合わせ（事務局）：事務局 花子 <jimukyoku@example.lg.jp>");
    expect(text).not.toMatch(/日程：\d/);
  });
});
