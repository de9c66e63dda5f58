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
