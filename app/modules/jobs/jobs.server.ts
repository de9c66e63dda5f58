import crypto from "node:crypto";
import { sendDueReminders } from "~/modules/material/prelearning.server";
import { sweepOrphans } from "~/modules/files/stored-file.server";
import { announceReleases, sendDeliverableReminders } from "~/modules/notification/reminders.server";
import { startMailSender } from "~/modules/mail/mailer.server";
import { prisma, Prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const HOUR = 60 * 60 * 1000;
const state = globalThis as unknown as { __damJobs?: NodeJS.Timeout };
const holder = `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;

export const HOURLY_JOBS: Record<string, () => Promise<unknown>> = {
  prelearningReminders: () => sendDueReminders(),
  deliverableReminders: () => sendDeliverableReminders(),
  releaseAnnouncements: () => announceReleases(),
  orphanSweep: () => sweepOrphans(),
};

/** The period a run belongs to (its slot, an hour by default): one run per job and slot across every process and server. */
export function slotOf(now = new Date(), every = HOUR) {
  return new Date(Math.floor(now.getTime() / every) * every).toISOString();
}

/**
 * Run `job` for `slot` unless some process (of any server on this database) already has: the
 * first to record the run (JobRun's unique job + slot) runs it, everyone else skips. A run cut
 * off by a crash is not repeated for its slot; the next slot's run catches up (each job looks at
 * what is due, not at what happened in the last hour).
 */
export async function runOnce(job: string, slot: string, work: () => Promise<unknown>): Promise<"ran" | "skipped" | "failed"> {
  let runId: string;
  try {
    runId = (await prisma.jobRun.create({ data: { job, slot, holder }, select: { id: true } })).id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "skipped";
    throw error;
  }
  try {
    await work();
    await prisma.jobRun.update({ where: { id: runId }, data: { finishedAt: new Date() } });
    return "ran";
  } catch (error) {
    console.error(`job ${job} failed`, error);
    await prisma.jobRun.update({ where: { id: runId }, data: { finishedAt: new Date(), error: error instanceof Error ? error.message.slice(0, 500) : String(error) } }).catch(() => {});
    return "failed";
  }
}

/** Every hourly job for the current hour, each once across processes and servers. */
export async function runHourlyJobs(now = new Date(), every = HOUR) {
  const slot = slotOf(now, every);
  const results: Record<string, string> = {};
  for (const [job, work] of Object.entries(HOURLY_JOBS)) results[job] = await runOnce(job, slot, work);
  // runs older than 30 days say nothing any more
  await prisma.jobRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - 30 * 24 * HOUR) } } });
  return results;
}

/**
 * Hourly: pre-learning reminders for academies whose session 1 is at most three days away
 * (each academy once; see ReminderLog), deliverable reminders a day before a team's due date,
 * announcements of materials just released, and the sweep of stored files nothing references.
 * Every process starts the timer (JOBS_EVERY_MS, default an hour; the arrangement test uses
 * seconds); runOnce makes each job run once per slot. The mail sender delivers the outbox.
 * Off under tests and when JOBS=off.
 */
export function startBackgroundJobs() {
  if (state.__damJobs || !env().jobsOn) return;
  startMailSender();
  const every = env().jobsEveryMs;
  const run = () => void runHourlyJobs(new Date(), every).catch((error: unknown) => console.error("background jobs failed", error));
  state.__damJobs = setInterval(run, every);
  state.__damJobs.unref();
  setTimeout(run, Math.min(10_000, every)).unref();
}
