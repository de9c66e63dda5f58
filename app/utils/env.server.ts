import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Configuration comes from the real environment, with defaults that let a fresh clone
// run. Secrets missing in development are generated once into the git-ignored data folder.

export const DATA_DIR = path.resolve(process.env.DATA_DIR ?? "data");

function generatedSecret(name: string): string {
  const file = path.join(DATA_DIR, `.${name}`);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const secret = crypto.randomBytes(32).toString("hex");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

function readEnv() {
  const isProduction = process.env.NODE_ENV === "production";
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return {
    isProduction,
    databaseUrl: process.env.DATABASE_URL ?? `file:${path.join(DATA_DIR, "app.db")}`,
    sessionSecret: process.env.SESSION_SECRET ?? generatedSecret("session-secret"),
    /**
     * Secure cookies whenever the app is served over HTTPS (APP_URL). A Secure cookie over plain
     * HTTP on an intranet address would silently break sign-in.
     */
    cookieSecure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : appUrl.startsWith("https://"),
    appUrl,
    smtpUrl: process.env.SMTP_URL ?? "",
    /** Stored files (materials, deliverables) and their temporary uploads. */
    filesDir: path.resolve(process.env.FILES_DIR ?? path.join(DATA_DIR, "files")),
    /** Where mail goes without SMTP: one .eml file per message, readable by the server's operator. */
    mailDropDir: path.resolve(process.env.MAIL_DROP_DIR ?? path.join(DATA_DIR, "mail-drop")),
    /** Largest file a team may attach to a deliverable (DELIVERABLE_MAX_FILE_MB, default 50). */
    deliverableMaxFileBytes: Math.max(1, Number(process.env.DELIVERABLE_MAX_FILE_MB ?? "50") || 50) * 1024 * 1024,
    /** The largest request body an upload may send (server.mjs refuses larger ones up front). */
    uploadMaxBodyBytes: Math.max(60, (Number(process.env.DELIVERABLE_MAX_FILE_MB) || 50) + 10) * 1024 * 1024,
    mailFrom: process.env.MAIL_FROM ?? "Data Academy Manager <no-reply@localhost>",
    /** The issuing body on completion certificates when an academy names none. */
    certificateIssuer: process.env.CERTIFICATE_ISSUER ?? "",
  };
}

let cached: ReturnType<typeof readEnv> | undefined;

export function env() {
  cached ??= readEnv();
  return cached;
}
