import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// Configuration comes from the real environment, checked by one schema when the server starts
// (entry.server.tsx's startup, which server.mjs calls before it serves): a wrong or missing value stops the start with
// a message naming the variable, what is wrong and an example. Defaults let a fresh clone run;
// secrets missing on one machine are generated once into the git-ignored data folder (every
// process of the machine reads the same file). With SERVERS=several (several app servers on one
// PostgreSQL, decision 0017) nothing can be generated per machine: the secret, the shared file
// storage and the address are required.

export const DATA_DIR = path.resolve(process.env.DATA_DIR ?? "data");

/** A secret generated once per data folder; created atomically so concurrent processes agree. */
function generatedSecret(name: string): string {
  const file = path.join(DATA_DIR, `.${name}`);
  try {
    const known = fs.readFileSync(file, "utf8").trim();
    if (known) return known;
  } catch {
    // not there yet
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(tmp, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  try {
    // link fails when another process was first: then its secret is the one
    fs.linkSync(tmp, file);
  } catch {
    // keep theirs
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const flag = (name: string, example: string) =>
  z.enum(["true", "false"], { message: `${name} must be "true" or "false" (e.g. ${name}=${example})` }).optional();
const positiveInt = (name: string, example: string) =>
  z
    .string()
    .regex(/^0*[1-9]\d*$/, `${name} must be a whole number more than 0 (e.g. ${name}=${example})`)
    .optional();
const url = (name: string, example: string, protocols: string[]) =>
  z
    .string()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `${name} must be a ${protocols.join(" or ")} address (e.g. ${name}=${example})`)
    .optional();

/** Every setting the app reads, with the message given when it is wrong. */
const SettingsObject = z.object({
    NODE_ENV: z.string().optional(),
    PORT: positiveInt("PORT", "3000"),
    DATA_DIR: z.string().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (e.g. DATABASE_URL=postgresql://dam@db.example.lg.jp:5432/dam)')
      .optional(),
    DATABASE_POOL_SIZE: positiveInt("DATABASE_POOL_SIZE", "10"),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)").optional(),
    APP_URL: url("APP_URL", "https://academy.example.lg.jp", ["http:", "https:"]),
    COOKIE_SECURE: flag("COOKIE_SECURE", "true"),
    SMTP_URL: url("SMTP_URL", "smtp://mail.example.lg.jp:25", ["smtp:", "smtps:"]),
    MAIL_FROM: z.string().min(3, "MAIL_FROM must name a sender (e.g. MAIL_FROM=\"Data Academy <academy@example.lg.jp>\")").optional(),
    FILES_DIR: z.string().optional(),
    MAIL_DROP_DIR: z.string().optional(),
    DELIVERABLE_MAX_FILE_MB: positiveInt("DELIVERABLE_MAX_FILE_MB", "50"),
    CERTIFICATE_ISSUER: z.string().optional(),
    UPLOAD_TMP_DIR: z.string().optional(),
    TRUST_PROXY: z.string().optional(),
    JOBS: z.enum(["on", "off"], { message: 'JOBS must be "on" or "off" (e.g. JOBS=off on a server that should not send reminders)' }).optional(),
    JOBS_EVERY_MS: positiveInt("JOBS_EVERY_MS", "3600000"),
    WEB_CONCURRENCY: positiveInt("WEB_CONCURRENCY", "2"),
    SERVERS: z.enum(["one", "several"], { message: 'SERVERS must be "one" or "several" (e.g. SERVERS=several behind a load balancer)' }).optional(),
    FILES_STORAGE: z.enum(["directory", "s3"], { message: 'FILES_STORAGE must be "directory" or "s3" (e.g. FILES_STORAGE=s3 with S3_BUCKET)' }).optional(),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a bucket name (e.g. S3_BUCKET=data-academy-files)").optional(),
    S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'S3_PREFIX must be empty or end with "/" (e.g. S3_PREFIX=production/)').optional(),
    S3_ENDPOINT: url("S3_ENDPOINT", "https://s3.example.lg.jp", ["http:", "https:"]),
    S3_REGION: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: flag("S3_FORCE_PATH_STYLE", "true"),
    // read by the launcher (server.mjs, scripts/start.mjs, scripts/wait-for-db.mjs) before or
    // beside the app; checked here with the rest
    HOST: z.string().min(1).optional(),
    SEED_DEMO: flag("SEED_DEMO", "false"),
    WORKER_HEAP: z.string().regex(/^(\s*--[a-z-]+(=\S+)?)*\s*$/, 'WORKER_HEAP must be V8 flags or empty (e.g. WORKER_HEAP="--max-old-space-size=128")').optional(),
    MALLOC_ARENA_MAX: positiveInt("MALLOC_ARENA_MAX", "2"),
    DRAIN_MS: positiveInt("DRAIN_MS", "8000"),
    WAIT_FOR_DB_SECONDS: positiveInt("WAIT_FOR_DB_SECONDS", "120"),
    REBUILD: flag("REBUILD", "true"),
    // for developers: measuring and tracing (README, "Measuring")
    DAM_COUNT_SQL: z.enum(["1", "0"], { message: 'DAM_COUNT_SQL must be "1" or "0" (e.g. DAM_COUNT_SQL=1 to count SQL statements)' }).optional(),
    DAM_SQL_LOG: z.string().optional(),
    DAM_SQL_SLOW_MS: positiveInt("DAM_SQL_SLOW_MS", "2"),
    DAM_READ_CACHE: z.enum(["on", "off"], { message: 'DAM_READ_CACHE must be "on" or "off" (e.g. DAM_READ_CACHE=off to count every page afresh)' }).optional(),
    DAM_CHANGE_BUS: z.enum(["on", "off"], { message: 'DAM_CHANGE_BUS must be "on" or "off"' }).optional(),
    // set by the app's own programs, never by people
    DAM_WORKER: z.enum(["1"]).optional(),
    DAM_SEED_FINGERPRINT: z.string().optional(),
    VITEST: z.string().optional(),
});

/** Settings the app's own programs set for their children (not documented for operators). */
export const INTERNAL_SETTINGS = ["NODE_ENV", "DAM_WORKER", "DAM_SEED_FINGERPRINT", "VITEST"] as const;
/** Every variable the settings schema knows. */
export const SETTING_NAMES = Object.keys(SettingsObject.shape);

export const SettingsSchema = SettingsObject.superRefine((s, ctx) => {
    if (s.FILES_STORAGE === "s3" && !s.S3_BUCKET) ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "FILES_STORAGE=s3 needs S3_BUCKET (e.g. S3_BUCKET=data-academy-files)" });
    if (s.SERVERS !== "several") return;
    const need = (key: keyof typeof s, message: string) => {
      if (!s[key]) ctx.addIssue({ code: "custom", path: [key], message });
    };
    if (s.DATABASE_URL && !/^postgres(ql)?:\/\//.test(s.DATABASE_URL)) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "SERVERS=several needs PostgreSQL: DATABASE_URL=postgresql://… (every server on the same database)" });
    }
    need("DATABASE_URL", "SERVERS=several needs DATABASE_URL=postgresql://… (every server on the same database)");
    need("SESSION_SECRET", "SERVERS=several needs SESSION_SECRET, the same on every server (e.g. the output of `openssl rand -hex 32`)");
    if (s.FILES_STORAGE !== "s3") need("FILES_DIR", "SERVERS=several needs FILES_DIR on storage every server shares (e.g. FILES_DIR=/srv/dam-files on NFS), or FILES_STORAGE=s3");
    need("APP_URL", "SERVERS=several needs APP_URL, the address people use (e.g. APP_URL=https://academy.example.lg.jp)");
  });

