import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

// The one Prisma client. Kept on globalThis so Vite's dev reloads do not open a new
// connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const adapter = new PrismaBetterSQLite3({ url: env().databaseUrl });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = (globalForPrisma.prisma ??= createClient());

export type { Prisma } from "~/generated/prisma/client";
