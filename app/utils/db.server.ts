import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { forgetKeptReads, noteStatement } from "./read-cache.server";

// The one Prisma client. Kept on globalThis so Vite's dev reloads do not open a new
// connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; __damSqlStatements?: number };

/**
 * Every statement sent to SQLite passes here (the driver adapter is wrapped, transactions
 * included): it tells the read cache which tables were written (read-cache.server.ts), and with
 * DAM_COUNT_SQL=1 (the benchmark and the query-budget test) it is counted.
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
          noteStatement(sql);
          if (!count) return call.apply(object, args);
          globalForPrisma.__damSqlStatements = (globalForPrisma.__damSqlStatements ?? 0) + 1;
          // DAM_SQL_LOG=<file> appends every statement with its arguments (to replay and time them one by one)
          if (process.env.DAM_SQL_LOG) fs.appendFileSync(process.env.DAM_SQL_LOG, `${JSON.stringify(args[0])}\n`);
          const started = performance.now();
          const result = await call.apply(object, args);
          // DAM_SQL_SLOW_MS=2 prints every statement slower than that (finding the costly ones).
          const slow = Number(process.env.DAM_SQL_SLOW_MS ?? "");
          const ms = performance.now() - started;
          if (slow && ms >= slow) process.stderr.write(`[sql ${ms.toFixed(1)} ms] ${sql.slice(0, 300)}\n`);
          return result;
        };
      }
      if (property === "connect" || property === "startTransaction") {
        return async (...args: unknown[]) => observing((await (value as (...a: unknown[]) => Promise<object>).apply(object, args)) as object, count);
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
    const statement = statementFor(sql);
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

function reusingStatements(factory: PrismaBetterSQLite3) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client?: Connection }).client;
    if (connection && typeof connection.prepare === "function") keepPreparedStatements(connection);
    return adapter;
  };
  return factory;
}

function createClient() {
  const adapter = reusingStatements(new PrismaBetterSQLite3({ url: env().databaseUrl }));
  return new PrismaClient({ adapter: observing(adapter, process.env.DAM_COUNT_SQL === "1") });
}

export const prisma: PrismaClient = (globalForPrisma.prisma ??= createClient());

export { Prisma } from "~/generated/prisma/client";
