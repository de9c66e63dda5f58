// Programme-wide figures that are costly to count (a fiscal year's charts, the progress of every
// team of a year, the KPI report) are kept until one of the tables they read is written, and at
// most a minute (states that change with the clock: overdue, held). Every statement the app sends
// passes `noteStatement` (db.server.ts), which tells which table it writes: INSERT and UPDATE name
// their table; DELETE (foreign keys cascade to other tables), ROLLBACK, schema changes and
// anything unrecognised count as a write to every table. Who may see a figure is decided per
// request before asking for it, and the key names everything the figure depends on (for a
// person's view: the academies they may see), so a kept figure is never shown to someone it was
// not counted for. One process holds its own; a second process writing the same SQLite file
// (a restore) is seen after at most the age limit. See docs/decisions/0015-per-request-cost.md.

const tableGenerations = new Map<string, number>();
let everything = 0;

const WRITE = /^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?)\s+(?:[`"]?main[`"]?\.)?[`"]?([A-Za-z_][\w]*)[`"]?/i;
const READ = /^\s*(?:SELECT|BEGIN|COMMIT|SAVEPOINT|RELEASE|PRAGMA\s+\w+\s*(?:;|$)|EXPLAIN)\b/i;
const WITH_WRITE = /\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** Called with every statement sent to the database; remembers which tables changed. */
export function noteStatement(sql: string) {
  const write = WRITE.exec(sql);
  if (write) {
    const table = write[1]!;
    tableGenerations.set(table, (tableGenerations.get(table) ?? 0) + 1);
    return;
  }
  if (READ.test(sql)) return;
  if (/^\s*WITH\b/i.test(sql) && !WITH_WRITE.test(sql)) return;
  everything++;
}

/** Forget every kept figure (a rolled-back transaction; the benchmark's "after a write" rows). */
export function forgetKeptReads() {
  everything++;
}
// the benchmark's server (server.mjs with DAM_COUNT_SQL=1) reaches it from outside the build
if (process.env.DAM_COUNT_SQL === "1") (globalThis as { __damForgetKeptReads?: () => void }).__damForgetKeptReads = forgetKeptReads;

function generationOf(tables: readonly string[]) {
  let sum = everything;
  for (const table of tables) sum += tableGenerations.get(table) ?? 0;
  return sum;
}

interface Kept {
  generation: number;
  at: number;
  value: Promise<unknown>;
}

const kept = new Map<string, Kept>();
const MAX_KEPT = 500;
export const KEPT_AT_MOST_MS = 60_000;

const disabled = () => process.env.DAM_READ_CACHE === "off";

/**
 * The value of `compute`, kept under `key` while none of `tables` is written and for at most
 * `maxAgeMs`. Requests arriving while it is being computed share the one computation. Callers
 * must not change what they get: it is shared.
 */
export function keptRead<T>(key: string, tables: readonly string[], compute: () => Promise<T>, maxAgeMs = KEPT_AT_MOST_MS): Promise<T> {
  if (disabled()) return compute();
  const generation = generationOf(tables);
  const now = Date.now();
  const known = kept.get(key);
  if (known && known.generation === generation && now - known.at < maxAgeMs) return known.value as Promise<T>;
  const value = compute();
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(key, { generation, at: now, value });
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}
