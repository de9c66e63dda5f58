import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

// The one Prisma client. Kept on globalThis so Vite's dev reloads do not open a new
// connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; __damSqlStatements?: number };

/**
 * With DAM_COUNT_SQL=1 (the benchmark and the query-budget test) every statement sent to
 * SQLite is counted, transactions included, by wrapping the driver adapter. Off otherwise.
 */
function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw" || property === "executeScript") {
        return async (...args: unknown[]) => {
          globalForPrisma.__damSqlStatements = (globalForPrisma.__damSqlStatements ?? 0) + 1;
          const started = performance.now();
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          // DAM_SQL_SLOW_MS=2 prints every statement slower than that (finding the costly ones).
          const slow = Number(process.env.DAM_SQL_SLOW_MS ?? "");
          const ms = performance.now() - started;
          if (slow && ms >= slow) process.stderr.write(`[sql ${ms.toFixed(1)} ms] ${String((args[0] as { sql?: string })?.sql ?? "").slice(0, 300)}\n`);
          return result;
        };
      }
      if (property === "connect" || property === "startTransaction") {
        return async (...args: unknown[]) => counting((await (value as (...a: unknown[]) => Promise<object>).apply(object, args)) as object);
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

/** Statements sent since the process started (0 unless DAM_COUNT_SQL=1). */
export function sqlStatementCount() {
  return globalForPrisma.__damSqlStatements ?? 0;
}

function createClient() {
  const adapter = new PrismaBetterSQLite3({ url: env().databaseUrl });
  return new PrismaClient({ adapter: process.env.DAM_COUNT_SQL === "1" ? counting(adapter) : adapter });
}

export const prisma: PrismaClient = (globalForPrisma.prisma ??= createClient());

export { Prisma } from "~/generated/prisma/client";
