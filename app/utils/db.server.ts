import fs from "node:fs";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaClient } from "~/generated/prisma/client";
import { adapterFor, createPrismaClient, providerOf } from "./db-client.server";
import { env } from "./env.server";
import { tablesADeleteWrites } from "./cascades.server";
import { forgetKeptReads, noteTransactionEnd, noteTransactionStart, noteWrite, noteWriteToEverything } from "./read-cache.server";

// The one Prisma client. Kept on globalThis so Vite's dev reloads do not open a new
// connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; longWriter?: PrismaClient; __damSqlStatements?: number };

/**
 * Every statement sent to the database passes here (the driver adapter is wrapped, transactions
 * included): with DAM_COUNT_SQL=1 (the benchmark and the query-budget test) it is counted; a
 * transaction's start, commit and rollback are told to the read cache (which tables were written
 * is told by the client extension below, from the operation, not from SQL text).
 */
function observing<T extends object>(target: T, count: boolean): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw" || property === "executeScript") {
        const call = value as (...a: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          const sql = property === "executeScript" ? "-- script" : String((args[0] as { sql?: string })?.sql ?? "");
          if (!count) return call.apply(object, args);
          globalForPrisma.__damSqlStatements = (globalForPrisma.__damSqlStatements ?? 0) + 1;
          // DAM_SQL_LOG=<file> appends every statement with its arguments (to replay and time them one by one)
          if (env().sqlLogFile) fs.appendFileSync(env().sqlLogFile, `${JSON.stringify(args[0])}\n`);
          const started = performance.now();
          const result = await call.apply(object, args);
          // DAM_SQL_SLOW_MS=2 prints every statement slower than that (finding the costly ones).
          const slow = env().sqlSlowMs;
          const ms = performance.now() - started;
          if (slow && ms >= slow) process.stderr.write(`[sql ${ms.toFixed(1)} ms] ${sql.slice(0, 300)}\n`);
          return result;
        };
      }
      if (property === "connect") {
        return async (...args: unknown[]) => observing((await (value as (...a: unknown[]) => Promise<object>).apply(object, args)) as object, count);
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => {
          const transaction = observing((await (value as (...a: unknown[]) => Promise<object>).apply(object, args)) as object, count);
          transactionStarts.set(transaction, noteTransactionStart());
          return transaction;
        };
      }
      if (property === "commit") {
        // what the transaction wrote is visible to others only now: figures counted meanwhile
        // from the old rows are forgotten again
        return async (...args: unknown[]) => {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          noteTransactionEnd(transactionStarts.get(receiver as object));
          return result;
        };
      }
      if (property === "rollback") {
        // what the transaction wrote is gone again: figures read meanwhile may have seen it
        return (...args: unknown[]) => {
          forgetKeptReads();
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

const transactionStarts = new WeakMap<object, number>();

/** Statements sent since the process started (0 unless DAM_COUNT_SQL=1). */
export function sqlStatementCount() {
  return globalForPrisma.__damSqlStatements ?? 0;
}

interface Statement {
  reader: boolean;
  columns(): unknown[];
  raw(toggle?: boolean): Statement;
  all(...args: unknown[]): unknown[];
  run(...args: unknown[]): unknown;
}
interface Connection {
  prepare(sql: string): Statement;
}

const KEPT_STATEMENTS = 1000;

/**
 * The adapter prepares every statement again on each call (`client.prepare(sql).bind(args)`),
 * which cost ~0.25 ms per statement — 5 ms of the coordinator dashboard (issue 8 profile).
 * Statements are kept per SQL text (the last 1,000) and bound on each use instead; SQLite
 * re-prepares a kept statement by itself when the schema changes. See decision 0015.
 */
export function keepPreparedStatements(connection: Connection) {
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, Statement>();
  const statementFor = (sql: string) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      kept.set(sql, statement);
    }
    return statement;
  };
  connection.prepare = (sql: string) => {
    // Several processes share the file (server.mjs's workers): a transaction that reads and then
    // writes must hold the write lock from its start, or a write made by another process in
    // between makes its first write fail (SQLITE_BUSY_SNAPSHOT) instead of waiting. BEGIN
    // IMMEDIATE waits for the lock (busy timeout) and then sees every earlier change (0017).
    const statement = statementFor(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    // what the adapter uses of a statement: reader, run(), and bind(args) → reader, columns(), raw().all(), run()
    return {
      reader: statement.reader,
      run: () => statement.run(),
      bind: (args: unknown[]) => ({
        reader: statement.reader,
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(args) }),
        run: () => statement.run(args),
      }),
    } as unknown as Statement;
  };
}

function reusingStatements<T>(factory: T): T {
  if (!(factory as { connect?: unknown }).connect || (factory as { provider?: string }).provider !== "sqlite") return factory;
  const sqlite = factory as unknown as PrismaBetterSQLite3;
  const connect = sqlite.connect.bind(sqlite);
  sqlite.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client?: Connection }).client;
    if (connection && typeof connection.prepare === "function") keepPreparedStatements(connection);
    return adapter;
  };
  return factory;
}

