import crypto from "node:crypto";
import { storage } from "~/modules/files/storage.server";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { ensureEnrollment, findOrCreatePerson } from "~/modules/team/team.server";
import { queueInvitation } from "~/modules/account/invitation.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import type { AppLocale } from "~/utils/dates";
import type { RosterRow, RowError } from "./parse.server";

export interface PreviewRow extends RosterRow {
  person: "new" | "existing";
  team: "new" | "existing";
  alreadyMember: boolean;
}

/** A new team name that looks like a typo of an existing one (a space, one character). */
export interface SimilarTeam {
  name: string;
  existing: string;
}

/** Team names compared without spaces, width or case differences. */
export function teamNameKey(name: string) {
  return name.normalize("NFKC").toLowerCase().replace(/[\s\u3000・･]/g, "");
}

/** Levenshtein distance, stopping early above `max`. */
function distance(a: string, b: string, max: number) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The existing team a new name probably means, if any. */
export function similarTeamName(name: string, existing: string[]): string | null {
  const key = teamNameKey(name);
  for (const other of existing) {
    const otherKey = teamNameKey(other);
    if (otherKey === key || (key.length >= 3 && distance(key, otherKey, 1) <= 1)) return other;
  }
  return null;
}

/** Checks that need the database: the register, the academy's region, people already known. */
export async function checkRosterAgainstDb(academyId: string, rows: RosterRow[]) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: {
      region: { select: { members: { select: { municipalityCode: true, municipality: { select: { name: true } } } } } },
      teams: { select: { id: true, name: true } },
    },
  });
  const regionCodes = new Set(academy.region.members.map((m) => m.municipalityCode));
  const codeByName = new Map(academy.region.members.map((m) => [m.municipality.name, m.municipalityCode]));
  for (const row of rows) {
    if (!row.municipalityCode && row.municipalityName) row.municipalityCode = codeByName.get(row.municipalityName) ?? "";
  }
  const codes = [...new Set(rows.map((r) => r.municipalityCode))];
  const known = new Set((await prisma.municipality.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((m) => m.code));
  const users = await inChunks([...new Set(rows.map((r) => r.email))], (emails) => prisma.user.findMany({
    where: { email: { in: emails } },
    select: {
      id: true,
      email: true,
      displayName: true,
      enrollments: { where: { academyId }, select: { teamMemberships: { select: { teamId: true } } } },
    },
  }));
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const teamsByName = new Map(academy.teams.map((t) => [t.name, t.id]));

  const errors: RowError[] = [];
  const valid: PreviewRow[] = [];
  for (const row of rows) {
    if (!row.municipalityCode) {
      errors.push({ line: row.line, column: "municipalityName", error: "roster.error.unknownMunicipalityName", params: { name: row.municipalityName } });
      continue;
    }
    if (!known.has(row.municipalityCode)) {
      errors.push({ line: row.line, column: "municipalityCode", error: "roster.error.unknownMunicipality", params: { code: row.municipalityCode } });
      continue;
    }
    if (!regionCodes.has(row.municipalityCode)) {
      errors.push({ line: row.line, column: "municipalityCode", error: "roster.error.outsideRegion", params: { code: row.municipalityCode } });
      continue;
    }
    const user = byEmail.get(row.email);
    if (user && user.displayName !== row.displayName) {
      errors.push({ line: row.line, column: "email", error: "roster.error.emailRegistered", params: { other: user.displayName } });
      continue;
    }
    const teamId = teamsByName.get(row.teamName);
    valid.push({
      ...row,
      person: user ? "existing" : "new",
      team: teamId ? "existing" : "new",
      alreadyMember: Boolean(user && teamId && user.enrollments.some((e) => e.teamMemberships.some((m) => m.teamId === teamId))),
    });
  }
  // New team names that look like existing ones: the person decides before anything is written.
  const existingNames = academy.teams.map((t) => t.name);
  const similar: SimilarTeam[] = [];
  for (const name of new Set(valid.filter((r) => r.team === "new").map((r) => r.teamName))) {
    const match = similarTeamName(name, existingNames);
    if (match) similar.push({ name, existing: match });
  }
  return { valid, errors, similar };
}

/** Queries with an id list run in slices: SQLite bounds the number of values one statement may bind. */
async function inChunks<T, R>(values: T[], query: (slice: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) out.push(...(await query(values.slice(i, i + size))));
  return out;
}

/** The preview travels back to the browser and returns on commit; the signature stops edits. */
export function signRoster(academyId: string, rows: RosterRow[]) {
  const payload = Buffer.from(JSON.stringify(rows)).toString("base64url");
  const signature = crypto.createHmac("sha256", env().sessionSecret).update(`${academyId}.${payload}`).digest("base64url");
  return { payload, signature };
}

