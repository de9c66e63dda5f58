import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

// Mail goes through one small interface. With SMTP_URL set it is delivered by nodemailer;
// without it, every message stays in the outbox that coordinators read in the app. Either
// way the message is recorded, so "was the invitation sent?" always has an answer.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  name: "smtp" | "outbox";
  deliver(mail: OutgoingMail): Promise<void>;
}

const outboxTransport: MailTransport = {
  name: "outbox",
  async deliver() {
    // Kept in the MailMessage table; nothing leaves the machine.
  },
};

async function smtpTransport(url: string): Promise<MailTransport> {
  const nodemailer = await import("nodemailer");
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async deliver(mail) {
      await transporter.sendMail({ from: env().mailFrom, ...mail });
    },
  };
}

let transportPromise: Promise<MailTransport> | undefined;
function transport(): Promise<MailTransport> {
  transportPromise ??= env().smtpUrl ? smtpTransport(env().smtpUrl) : Promise.resolve(outboxTransport);
  return transportPromise;
}

export async function sendMail(mail: OutgoingMail) {
  const t = await transport();
  const message = await prisma.mailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, transport: t.name },
  });
  try {
    await t.deliver(mail);
    if (t.name === "smtp") {
      await prisma.mailMessage.update({ where: { id: message.id }, data: { sentAt: new Date() } });
    }
  } catch (error) {
    await prisma.mailMessage.update({
      where: { id: message.id },
      data: { error: error instanceof Error ? error.message : String(error) },
    });
  }
  return message;
}

export function listOutbox(take = 100) {
  return prisma.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
