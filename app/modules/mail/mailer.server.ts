import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { prisma, type Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { SECRET_MARK } from "./secret";

// Mail goes through one small interface. With SMTP_URL set it is delivered by nodemailer;
// without it, each message is written as an .eml file into the mail-drop folder of the data
// directory (a pickup folder only the server's operator can read). Either way the message is
// recorded, so "was the invitation sent?" always has an answer — but the record never holds a
// secret: sign-in links (invitations, password resets) are replaced by a marker, so nobody
// who can read the outbox in the app can use another person's link (decision 0009).

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Parts of the text only the recipient may see (one-time links). */
  secrets?: string[];
}

export interface MailTransport {
  name: "smtp" | "outbox";
  deliver(mail: OutgoingMail): Promise<void>;
}


export function redact(text: string, secrets: string[] = []) {
  return secrets.filter((s) => s.length > 0).reduce((out, secret) => out.split(secret).join(SECRET_MARK), text);
}

export function mailDropDir() {
  return env().mailDropDir;
}

async function compose(mail: OutgoingMail): Promise<Buffer> {
  const { default: MailComposer } = await import("nodemailer/lib/mail-composer/index.js");
  const message = new MailComposer({ from: env().mailFrom, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: "base64" });
  return message.compile().build();
}

const mailDropTransport: MailTransport = {
  name: "outbox",
  async deliver(mail) {
    const dir = mailDropDir();
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const bytes = await compose(mail);
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomUUID()}.eml`;
    // Written under a temporary name and renamed, so a reader never sees half a message.
    const tmp = path.join(dir, `.${name}.tmp`);
    await fs.writeFile(tmp, bytes, { mode: 0o600 });
    await fs.rename(tmp, path.join(dir, name));
  },
};

async function smtpTransport(url: string): Promise<MailTransport> {
  const nodemailer = await import("nodemailer");
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async deliver(mail) {
      await transporter.sendMail({ from: env().mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

let transportPromise: Promise<MailTransport> | undefined;
function transport(): Promise<MailTransport> {
  transportPromise ??= env().smtpUrl ? smtpTransport(env().smtpUrl) : Promise.resolve(mailDropTransport);
  return transportPromise;
}

type Db = Prisma.TransactionClient | typeof prisma;

/** A mail recorded (without its secrets) and waiting to be delivered; the full text lives only here. */
export interface QueuedMail {
  id: string;
  mail: OutgoingMail;
}

/**
 * Record a mail inside the caller's transaction; deliver it with deliverQueued after the
 * commit. If the process stops in between, the record stays "not sent" in the outbox and the
 * sender can send it again (a new invitation link); a secret is never stored to re-send.
 */
export async function queueMail(db: Db, mail: OutgoingMail): Promise<QueuedMail> {
  const t = await transport();
  const message = await db.mailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: redact(mail.text, mail.secrets), transport: t.name },
    select: { id: true },
  });
  return { id: message.id, mail };
}

export async function deliverQueued(queued: QueuedMail[]) {
  const t = await transport();
  for (const { id, mail } of queued) {
    try {
      await t.deliver(mail);
      await prisma.mailMessage.update({ where: { id }, data: { sentAt: new Date() } });
    } catch (error) {
      await prisma.mailMessage.update({ where: { id }, data: { error: error instanceof Error ? error.message : String(error) } });
    }
  }
}

export async function sendMail(mail: OutgoingMail) {
  const queued = await queueMail(prisma, mail);
  await deliverQueued([queued]);
  return queued;
}

export function listOutbox(take = 100) {
  return prisma.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
