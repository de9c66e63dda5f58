import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "~/generated/prisma-pg/client";

// Which database a URL names, and a Prisma client for it (decision 0016). The embedded SQLite
// file is the default; a postgresql:// URL selects PostgreSQL. Both generated clients come from
// one schema source (prisma/schema.prisma; the PostgreSQL one is derived by
// scripts/schema-providers.mjs), so their model types are the same: the app is typed against
// the SQLite one. Scripts (seeds, backup, copy) and the app's one client all start here.

export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** A driver adapter factory for the URL (the app wraps it to observe statements). */
export function adapterFor(url: string, poolSize = 10) {
  if (providerOf(url) === "postgresql") {
    // One pool per process; DATABASE_POOL_SIZE connections at most (PostgreSQL's default
    // max_connections is 100: servers × workers × pool must stay below it).
    return new PrismaPg({ connectionString: url, max: poolSize });
  }
  return new PrismaBetterSQLite3({ url });
}

type Adapter = ReturnType<typeof adapterFor>;

/** A Prisma client on `url`, optionally through an adapter the caller has wrapped. */
export function createPrismaClient(url: string, adapter: Adapter = adapterFor(url)): PrismaClient {
  if (providerOf(url) === "postgresql") {
    // Same models, same runtime (Prisma.sql, errors): only the provider's query compiler differs.
    return new PgPrismaClient({ adapter: adapter as PrismaPg }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: adapter as PrismaBetterSQLite3 });
}
