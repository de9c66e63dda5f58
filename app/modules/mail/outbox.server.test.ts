import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { deliverPending, deliverQueued, queueMail, seal, unseal } from "./mailer.server";
import { droppedMail } from "../../../tests/support/mail";

// The outbox: a mail is recorded with the change it belongs to, and delivered once by whichever
// sender takes it — after the request, or after a crash by any process's sender.

const link = () => `https://academy.example.lg.jp/invite/${crypto.randomUUID()}`;
const to = () => `outbox-${crypto.randomUUID().slice(0, 8)}@example.lg.jp`;

describe("the outbox", () => {
  it("sends nothing for a change that rolled back", async () => {
    const address = to();
    await expect(
      prisma.$transaction(async (tx) => {
        await queueMail(tx, { to: address, subject: "ご招待", text: "招待です" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.mailMessage.count({ where: { to: address } })).toBe(0);
    expect(await deliverPending()).toBe(0);
    expect(droppedMail(undefined, address)).toEqual([]);
  });

  it("delivers a mail left behind by a process that stopped, whole, once, and keeps no secret afterwards", async () => {
    const address = to();
    const secret = link();
    // recorded in the change's transaction, then the process "dies" before delivering
    await prisma.$transaction((tx) => queueMail(tx, { to: address, subject: "パスワードの設定", text: `次のリンクから設定してください。\n${secret}`, secrets: [secret] }));
    const waiting = await prisma.mailMessage.findFirstOrThrow({ where: { to: address } });
    expect(waiting.sentAt).toBeNull();
    expect(waiting.text).not.toContain(secret);
    expect(waiting.sealed).not.toContain(secret);
    // two senders (two processes or servers) look at the outbox at the same moment
    const sent = await Promise.all([deliverPending(), deliverPending()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    const mails = droppedMail(undefined, address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(secret);
    const done = await prisma.mailMessage.findFirstOrThrow({ where: { to: address } });
    expect(done.sentAt).not.toBeNull();
    expect(done.sealed).toBeNull();
    // nothing is delivered twice, neither by the sender nor by a late deliverQueued
    await deliverQueued([{ id: done.id, mail: { to: address, subject: "x", text: "x" } }]);
    expect(await deliverPending()).toBe(0);
    expect(droppedMail(undefined, address)).toHaveLength(1);
  });

  it("tries again later when delivery fails, and says why", async () => {
    const address = to();
    const dropDir = process.env.MAIL_DROP_DIR!;
    await prisma.$transaction((tx) => queueMail(tx, { to: address, subject: "お知らせ", text: "本文" }));
    // the mail drop cannot be written (a file where the folder should be)
    const moved = `${dropDir}.moved-${Date.now()}`;
    fs.renameSync(dropDir, moved);
    fs.writeFileSync(dropDir, "");
    try {
      expect(await deliverPending()).toBe(0);
    } finally {
      fs.rmSync(dropDir);
      fs.renameSync(moved, dropDir);
    }
    const failed = await prisma.mailMessage.findFirstOrThrow({ where: { to: address } });
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.error).toBeTruthy();
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // not due yet; due a minute later, then delivered
    expect(await deliverPending()).toBe(0);
    expect(await deliverPending(new Date(Date.now() + 61_000))).toBe(1);
    expect(droppedMail(undefined, address)).toHaveLength(1);
  });

  it("seals with the session secret: a sealed mail cannot be read or altered without it", () => {
    const sealed = seal({ to: "a@example.lg.jp", subject: "件名", text: "本文 https://x/invite/abc" });
    expect(sealed).not.toContain("invite");
    expect(unseal(sealed)?.text).toBe("本文 https://x/invite/abc");
    const [iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(unseal([iv, tag, flipped.toString("base64url")].join("."))).toBeNull();
  });
});
