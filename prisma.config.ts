import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { pgAdapterForCli } from "./prisma/pg-cli-adapter";

// With engine "js" the CLI needs no native engine. If the schema fails to parse the CLI
// would fall back to downloading one and report ENOTFOUND instead of the real error;
// pointing these at any existing file keeps the real error visible.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("prisma.config.ts");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma.config.ts");

// prisma.config.ts disables .env loading: the real environment, with the app's default.
// A postgresql:// URL selects PostgreSQL: its derived schema and its own migration history
// (decision 0016); anything else is the embedded SQLite file.
const url = process.env.DATABASE_URL ?? "file:./data/app.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (postgres ? pgAdapterForCli(url) : new PrismaBetterSQLite3({ url })),
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
});
