import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { action } from "./login";
import { createUser, TEST_PASSWORD } from "../../tests/support/factories";
import { caught, context, formRequest } from "../../tests/support/requests";
import { lastMailTo } from "../../tests/support/mail";
import { requestPasswordReset, resetPassword } from "~/modules/account/reset.server";

const run = (fields: Record<string, string | Blob>, ctx = context) =>
  caught(action({ request: formRequest("/login", fields), params: {}, context: ctx }));

describe("sign-in action", () => {
  it("signs in with the right password, case-insensitively, and sets an HttpOnly SameSite=Lax cookie", async () => {
    const user = await createUser("coordinator", { email: "Hanako@Example.jp" });
    const res = await run({ email: "HANAKO@example.JP", password: TEST_PASSWORD, redirectTo: "/outbox" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/outbox");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__dam_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never redirects off-site after sign-in", async () => {
    await createUser("participant", { email: "p@example.jp" });
    const res = await run({ email: "p@example.jp", password: TEST_PASSWORD, redirectTo: "//evil.example/" });
    expect(res.headers.get("Location")).toBe("/");
    // A tab after the first slash: a browser drops it and would go to evil.example.
    const tab = await run({ email: "p@example.jp", password: TEST_PASSWORD, redirectTo: "/\t/evil.example/phish" });
    expect(tab.headers.get("Location")).toBe("/");
    // Dot segments, plain or encoded: normalising "/.//x" gives "//x".
    for (const redirectTo of ["/.//evil.example/phish", "/%2e%2e//evil.example", "/./\\evil.example"]) {
      const res = await run({ email: "p@example.jp", password: TEST_PASSWORD, redirectTo });
      expect(res.headers.get("Location"), redirectTo).toBe("/");
    }
  });

  it("gives the same message for an unknown e-mail and a wrong password", async () => {
    await createUser("participant", { email: "known@example.jp" });
    const wrong = await run({ email: "known@example.jp", password: "wrong-password-123" });
    const unknown = await run({ email: "nobody@example.jp", password: "wrong-password-123" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.data.reason).toBe("login.invalid");
    expect(unknown.data.reason).toBe(wrong.data.reason);
    expect(wrong.data.values.email).toBe("known@example.jp");
    expect(await prisma.session.count()).toBe(0);
  });

  it.each([
    ["empty fields", { email: "", password: "" }, { email: "validation.required", password: "validation.required" }],
    ["a malformed e-mail", { email: "not-an-address", password: "x" }, { email: "validation.email" }],
    ["a 10 kB e-mail", { email: `${"a".repeat(10_000)}@example.jp`, password: "x" }, { email: "validation.emailTooLong" }],
    ["a 10 kB password", { email: "a@example.jp", password: "x".repeat(10_000) }, { password: "validation.passwordTooLong" }],
    ["a file instead of text", { email: new Blob(["x"]), password: "x" }, { email: "validation.required" }],
  ])("rejects %s with field messages and writes nothing", async (_label, fields, expected) => {
    const res = await run(fields as Record<string, string | Blob>);
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors).toMatchObject(expected);
    expect(res.data.values.password).toBeUndefined();
    expect(await prisma.loginAttempt.count()).toBe(0);
    expect(await prisma.session.count()).toBe(0);
  });

  it("stops a browser that never signed in to the account after 5 failures, even for the right password", async () => {
    await createUser("participant", { email: "target@example.jp" });
    for (let i = 0; i < 5; i++) {
      await run({ email: "target@example.jp", password: "guess-number-" + i }, { ...context, clientIp: `198.51.100.${i}` });
    }
    const res = await run({ email: "target@example.jp", password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.data.reason).toBe("login.rateLimited");
  });

  it("lets the owner in from the browser they signed in with before, whatever strangers tried", async () => {
    await createUser("participant", { email: "owner@example.jp" });
    const first = await run({ email: "owner@example.jp", password: TEST_PASSWORD });
    const device = /__dam_device=[^;]+/.exec(first.headers.get("Set-Cookie") ?? "")?.[0];
    expect(device).toBeTruthy();
    for (let i = 0; i < 12; i++) await run({ email: "owner@example.jp", password: `guess-${i}` }, { ...context, clientIp: "203.0.113.9" });
    const owner = await caught(action({ request: formRequest("/login", { email: "owner@example.jp", password: TEST_PASSWORD }, { cookie: device }), params: {}, context }));
    expect(owner.status).toBe(302);
    // A device cookie of another account gives a stranger nothing.
    await createUser("participant", { email: "other@example.jp" });
    const other = await run({ email: "other@example.jp", password: TEST_PASSWORD });
    const otherDevice = /__dam_device=[^;]+/.exec(other.headers.get("Set-Cookie") ?? "")![0];
    const stranger = await caught(action({ request: formRequest("/login", { email: "owner@example.jp", password: TEST_PASSWORD }, { cookie: otherDevice }), params: {}, context }));
    expect(stranger.status).toBe(429);
  });

  it("lets an owner locked out on a new browser in once they have reset the password", async () => {
    await createUser("participant", { email: "reset-owner@example.jp" });
    for (let i = 0; i < 6; i++) await run({ email: "reset-owner@example.jp", password: `guess-${i}` }, { ...context, clientIp: "203.0.113.7" });
    expect((await run({ email: "reset-owner@example.jp", password: TEST_PASSWORD })).status).toBe(429);
    // The reset mail reaches only the owner; following it sets a new password.
    await requestPasswordReset("reset-owner@example.jp", "ja");
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(lastMailTo("reset-owner@example.jp").text)![1]!;
    await new Promise((r) => setTimeout(r, 5));
    expect(await resetPassword(token, "a brand new password")).toBe("valid");
    expect((await run({ email: "reset-owner@example.jp", password: "a brand new password" })).status).toBe(302);
  });

  it("lets an owner in after a reset even when their address is locked by a spray over many accounts", async () => {
    await createUser("participant", { email: "sprayed-owner@example.jp" });
    await createUser("participant", { email: "sprayed-colleague@example.jp" });
    const proxy = { ...context, clientIp: "203.0.113.99" };
    await prisma.loginAttempt.createMany({ data: Array.from({ length: 101 }, (_, i) => ({ email: `spray${i}@example.jp`, ipAddress: proxy.clientIp, succeeded: false, createdAt: new Date() })) });
    expect((await run({ email: "sprayed-owner@example.jp", password: TEST_PASSWORD }, proxy)).status).toBe(429);
    await requestPasswordReset("sprayed-owner@example.jp", "ja");
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(lastMailTo("sprayed-owner@example.jp").text)![1]!;
    await new Promise((r) => setTimeout(r, 5));
    expect(await resetPassword(token, "a brand new password")).toBe("valid");
    expect((await run({ email: "sprayed-owner@example.jp", password: "a brand new password" }, proxy)).status).toBe(302);
    // The address stays locked for every account whose owner did not prove their mailbox.
    expect((await run({ email: "sprayed-colleague@example.jp", password: TEST_PASSWORD }, proxy)).status).toBe(429);
    // The account's own budget still holds after the reset.
    for (let i = 0; i < 6; i++) await run({ email: "sprayed-owner@example.jp", password: `after-reset-guess-${i}` }, proxy);
    expect((await run({ email: "sprayed-owner@example.jp", password: "a brand new password" }, proxy)).status).toBe(429);
  });

  it("checks at most 5 of 7 parallel guesses", async () => {
    await createUser("participant", { email: "parallel@example.jp" });
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => run({ email: "parallel@example.jp", password: `parallel-guess-${i}` })));
    expect(results.filter((r) => r.data.reason === "login.invalid").length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.data.reason === "login.rateLimited").length).toBeGreaterThanOrEqual(2);
  });

  it("does not lock out colleagues behind the same proxy address, but stops one address guessing at scale", async () => {
    await createUser("participant", { email: "colleague@example.jp" });
    const proxy = { ...context, clientIp: "203.0.113.66" };
    for (let i = 0; i < 20; i++) await run({ email: `typo${i}@example.jp`, password: "whatever-pass" }, proxy);
    expect((await run({ email: "colleague@example.jp", password: TEST_PASSWORD }, proxy)).status).toBe(302);
    const now = new Date();
    await prisma.loginAttempt.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ email: `guess${i}@example.jp`, ipAddress: proxy.clientIp, succeeded: false, createdAt: now })) });
    expect((await run({ email: "colleague@example.jp", password: TEST_PASSWORD }, proxy)).status).toBe(429);
    expect((await run({ email: "colleague@example.jp", password: TEST_PASSWORD })).status).toBe(302);
  });
});
