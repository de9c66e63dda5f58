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
        return (...args: unknown[]) => {
          globalForPrisma.__damSqlStatements = (globalForPrisma.__damSqlStatements ?? 0) + 1;
          return (value as (...a: unknown[]) => unknown).apply(object, args);
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

export type { Prisma } from "~/generated/prisma/client";
