import { sendDueReminders } from "~/modules/material/prelearning.server";
import { sweepOrphans } from "~/modules/files/stored-file.server";
import { announceReleases, sendDeliverableReminders } from "~/modules/notification/reminders.server";

const HOUR = 60 * 60 * 1000;
const state = globalThis as unknown as { __damJobs?: NodeJS.Timeout };

/**
 * Hourly: pre-learning reminders for academies whose session 1 is at most three days away
 * (each academy once; see ReminderLog), deliverable reminders a day before a team's due date,
 * announcements of materials just released, and the sweep of stored files nothing references.
 * Off under tests and when JOBS=off.
 */
export function startBackgroundJobs() {
  if (state.__damJobs || process.env.VITEST || process.env.JOBS === "off") return;
  const run = () => {
    sendDueReminders().catch((error: unknown) => console.error("reminder job failed", error));
    sendDeliverableReminders().catch((error: unknown) => console.error("deliverable reminder job failed", error));
    announceReleases().catch((error: unknown) => console.error("release announcement job failed", error));
    sweepOrphans().catch((error: unknown) => console.error("orphan sweep failed", error));
  };
  state.__damJobs = setInterval(run, HOUR);
  state.__damJobs.unref();
  setTimeout(run, 10_000).unref();
}
