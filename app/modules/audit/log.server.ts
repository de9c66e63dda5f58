import { containsInsensitive } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { fromTokyoInputs } from "~/utils/dates";
import { AUDIT_SUBJECTS, type FieldChange } from "./subjects";
import { pageNumber } from "~/utils/page-number";

// The audit log as people read it: names instead of ids, the change as fields that moved,
// filters by who, what, academy and date, and sign-ins on their own tab.

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  who: string;
  what: string;
  /** part of an academy's name */
  academy: string;
  from: string;
  to: string;
  page: number;
}

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "");
  const what = params.get("what") ?? "";
  return {
    who: (params.get("who") ?? "").trim().slice(0, 100),
    what: (AUDIT_SUBJECTS as readonly string[]).includes(what) ? what : "",
    academy: (params.get("academy") ?? "").trim().slice(0, 100),
    from: date(params.get("from")),
    to: date(params.get("to")),
    page: pageNumber(params.get("page")),
  };
}

/** Ids whose events belong to academies named like this: the academies, their sessions and teams. */
async function academyEntityIds(name: string) {
  const academies = await prisma.academy.findMany({ where: { name: containsInsensitive(name) }, take: 50, select: { id: true } });
  const ids = academies.map((a) => a.id);
  const [sessions, teams] = await Promise.all([
    prisma.workshopSession.findMany({ where: { academyId: { in: ids } }, select: { id: true } }),
    prisma.team.findMany({ where: { academyId: { in: ids } }, select: { id: true } }),
  ]);
  return [...ids, ...sessions.map((s) => s.id), ...teams.map((t) => t.id)];
}

async function whereFor(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [{ action: { not: { startsWith: "auth." } } }];
  if (filter.who) and.push({ actor: { OR: [{ displayName: containsInsensitive(filter.who) }, { email: containsInsensitive(filter.who.toLowerCase()) }] } });
  if (filter.what) and.push({ action: { startsWith: `${filter.what}.` } });
  if (filter.academy) and.push({ entityId: { in: await academyEntityIds(filter.academy) } });
  if (filter.from) and.push({ createdAt: { gte: fromTokyoInputs(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(fromTokyoInputs(filter.to).getTime() + 86400_000) } });
  return { AND: and };
}

const eventSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { displayName: true, email: true } },
} as const;

type RawEvent = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

// The first UNION branch has NULL for sequence, so the driver may hand the column back as a bigint.
const NameRow = z.object({ id: z.string(), name: z.string(), sequence: z.union([z.number(), z.bigint()]).nullable().transform((v) => (v === null ? null : Number(v))) });

