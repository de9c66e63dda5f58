import { sendDueReminders } from "~/modules/material/prelearning.server";

const HOUR = 60 * 60 * 1000;
const state = globalThis as unknown as { __damJobs?: NodeJS.Timeout };

/**
 * Hourly: pre-learning reminders for academies whose session 1 is at most three days away
 * (each academy once; see ReminderLog). Off under tests and when JOBS=off.
 */
export function startBackgroundJobs() {
  if (state.__damJobs || process.env.VITEST || process.env.JOBS === "off") return;
  const run = () => {
    sendDueReminders().catch((error: unknown) => console.error("reminder job failed", error));
  };
  state.__damJobs = setInterval(run, HOUR);
  state.__damJobs.unref();
  setTimeout(run, 10_000).unref();
}
