import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { checkResetToken, requestPasswordReset, resetPassword } from "./reset.server";
import { login } from "./login.server";
import { createUser, TEST_PASSWORD } from "../../../tests/support/factories";
import { sessionCookieFor } from "../../../tests/support/requests";
import { lastMailTo } from "../../../tests/support/mail";

function tokenFromMail(text: string) {
  const match = text.match(/\/reset-password\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link in mail: ${text}`);
  return match[1]!;
}

describe("password reset", () => {
  it("mails a single-use link that sets a new password and signs out other sessions", async () => {
    const user = await createUser("participant", { email: "reset@example.jp" });
    await sessionCookieFor(user.id);
    await requestPasswordReset("reset@example.jp", "ja");
    const mail = lastMailTo("reset@example.jp");
    expect(mail.subject).toContain("パスワード再設定");
    const token = tokenFromMail(mail.text);
    // The copy coordinators can read in the app holds no usable link.
    const stored = await prisma.mailMessage.findFirstOrThrow({ where: { to: "reset@example.jp" } });
    expect(stored.transport).toBe("outbox");
    expect(stored.text).not.toContain(token);
    expect(stored.text).not.toContain("/reset-password/");

    expect(await resetPassword(token, "a brand new password")).toBe("valid");
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const ok = await login({ email: "reset@example.jp", password: "a brand new password", ipAddress: "x" });
    expect(ok.ok).toBe(true);
    const old = await login({ email: "reset@example.jp", password: TEST_PASSWORD, ipAddress: "x" });
    expect(old.ok).toBe(false);

    expect(await resetPassword(token, "another new password")).toBe("used");
  });

  it("sends nothing for an unknown address and says nothing about it", async () => {
    await expect(requestPasswordReset("nobody@example.jp", "ja")).resolves.toBeUndefined();
    expect(await prisma.mailMessage.count()).toBe(0);
  });

  it("refuses an expired token and leaves the password alone", async () => {
    const user = await createUser("participant");
    await prisma.passwordReset.create({
      data: { userId: user.id, tokenHash: hashToken("expired-token"), expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resetPassword("expired-token", "a brand new password")).toBe("expired");
    const ok = await login({ email: user.email, password: TEST_PASSWORD, ipAddress: "x" });
    expect(ok.ok).toBe(true);
  });

  it("treats a made-up or overlong token as invalid", async () => {
    expect((await checkResetToken("made-up")).state).toBe("invalid");
    expect((await checkResetToken("x".repeat(10_000))).state).toBe("invalid");
  });

  it("mails in the user's own language", async () => {
    const user = await createUser("participant", { email: "en@example.jp" });
    await prisma.user.update({ where: { id: user.id }, data: { locale: "en" } });
    await requestPasswordReset("en@example.jp", "ja");
    const mail = await prisma.mailMessage.findFirstOrThrow();
    expect(mail.subject).toBe("[Data Academy] Resetting your password");
  });
});
