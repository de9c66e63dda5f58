import fs from "node:fs";
import path from "node:path";

// Reads what the mail-drop transport delivered: the .eml files only the server's operator can
// read (the in-app outbox shows no sign-in links). Used to follow invitation and reset links.

export interface DroppedMail {
  to: string;
  subject: string;
  text: string;
  file: string;
}

function decodeWord(value: string) {
  return value.replace(/=\?utf-8\?B\?([^?]*)\?=\s*/gi, (_m, b64: string) => Buffer.from(b64, "base64").toString("utf8")).trim();
}

export function parseEml(raw: string): Omit<DroppedMail, "file"> {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  const body = rest.join("\n\n");
  const text = headers.get("content-transfer-encoding")?.toLowerCase() === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : body;
  return { to: headers.get("to") ?? "", subject: decodeWord(headers.get("subject") ?? ""), text };
}

/** Mail in a mail-drop folder (default: the one this test process's app writes to). */
export function droppedMail(dir = process.env.MAIL_DROP_DIR ?? "", to?: string): DroppedMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml") && !f.startsWith("."))
    .sort()
    .map((f) => ({ ...parseEml(fs.readFileSync(path.join(dir, f), "utf8")), file: f }))
    .filter((m) => !to || m.to.toLowerCase().includes(to.toLowerCase()));
}

/** The newest message to `to`, or throws. */
export function lastMailTo(to: string, dir = process.env.MAIL_DROP_DIR ?? ""): DroppedMail {
  const found = droppedMail(dir, to).at(-1);
  if (!found) throw new Error(`no mail to ${to} in ${dir}`);
  return found;
}

export function linkIn(text: string, pathPart: string) {
  return text.match(new RegExp(`https?://\\S+/${pathPart}/\\S+`))?.[0] ?? null;
}