type RuntimeModels = Record<string, { fields: { name: string; kind: string; type: string }[] }>;

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert"]);
const DELETES = new Set(["delete", "deleteMany"]);

/**
 * The tables a model operation writes: its own, and those of relations written through nested
 * data (`members: { create: … }`). A delete writes what its foreign keys cascade to, as the
 * schema declares them (cascades.server.ts). Raw statements that write ($executeRaw) count as a
 * write to every table.
 */
export function tablesWritten(models: RuntimeModels, model: string, operation: string, args: unknown): string[] | "everything" | null {
  if (DELETES.has(operation)) {
    const reach = tablesADeleteWrites(model);
    return reach === "everything" ? reach : [...reach];
  }
  if (!WRITES.has(operation)) return null;
  const tables = new Set<string>([model]);
  let everything = false;
  const nested = (modelName: string, data: unknown): void => {
    if (!data || typeof data !== "object") return;
    if (Array.isArray(data)) {
      for (const item of data) nested(modelName, item);
      return;
    }
    const relations = models[modelName]?.fields ?? [];
    for (const [key, value] of Object.entries(data)) {
      const relation = relations.find((f) => f.name === key && f.kind === "object");
      if (!relation || !value || typeof value !== "object") continue;
      tables.add(relation.type);
      for (const [op, inner] of Object.entries(value)) {
        // a nested delete cascades like any other; `set` and `disconnect` write the related rows' keys
        if (op === "delete" || op === "deleteMany") {
          const reach = tablesADeleteWrites(relation.type);
          if (reach === "everything") everything = true;
          else for (const table of reach) tables.add(table);
        }
        else if (op === "upsert" || op === "connectOrCreate") {
          for (const item of Array.isArray(inner) ? inner : [inner]) {
            nested(relation.type, (item as { create?: unknown })?.create);
            nested(relation.type, (item as { update?: unknown })?.update);
          }
        } else if (op === "update" || op === "updateMany") {
          for (const item of Array.isArray(inner) ? inner : [inner]) nested(relation.type, (item as { data?: unknown })?.data ?? item);
        } else if (op === "create" || op === "createMany") nested(relation.type, op === "createMany" ? (inner as { data?: unknown })?.data : inner);
      }
    }
  };
  const a = (args ?? {}) as { data?: unknown; create?: unknown; update?: unknown };
  for (const data of [a.data, a.create, a.update]) nested(model, data);
  return everything ? "everything" : [...tables];
}

function createClient() {
  const url = env().databaseUrl;
  const adapter = observing(reusingStatements(adapterFor(url, env().databasePoolSize)), env().countSql);
  const client = createPrismaClient(url, adapter);
  const models = (client as unknown as { _runtimeDataModel: { models: RuntimeModels } })._runtimeDataModel.models;
  // Which tables a write touches is told to the read cache before and after it runs (a figure
  // counted while it ran may have seen the old rows), from the operation itself.
  const note = (written: ReturnType<typeof tablesWritten>) => {
    if (written === "everything") noteWriteToEverything();
    else if (written) noteWrite(written);
  };
  return client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const written = model ? tablesWritten(models, model, operation, args) : operation.startsWith("$executeRaw") ? "everything" : null;
        note(written);
        const result = await query(args);
        note(written);
        return result;
      },
    },
  }) as unknown as PrismaClient;
}

/** The database the app runs on (DATABASE_URL; the embedded SQLite file by default). */
export const databaseProvider = () => providerOf(env().databaseUrl);

export const prisma: PrismaClient = (globalForPrisma.prisma ??= createClient());

/**
 * The client for one long write (a 2,000-person roster import, seconds in one transaction). On
 * SQLite every request shares one connection, and an interactive transaction holds it until it
 * commits: every other request would wait for the import. On a second connection of its own the
 * others go on reading (WAL); only another write waits for the lock, as it would anyway. On
 * PostgreSQL the pool gives each transaction its own connection already: the same client.
 */
export function longWriter(): PrismaClient {
  if (databaseProvider() === "postgresql") return prisma;
  return (globalForPrisma.longWriter ??= createClient());
}

export { Prisma } from "~/generated/prisma/client";

/** The client or a transaction's client: what a function that may run inside a transaction takes. */
export type Db = import("~/generated/prisma/client").Prisma.TransactionClient | PrismaClient;

// The benchmark's "after a write" rows (server.mjs with DAM_COUNT_SQL=1 reaches it from outside
// the build): one attendance somewhere in the country recorded again (present ↔ late), as a
// facilitator does during a session — through the app's client, so every process is told.
if (env().countSql) {
  (globalThis as { __damBenchWrite?: () => Promise<void> }).__damBenchWrite = async () => {
    const count = await prisma.attendance.count();
    const row = await prisma.attendance.findFirst({ orderBy: { id: "asc" }, skip: Math.floor(Math.random() * count), select: { id: true, status: true } });
    if (row) await prisma.attendance.update({ where: { id: row.id }, data: { status: row.status === "present" ? "late" : "present" } });
  };
}
