/**
 * Let other requests run. SQLite's driver answers synchronously, so a long chain of statements
 * (a roster import) never gives the event loop back unless it is asked to: call this between
 * slices of a long job.
 */
export const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));
