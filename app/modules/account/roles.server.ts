import { prisma } from "~/utils/db.server";

// Role → permission strings, read from the database once per process. Roles and permissions
// change only when the seed runs (before the server starts), so the cache never goes stale;
// tests that rewrite roles call resetRolePermissions().

let cache: Promise<Map<string, readonly string[]>> | undefined;

async function load() {
  const roles = await prisma.role.findMany({
    select: { name: true, permissions: { select: { permission: { select: { action: true, entity: true, access: true } } } } },
  });
  return new Map(roles.map((r) => [r.name, r.permissions.map(({ permission: p }) => `${p.action}:${p.entity}:${p.access}`)]));
}

export async function rolePermissions(): Promise<(role: string) => readonly string[]> {
  cache ??= load().catch((error: unknown) => {
    cache = undefined;
    throw error;
  });
  const map = await cache;
  return (role) => map.get(role) ?? [];
}

export function resetRolePermissions() {
  cache = undefined;
}
