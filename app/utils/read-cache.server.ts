// Programme-wide figures that are costly to count (a fiscal year's charts, the progress of every
// team of a year, the KPI report) are kept until one of the tables they read is written, and at
// most a minute (states that change with the clock: overdue, held). Every write the app makes
// is told to `noteWrite` by the data layer (db.server.ts: the model operation and the relations it
// writes through nested data; a delete, the tables its foreign keys cascade to as the schema
// declares them, cascades.server.ts); a raw write and a rollback count as a write to every table; a commit marks again what the transaction wrote. Who may see a figure is decided per
// request before asking for it, and the key names everything the figure depends on (for a
// person's view: the academies they may see), so a kept figure is never shown to someone it was
// not counted for. Each process holds its own; what another process or server writes arrives
// through the change bus (change-bus.server.ts) and is forgotten here as if written here; a write
// the bus cannot tell of (a restore into the same SQLite file) is seen after at most the age
// limit. See docs/decisions/0015-per-request-cost.md and 0017-several-processes-and-servers.md.
import { onChange, publish } from "./change-bus.server";
import { env } from "~/utils/env.server";

const tableGenerations = new Map<string, number>();
let everything = 0;
/** Every write is numbered; a table remembers the number of its latest write. */
let writeNumber = 0;
const lastWrite = new Map<string, number>();
let lastWriteToEverything = 0;

/** The data layer (db.server.ts) tells which tables an operation writes, before and after it runs. */
export function noteWrite(tables: readonly string[]) {
  markWritten(tables);
  if (tables.length > 0) publish({ kind: "write", tables: [...tables] });
}

function markWritten(tables: readonly string[]) {
  writeNumber++;
  for (const table of tables) {
    tableGenerations.set(table, (tableGenerations.get(table) ?? 0) + 1);
    lastWrite.set(table, writeNumber);
  }
}

/** A write whose reach is not known (a delete that may cascade, a raw write): every table. */
export function noteWriteToEverything() {
  markWrittenEverything();
  publish({ kind: "write", tables: "everything" });
}

function markWrittenEverything() {
  writeNumber++;
  lastWriteToEverything = writeNumber;
  everything++;
}

// Writes made by other processes and servers (their transactions have committed when told).
onChange((change, fromHere) => {
  if (fromHere) return;
  if (change.kind === "resync") markWrittenEverything();
  else if (change.kind === "write") {
    if (change.tables === "everything") markWrittenEverything();
    else markWritten(change.tables);
  }
});

/** A transaction starts: the number to pass to noteTransactionEnd. */
export function noteTransactionStart() {
  return writeNumber;
}

/**
 * A transaction committed: what it wrote becomes visible to other connections only now, so the
 * tables written since it started are marked again (a figure counted meanwhile saw the old rows).
 * Writes of other transactions in that time are marked too: more forgetting, never less.
 */
export function noteTransactionEnd(startedAt: number | undefined) {
  if (startedAt === undefined || startedAt === writeNumber) return;
  if (lastWriteToEverything > startedAt) {
    noteWriteToEverything();
    return;
  }
  noteWrite([...lastWrite].filter(([, n]) => n > startedAt).map(([table]) => table));
}

/** Forget every kept figure (a rolled-back transaction; the benchmark's "after a write" rows). */
export function forgetKeptReads() {
  everything++;
}
// the benchmark's server (server.mjs with DAM_COUNT_SQL=1) reaches it from outside the build
if (env().countSql) (globalThis as { __damForgetKeptReads?: () => void }).__damForgetKeptReads = forgetKeptReads;

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

const disabled = () => !env().readCacheOn;

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
