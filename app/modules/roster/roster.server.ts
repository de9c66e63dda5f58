import crypto from "node:crypto";
import { storage } from "~/modules/files/storage.server";
import { longWriter, prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { takesPart } from "~/modules/account/permissions";
import { inSlices, queueInvitations } from "~/modules/account/invitation.server";
import { deliverInBackground, deliverQueued } from "~/modules/mail/mailer.server";
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
  const users = await inSlices([...new Set(rows.map((r) => r.email))], (emails) => prisma.user.findMany({
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
 * Write every valid row in one transaction (people, teams, memberships, invitations and their
 * mails), then deliver the mails. Rows already in place are skipped, so a second import of the
 * same file changes nothing. The writes go in bulk — a fixed number of statements per 500 rows,
 * not several per row — so a 2,000-person import holds the database for about a second and other
 * requests keep being answered (decision 0018). Same rules as adding one member (team.server.ts):
 * a person's first row decides their enrollment's snapshot; staff keep their role.
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
  const result = await longWriter().$transaction(
    async (tx) => {
      // People: found by address, created in bulk; a kana is filled in where it was empty.
      const emails = [...new Set(valid.map((r) => r.email))];
      const found = await inSlices(emails, (slice) => tx.user.findMany({ where: { email: { in: slice } }, select: { id: true, email: true, kana: true, password: { select: { userId: true } } } }));
      const person = new Map(found.map((u) => [u.email, { id: u.id, hasPassword: Boolean(u.password) }]));
      const firstRow = new Map<string, RosterRow>();
      for (const row of valid) if (!firstRow.has(row.email)) firstRow.set(row.email, row);
      const newPeople = [...firstRow.values()].filter((r) => !person.has(r.email)).map((r) => ({ id: newId(), email: r.email, displayName: r.displayName, kana: r.kana ?? "", department: r.department, municipalityCode: r.municipalityCode ?? null }));
      await inSlices(newPeople, async (slice) => [await tx.user.createMany({ data: slice })]);
      for (const p of newPeople) person.set(p.email, { id: p.id, hasPassword: false });
      for (const u of found) {
        const kana = firstRow.get(u.email)?.kana;
        if (!u.kana && kana) await tx.user.update({ where: { id: u.id }, data: { kana } });
      }

      // Enrollments: a new participant, or one that had left taken back in with its role.
      const userIds = [...new Set([...person.values()].map((p) => p.id))];
      const enrolled = await inSlices(userIds, (slice) => tx.enrollment.findMany({ where: { academyId, userId: { in: slice } }, select: { id: true, userId: true, status: true, role: true } }));
      const enrollmentOf = new Map(enrolled.map((e) => [e.userId, e.id]));
      const enrollmentByUser = new Map(enrolled.map((e) => [e.userId, e]));
      const newlyEnrolled = new Set<string>();
      const newEnrollments: { id: string; academyId: string; userId: string; role: string; status: string; municipalityCode: string | null; department: string }[] = [];
      for (const [email, row] of firstRow) {
        const p = person.get(email)!;
        const existing = enrollmentByUser.get(p.id);
        if (existing && takesPart(existing)) continue;
        const data = { role: existing?.role ?? "participant", status: p.hasPassword ? "active" : "invited", municipalityCode: row.municipalityCode ?? null, department: row.department };
        if (existing) await tx.enrollment.update({ where: { id: existing.id }, data });
        else {
          const id = newId();
          newEnrollments.push({ id, academyId, userId: p.id, ...data });
          enrollmentOf.set(p.id, id);
        }
        newlyEnrolled.add(p.id);
      }
      await inSlices(newEnrollments, async (slice) => [await tx.enrollment.createMany({ data: slice })]);

      // Teams: created with the first theme given; an existing team without a theme gets one.
      const teams = await tx.team.findMany({ where: { academyId }, select: { id: true, name: true, themeTitle: true } });
      const teamByName = new Map(teams.map((t) => [t.name, { ...t, created: false }]));
      const themeFor = new Map<string, string>();
      for (const row of valid) if (row.themeTitle && !themeFor.has(row.teamName)) themeFor.set(row.teamName, row.themeTitle);
      const newTeams: { id: string; academyId: string; name: string; themeTitle: string }[] = [];
      for (const name of new Set(valid.map((r) => r.teamName))) {
        const team = teamByName.get(name);
        if (!team) {
          const created = { id: newId(), academyId, name, themeTitle: themeFor.get(name) ?? "" };
          newTeams.push(created);
          teamByName.set(name, { ...created, created: true });
        } else if (!team.themeTitle && themeFor.get(name)) {
          await tx.team.update({ where: { id: team.id }, data: { themeTitle: themeFor.get(name)! } });
        }
      }
      await inSlices(newTeams, async (slice) => [await tx.team.createMany({ data: slice })]);

      // The governments of each team and its members, where not yet there.
      const teamIds = [...new Set(valid.map((r) => teamByName.get(r.teamName)!.id))];
      const places = new Set((await inSlices(teamIds, (slice) => tx.teamMunicipality.findMany({ where: { teamId: { in: slice } }, select: { teamId: true, municipalityCode: true } }))).map((m) => `${m.teamId} ${m.municipalityCode}`));
      const members = new Set((await inSlices(teamIds, (slice) => tx.teamMember.findMany({ where: { teamId: { in: slice } }, select: { teamId: true, enrollmentId: true } }))).map((m) => `${m.teamId} ${m.enrollmentId}`));
      const newPlaces: { teamId: string; municipalityCode: string }[] = [];
      const newMembers: { teamId: string; enrollmentId: string; teamRole: string }[] = [];
      for (const row of valid) {
        const teamId = teamByName.get(row.teamName)!.id;
        const place = `${teamId} ${row.municipalityCode}`;
        if (!places.has(place)) {
          places.add(place);
          newPlaces.push({ teamId, municipalityCode: row.municipalityCode });
        }
        const enrollmentId = enrollmentOf.get(person.get(row.email)!.id)!;
        const member = `${teamId} ${enrollmentId}`;
        if (!members.has(member)) {
          members.add(member);
          newMembers.push({ teamId, enrollmentId, teamRole: row.teamRole });
        }
      }
      await inSlices(newPlaces, async (slice) => [await tx.teamMunicipality.createMany({ data: slice })]);
      await inSlices(newMembers, async (slice) => [await tx.teamMember.createMany({ data: slice })]);

      const summary = { rows: valid.length, people: newPeople.length, teams: newTeams.length, memberships: newMembers.length };
      // Who hears from us: everyone without a password and no open invitation (an invitation),
      // people who can sign in and were newly enrolled (a notice).
      const withoutPassword = [...person.values()].filter((p) => !p.hasPassword).map((p) => p.id);
      const notify = [...person.values()].filter((p) => p.hasPassword && newlyEnrolled.has(p.id)).map((p) => p.id);
      if (summary.memberships === 0 && summary.people === 0 && summary.teams === 0 && withoutPassword.length === 0) return { summary, queued: [], invited: 0, notified: 0 };
      await recordAudit({ actorId, action: "roster.import", entityType: "academy", entityId: academyId, after: summary }, tx);
      const open = new Set(
        (await inSlices(withoutPassword, (slice) => tx.invitation.findMany({ where: { userId: { in: slice }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { userId: true } }))).map((i) => i.userId),
      );
      const queued = await queueInvitations(tx, [...withoutPassword.filter((id) => !open.has(id)), ...notify], { invitedById: actorId, academyId, fallbackLocale: locale });
      return { summary, queued: queued.mails, invited: queued.invited, notified: queued.notified };
      // Up to MAX_ROSTER_ROWS rows: allow the whole import the time it needs, as one transaction.
    },
    { timeout: 180_000, maxWait: 10_000 },
  );
  // A few mails go out before the answer; a roster's hundreds are sent after it (the outbox's
  // sender delivers whatever a stop leaves behind).
  if (result.queued.length <= DELIVER_BEFORE_ANSWER) await deliverQueued(result.queued);
  else deliverInBackground(result.queued);
  return { ok: true as const, ...result.summary, invited: result.invited, notified: result.notified };
}

const newId = () => crypto.randomUUID();
const DELIVER_BEFORE_ANSWER = 50;

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
