import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashToken } from "~/utils/tokens.server";

// Tokens of the read-only JSON API. A token is "dam_" + 43 random URL-safe characters; only its
// SHA-256 is stored, so the token is shown once, when it is made. See docs/decisions/0012.

export const TOKEN_PREFIX = "dam_";
/** lastUsedAt is written at most this often per token (an API read should not write every time). */
const TOUCH_EVERY_MS = 5 * 60_000;


export async function createApiToken(actorId: string, name: string) {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), createdById: actorId }, select: { id: true } });
    await recordAudit({ actorId, action: "api_token.create", entityType: "api_token", entityId: created.id, after: { name } }, tx);
    return created;
  });
  return { id: row.id, token };
}

export async function revokeApiToken(actorId: string, id: string) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAudit({ actorId, action: "api_token.revoke", entityType: "api_token", entityId: id }, tx);
    return count > 0;
  });
}

export function listApiTokens() {
  return prisma.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { displayName: true } } },
  });
}

/** The live token of an "Authorization: Bearer …" header, or null. */
export async function authenticateApi(authorization: string | null, now = new Date()) {
  const header = authorization ?? "";
  const match = /^Bearer\s+(dam_[A-Za-z0-9_-]{43})$/.exec(header.trim());
  if (!match) return null;
  const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]!) }, select: { id: true, revokedAt: true, lastUsedAt: true, createdById: true } });
  if (!token || token.revokedAt) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.apiToken.updateMany({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return token;
}