export function verifyRoster(academyId: string, payload: string, signature: string): RosterRow[] | null {
  if (payload.length > 10 * 1024 * 1024) return null;
  const expected = crypto.createHmac("sha256", env().sessionSecret).update(`${academyId}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as RosterRow[];
  } catch {
    return null;
  }
}

/**
 * Write every valid row in one transaction (people, teams, memberships), then invite the
 * people who have no password yet. Rows already in place are skipped, so a second import of
 * the same file changes nothing.
 */
export async function commitRoster(actorId: string, academyId: string, rows: RosterRow[], locale: AppLocale, teamChoices: Record<string, "existing" | "new"> = {}) {
  const { valid, errors, similar } = await checkRosterAgainstDb(academyId, rows);
  if (errors.length > 0) return { ok: false as const, reason: "roster.error.changed", errors };
  // Every look-alike team name needs a decision: join the existing team, or create the new one.
  const undecided = similar.filter((s) => !teamChoices[s.name]);
  if (undecided.length > 0) return { ok: false as const, reason: "roster.error.chooseTeam", errors: [], undecided };
  for (const s of similar) {
    if (teamChoices[s.name] === "existing") for (const row of valid) if (row.teamName === s.name) row.teamName = s.existing;
  }
  const toInvite = new Set<string>();
  // People who can already sign in and were newly added to this academy: told by mail.
  const toNotify = new Set<string>();
  const result = await prisma.$transaction(async (tx) => {
    let people = 0;
    let teams = 0;
    let memberships = 0;
    const teamIds = new Map<string, string>();
    for (const row of valid) {
      const person = await findOrCreatePerson(tx, row);
      if (person.created) people++;
      const enrollment = await ensureEnrollment(tx, academyId, person, row);
      if (!person.hasPassword) toInvite.add(person.id);
      else if (enrollment.newlyEnrolled) toNotify.add(person.id);
      let teamId = teamIds.get(row.teamName) ?? (await tx.team.findFirst({ where: { academyId, name: row.teamName }, select: { id: true } }))?.id;
      if (!teamId) {
        teamId = (await tx.team.create({ data: { academyId, name: row.teamName, themeTitle: row.themeTitle }, select: { id: true } })).id;
        teams++;
      } else if (row.themeTitle) {
        await tx.team.updateMany({ where: { id: teamId, themeTitle: "" }, data: { themeTitle: row.themeTitle } });
      }
      teamIds.set(row.teamName, teamId);
      await tx.teamMunicipality.upsert({
        where: { teamId_municipalityCode: { teamId, municipalityCode: row.municipalityCode } },
        create: { teamId, municipalityCode: row.municipalityCode },
        update: {},
      });
      const existing = await tx.teamMember.findUnique({ where: { teamId_enrollmentId: { teamId, enrollmentId: enrollment.id } } });
      if (!existing) {
        await tx.teamMember.create({ data: { teamId, enrollmentId: enrollment.id, teamRole: row.teamRole } });
        memberships++;
      }
    }
    const summary = { rows: valid.length, people, teams, memberships };
    if (memberships === 0 && people === 0 && teams === 0 && toInvite.size === 0) return { summary, queued: [], invited: 0 };
    await recordAudit({ actorId, action: "roster.import", entityType: "academy", entityId: academyId, after: summary }, tx);
    // Invitations and notices are part of the import: written in this transaction, mailed after it.
    const open = await inChunks([...toInvite], (userIds) =>
      tx.invitation.findMany({
        where: { userId: { in: userIds }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { userId: true },
      }),
    );
    const alreadyInvited = new Set(open.map((i) => i.userId));
    const queued: QueuedMail[] = [];
    let invited = 0;
    for (const userId of toInvite) {
      if (alreadyInvited.has(userId)) continue;
      queued.push((await queueInvitation(tx, { userId, invitedById: actorId, academyId, fallbackLocale: locale })).mail);
      invited++;
    }
    for (const userId of toNotify) queued.push((await queueInvitation(tx, { userId, invitedById: actorId, academyId, fallbackLocale: locale })).mail);
    return { summary, queued, invited };
    // Up to MAX_ROSTER_ROWS rows: allow the whole import the time it needs, as one transaction.
  }, { timeout: 180_000, maxWait: 10_000 });
  await deliverQueued(result.queued);
  const { summary: counts, invited } = result;
  return { ok: true as const, ...counts, invited, notified: toNotify.size };
}

/**
 * Keep an uploaded roster for the column-mapping step (the browser need not send it twice). It
 * waits in storage as a blob nothing references (any server can read it back; the orphan sweep
 * removes it a day later). The token names the blob and is signed for this academy.
 */
export async function holdRosterFile(academyId: string, bytes: Uint8Array) {
  const { key } = await storage().putBytes(bytes);
  const mac = crypto.createHmac("sha256", env().sessionSecret).update(`roster-file.${academyId}.${key}`).digest("base64url");
  return `${key.replace("/", "-")}.${mac}`;
}

export async function readHeldRosterFile(academyId: string, token: string): Promise<Uint8Array | null> {
  const [name = "", mac = ""] = token.split(".");
  if (!/^[a-f0-9]{2}-[a-f0-9]{64}$/.test(name)) return null;
  const key = name.replace("-", "/");
  const expected = crypto.createHmac("sha256", env().sessionSecret).update(`roster-file.${academyId}.${key}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (!(await storage().exists(key))) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of storage().open(key)) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
