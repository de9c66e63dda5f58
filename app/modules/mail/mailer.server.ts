import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { prisma, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { letOthersRun } from "~/utils/let-others-run";
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


/** A mail recorded (without its secrets) and waiting to be delivered. */
export interface QueuedMail {
  id: string;
  mail: OutgoingMail;
}

// The outbox (decision 0017). A mail is recorded in the caller's transaction, with the change it
// belongs to: the shown record without its secrets, and the whole message sealed (AES-256-GCM,
// a key derived from the session secret) so that any process of any server can deliver it after a
// crash or restart. One sender delivers each message: it first takes the message for a while
// (claimedUntil, a conditional update only one process can win), then delivers, then records it
// sent and drops the sealed copy. A process that dies between delivering and recording leaves the
// message to be delivered again when the claim runs out — the one case of "twice" (SMTP offers no
// way to ask whether a message arrived); never "never".

const CLAIM_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;
const SEND_EVERY_MS = 30_000;

function sealingKey() {
  return Buffer.from(crypto.hkdfSync("sha256", env().sessionSecret, "data-academy-manager", "mail-outbox", 32));
}

export function seal(mail: OutgoingMail): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text }), "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function unseal(sealed: string): OutgoingMail | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
    const decipher = crypto.createDecipheriv("aes-256-gcm", sealingKey(), iv!);
    decipher.setAuthTag(tag!);
    const mail = JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8")) as OutgoingMail;
    return typeof mail.to === "string" && typeof mail.subject === "string" && typeof mail.text === "string" ? mail : null;
  } catch {
    return null;
  }
}

/**
 * Record a mail inside the caller's transaction; it is delivered after the commit (deliverQueued
 * at once, or the sender within SEND_EVERY_MS when this process stops first). A rolled-back
 * change sends nothing.
 */
export async function queueMail(db: Db, mail: OutgoingMail): Promise<QueuedMail> {
  const t = await transport();
  const message = await db.mailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: redact(mail.text, mail.secrets), transport: t.name, sealed: seal(mail), nextAttemptAt: new Date() },
    select: { id: true },
  });
  return { id: message.id, mail };
}

/** Many mails at once (a roster's invitations): the same records as queueMail, in a few statements. */
export async function queueMails(db: Db, mails: OutgoingMail[]): Promise<QueuedMail[]> {
  const t = await transport();
  const queued: QueuedMail[] = [];
  for (let i = 0; i < mails.length; i += 200) {
    const slice = mails.slice(i, i + 200);
    // ids made here: the order of rows an INSERT returns is not promised
    const rows = slice.map((mail) => ({ id: crypto.randomUUID(), mail }));
    await db.mailMessage.createMany({
      data: rows.map(({ id, mail }) => ({ id, to: mail.to, subject: mail.subject, text: redact(mail.text, mail.secrets), transport: t.name, sealed: seal(mail), nextAttemptAt: new Date() })),
    });
    queued.push(...rows);
    await letOthersRun();
  }
  return queued;
}

/** Take a message to deliver it; false when it is sent, given up, or another sender has it. */
async function claim(id: string, now = new Date()) {
  const taken = await prisma.mailMessage.updateMany({
    where: { id, sentAt: null, sealed: { not: null }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  return taken.count === 1;
}

async function deliverOne(id: string, mail: OutgoingMail) {
  const t = await transport();
  try {
    await t.deliver(mail);
  } catch (error) {
    const message = await prisma.mailMessage.findUnique({ where: { id }, select: { attempts: true } });
    const attempts = (message?.attempts ?? 0) + 1;
    const givingUp = attempts >= MAX_ATTEMPTS;
    await prisma.mailMessage.update({
      where: { id },
      data: {
        attempts,
        error: error instanceof Error ? error.message : String(error),
        claimedUntil: null,
        // again after 1, 2, 4 … minutes; the sealed copy goes when the sender gives up
        nextAttemptAt: givingUp ? null : new Date(Date.now() + 60_000 * 2 ** (attempts - 1)),
        ...(givingUp ? { sealed: null } : {}),
      },
    });
    return false;
  }
  await prisma.mailMessage.update({ where: { id }, data: { sentAt: new Date(), sealed: null, claimedUntil: null, error: null, attempts: { increment: 1 } } });
  return true;
}

/** Deliver mails recorded by a committed transaction (each by whichever sender takes it first). */
export async function deliverQueued(queued: QueuedMail[]) {
  for (const { id, mail } of queued) {
    if (await claim(id)) await deliverOne(id, mail);
  }
}

const inFlight = new Set<Promise<void>>();

/** Deliver after the answer has gone (many mails); the sender picks up whatever a stop leaves. */
export function deliverInBackground(queued: QueuedMail[]) {
  const sending: Promise<void> = deliverQueued(queued)
    .catch((error: unknown) => console.error("mail delivery failed", error))
    .finally(() => inFlight.delete(sending));
  inFlight.add(sending);
}

/** Resolves when the mails handed to deliverInBackground have been tried (tests, shutdown). */
export async function mailSettled() {
  while (inFlight.size > 0) await Promise.all(inFlight);
}

/**
 * Deliver what waits in the outbox: left by a process that stopped (a roster import's 2,000
 * invitations, say), or due for another try. Works through it in batches until nothing is due.
 */
export async function deliverPending(now = new Date(), take = 50) {
  let sent = 0;
  for (;;) {
    const batch = await deliverBatch(now, take);
    sent += batch.sent;
    if (batch.taken < take) return sent;
  }
}

async function deliverBatch(now: Date, take: number) {
  const due = await prisma.mailMessage.findMany({
    where: { sentAt: null, sealed: { not: null }, nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true, sealed: true },
  });
  let sent = 0;
  for (const message of due) {
    if (!(await claim(message.id, now))) continue;
    const mail = unseal(message.sealed ?? "");
    if (!mail) {
      await prisma.mailMessage.update({
        where: { id: message.id },
        data: { sealed: null, claimedUntil: null, nextAttemptAt: null, error: "The stored message cannot be opened (was SESSION_SECRET changed?)" },
      });
      continue;
    }
    if (await deliverOne(message.id, mail)) sent++;
  }
  return { sent, taken: due.length };
}

const senderState = globalThis as unknown as { __damMailSender?: NodeJS.Timeout };

/** Every process runs the sender; the claims make each message go out once. */
export function startMailSender() {
  if (senderState.__damMailSender || !env().jobsOn) return;
  const run = () => void deliverPending().catch((error: unknown) => console.error("mail sender failed", error));
  senderState.__damMailSender = setInterval(run, SEND_EVERY_MS);
  senderState.__damMailSender.unref();
  setTimeout(run, 2_000).unref();
}

export async function sendMail(mail: OutgoingMail) {
  const queued = await queueMail(prisma, mail);
  await deliverQueued([queued]);
  return queued;
}

export function listOutbox(take = 100) {
  return prisma.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