/** Names of the entities a page of events is about, every kind in one statement. */
async function entityNames(events: RawEvent[]) {
  const ids = (type: string) => {
    const list = [...new Set(events.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId))];
    return Prisma.join(list.length > 0 ? list : [""]);
  };
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT a."id", a."name", NULL AS "sequence" FROM "Academy" a WHERE a."id" IN (${ids("academy")})
    UNION ALL SELECT s."id", a."name", s."sequence" FROM "WorkshopSession" s JOIN "Academy" a ON a."id" = s."academyId" WHERE s."id" IN (${ids("session")})
    UNION ALL SELECT t."id", t."name", NULL FROM "Team" t WHERE t."id" IN (${ids("team")})
    UNION ALL SELECT u."id", u."displayName", NULL FROM "User" u WHERE u."id" IN (${ids("user")})
    UNION ALL SELECT r."id", r."name", NULL FROM "Region" r WHERE r."id" IN (${ids("region")})
    UNION ALL SELECT m."id", m."title", NULL FROM "Material" m WHERE m."id" IN (${ids("material")})
    UNION ALL SELECT c."id", c."title", NULL FROM "Consultation" c WHERE c."id" IN (${ids("consultation")})
    UNION ALL SELECT x."id", u."displayName", NULL FROM "Expert" x JOIN "User" u ON u."id" = x."userId" WHERE x."id" IN (${ids("expert")})
    UNION ALL SELECT k."id", k."label", NULL FROM "ConsultationTopic" k WHERE k."id" IN (${ids("consultation_topic")})`;
  const names = new Map<string, { name: string; sequence?: number }>();
  for (const row of rows) {
    const n = NameRow.parse(row);
    names.set(n.id, n.sequence === null ? { name: n.name } : { name: n.name, sequence: n.sequence });
  }
  return names;
}

/** Fields shown in a change; ids and bookkeeping stay out (people's ids become names). */
const HIDDEN_FIELDS = new Set(["id", "createdAt", "updatedAt", "academyId", "regionId", "materialId", "stageId", "versionId", "sha256", "tokenHash", "sessionId", "topicId", "actionId", "followUpId", "fileId", "consultationId", "caseId"]);
const PERSON_FIELDS = new Set(["userId", "leadId", "facilitatorIds", "coordinatorIds"]);
type People = Map<string, string>;


function display(value: unknown, people: People, field = ""): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (PERSON_FIELDS.has(field)) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => people.get(String(id)) ?? "—").join(", ") || null;
  }
  if (Array.isArray(value)) return value.map((v) => display(v, people) ?? "").filter(Boolean).join(", ") || null;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    // A staff entry { userId, role } reads as "佐藤 健一 (facilitator)".
    if (typeof record.userId === "string") {
      const name = people.get(record.userId) ?? "—";
      return typeof record.role === "string" ? `${name} (@role:${record.role})` : name;
    }
    return Object.entries(record)
      .filter(([k]) => !HIDDEN_FIELDS.has(k))
      .map(([k, v]) => `${k}: ${display(v, people, k) ?? "—"}`)
      .join(" / ");
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return `@date:${value}`;
  return String(value);
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
}

/** The fields that changed (or, for a creation, were set), in a stable order. */
export function describeChange(before: string | null, after: string | null, people: People = new Map()): FieldChange[] {
  const b = parse(before) ?? {};
  const a = parse(after) ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !HIDDEN_FIELDS.has(f));
  return fields
    .map((field) => ({ field, before: display(b[field], people, field), after: display(a[field], people, field) }))
    .filter((c) => c.before !== c.after);
}

/** Every person id a page of changes mentions, resolved to names in one query. */
async function peopleIn(events: RawEvent[]): Promise<People> {
  const ids = new Set<string>();
  const visit = (value: unknown, field = "") => {
    if (PERSON_FIELDS.has(field)) for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "string") ids.add(id);
    if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  for (const e of events) {
    visit(parse(e.before));
    visit(parse(e.after));
  }
  if (ids.size === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: [...ids].slice(0, 500) } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/**
 * The log is counted up to this many events: counting every event of a national installation
 * (50,000 and growing) cost a scan of the whole table on every page; beyond it the page says
 * "more than 10,000" and a filter (a period, a person, an academy) narrows it down.
 */
export const AUDIT_COUNT_CAP = 10_000;

export async function listAuditLog(filter: AuditFilter) {
  const where = await whereFor(filter);
  const [counted, rows] = await Promise.all([
    prisma.auditEvent.count({ where, take: AUDIT_COUNT_CAP + 1 }),
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: eventSelect,
    }),
  ]);
  const [names, people] = await Promise.all([entityNames(rows), peopleIn(rows)]);
  const total = Math.min(counted, AUDIT_COUNT_CAP);
  return {
    total,
    totalIsCapped: counted > AUDIT_COUNT_CAP,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: rows.map((e) => ({
      id: e.id,
      action: e.action,
      entityType: e.entityType,
      entity: names.get(e.entityId) ?? null,
      actor: e.actor,
      createdAt: e.createdAt,
      changes: describeChange(e.before, e.after, people),
    })),
  };
}

/** Sign-in attempts, failed ones included, newest first. */
export async function listSignIns(filter: AuditFilter) {
  const where: Prisma.LoginAttemptWhereInput = {
    ...(filter.who ? { email: containsInsensitive(filter.who.toLowerCase()) } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: fromTokyoInputs(filter.from) } : {}),
            ...(filter.to ? { lt: new Date(fromTokyoInputs(filter.to).getTime() + 86400_000) } : {}),
          },
        }
      : {}),
  };
  const [total, attempts] = await Promise.all([
    prisma.loginAttempt.count({ where }),
    prisma.loginAttempt.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, email: true, ipAddress: true, succeeded: true, createdAt: true },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), attempts };
}