export type Settings = z.infer<typeof SettingsSchema>;

/** The problems with the environment's settings, one plain sentence each (empty: all is well). */
export function settingsProblems(source: Record<string, string | undefined> = process.env): string[] {
  const given = Object.fromEntries(Object.keys(SettingsObject.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]));
  const parsed = SettingsSchema.safeParse(given);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

/** Called once at start: stop with every problem listed rather than fail later in a strange way. */
export function checkSettings(source: Record<string, string | undefined> = process.env) {
  const problems = settingsProblems(source);
  if (problems.length > 0) throw new Error(`The settings are not usable:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  env();
}

function readEnv() {
  let generated: string | undefined;
  const isProduction = process.env.NODE_ENV === "production";
  const appUrl = process.env.APP_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  return {
    isProduction,
    servers: process.env.SERVERS === "several" ? ("several" as const) : ("one" as const),
    databaseUrl: process.env.DATABASE_URL || `file:${path.join(DATA_DIR, "app.db")}`,
    /** Generated on first use only: a script that never signs anything writes no secret. */
    get sessionSecret() {
      generated ??= process.env.SESSION_SECRET || generatedSecret("session-secret");
      return generated;
    },
    /**
     * Secure cookies whenever the app is served over HTTPS (APP_URL). A Secure cookie over plain
     * HTTP on an intranet address would silently break sign-in.
     */
    cookieSecure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : appUrl.startsWith("https://"),
    appUrl,
    smtpUrl: process.env.SMTP_URL ?? "",
    /** Stored files (materials, deliverables) in a folder (FILES_STORAGE=directory, the default). */
    filesDir: path.resolve(process.env.FILES_DIR || path.join(DATA_DIR, "files")),
    /** Stored files in S3-compatible object storage (FILES_STORAGE=s3). */
    s3:
      process.env.FILES_STORAGE === "s3"
        ? {
            bucket: process.env.S3_BUCKET ?? "",
            prefix: process.env.S3_PREFIX ?? "",
            endpoint: process.env.S3_ENDPOINT || undefined,
            region: process.env.S3_REGION || "us-east-1",
            accessKeyId: process.env.S3_ACCESS_KEY_ID || undefined,
            secretAccessKey: process.env.S3_SECRET_ACCESS_KEY || undefined,
            forcePathStyle: process.env.S3_FORCE_PATH_STYLE === "true",
          }
        : null,
    /** This server's uploads in progress (local; each lives for one request). */
    uploadTmpDir: path.resolve(process.env.UPLOAD_TMP_DIR || path.join(DATA_DIR, "uploads-tmp")),
    /** Where mail goes without SMTP: one .eml file per message, readable by the server's operator. */
    mailDropDir: path.resolve(process.env.MAIL_DROP_DIR || path.join(DATA_DIR, "mail-drop")),
    /** Largest file a team may attach to a deliverable (DELIVERABLE_MAX_FILE_MB, default 50). */
    deliverableMaxFileBytes: Math.max(1, Number(process.env.DELIVERABLE_MAX_FILE_MB ?? "50") || 50) * 1024 * 1024,
    /** The largest request body an upload may send (server.mjs refuses larger ones up front). */
    uploadMaxBodyBytes: Math.max(60, (Number(process.env.DELIVERABLE_MAX_FILE_MB) || 50) + 10) * 1024 * 1024,
    mailFrom: process.env.MAIL_FROM || "Data Academy Manager <no-reply@localhost>",
    /** The issuing body on completion certificates when an academy names none. */
    certificateIssuer: process.env.CERTIFICATE_ISSUER ?? "",
    /** PostgreSQL connections per process (DATABASE_POOL_SIZE). */
    databasePoolSize: Math.max(1, Number(process.env.DATABASE_POOL_SIZE ?? "10") || 10),
    /** Under the unit tests (vitest): no timers, no change bus unless a test asks for it. */
    underTest: Boolean(process.env.VITEST),
    /** The hourly jobs and the mail sender (JOBS=off stops both; never under the unit tests). */
    jobsOn: !process.env.VITEST && process.env.JOBS !== "off",
    jobsEveryMs: Math.max(1_000, Number(process.env.JOBS_EVERY_MS ?? 3_600_000) || 3_600_000),
    /** Whether the change bus runs (under the unit tests only when DAM_CHANGE_BUS=on). */
    changeBusOn: !process.env.VITEST || process.env.DAM_CHANGE_BUS === "on",
    /** One of server.mjs's worker processes (its primary relays changes between them). */
    isWorker: process.env.DAM_WORKER === "1",
    /** Count SQL statements (the benchmark and the query-budget test). */
    countSql: process.env.DAM_COUNT_SQL === "1",
    /** Append every statement to this file (DAM_SQL_LOG). */
    sqlLogFile: process.env.DAM_SQL_LOG ?? "",
    /** Print statements slower than this many ms (DAM_SQL_SLOW_MS; 0: off). */
    sqlSlowMs: Number(process.env.DAM_SQL_SLOW_MS ?? "") || 0,
    /** Keep computed figures (read-cache.server.ts); DAM_READ_CACHE=off counts every page afresh. */
    readCacheOn: process.env.DAM_READ_CACHE !== "off",
  };
}

let cached: ReturnType<typeof readEnv> | undefined;

export function env() {
  cached ??= readEnv();
  return cached;
}
