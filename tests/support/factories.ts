import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/modules/account/password.server";
import type { AcademyRole } from "~/modules/account/permissions";
import { createDefaultStages } from "~/modules/stage/stage.server";

export const TEST_PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

/**
 * A person. "coordinator" is a programme coordinator (the global role); "facilitator" and
 * "participant" name what they will be enrolled as (createAcademy, createTeam, enroll), not a
 * global role — there is none.
 */
export async function createUser(
  kind: "coordinator" | "facilitator" | "participant" | "admin",
  overrides: { email?: string; displayName?: string; password?: string | null; municipalityCode?: string; department?: string } = {},
) {
  const email = overrides.email ?? `${kind}-${crypto.randomUUID().slice(0, 8)}@example.jp`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash =
    overrides.password === null
      ? null
      : overrides.password
        ? await hashPassword(overrides.password)
        : await passwordHash;
  const globalRole = kind === "coordinator" ? "programme_coordinator" : kind === "admin" ? "system_admin" : null;
  return prisma.user.create({
    data: {
      email: email.toLowerCase(),
      displayName: overrides.displayName ?? `テスト ${kind}`,
      municipalityCode: overrides.municipalityCode ?? null,
      department: overrides.department ?? "",
      password: hash ? { create: { hash } } : undefined,
      roles: globalRole ? { create: { role: { connect: { name: globalRole } } } } : undefined,
    },
  });
}

export async function enroll(academyId: string, userId: string, role: AcademyRole, status = "active") {
  return prisma.enrollment.upsert({
    where: { academyId_userId: { academyId, userId } },
    create: { academyId, userId, role, status },
    update: { role, status },
  });
}

export async function createRegion(name: string, codes: string[]) {
  return prisma.region.create({
    data: { name, members: { create: codes.map((municipalityCode) => ({ municipalityCode })) } },
  });
}

export async function createAcademy(input: {
  regionId: string;
  fiscalYear?: number;
  name?: string;
  facilitatorIds?: string[];
  sessionStarts?: Date[];
}) {
  const academy = await prisma.academy.create({
    data: {
      regionId: input.regionId,
      fiscalYear: input.fiscalYear ?? 2026,
      name: input.name ?? "テストアカデミー",
      enrollments: { create: (input.facilitatorIds ?? []).map((userId) => ({ userId, role: "facilitator", status: "active" })) },
      sessions: {
        create: (input.sessionStarts ?? []).map((startsAt, i) => ({
          sequence: i + 1,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3.5 * 3600_000),
        })),
      },
    },
  });
  await createDefaultStages(prisma, academy.id);
  return academy;
}

/** A team whose members are enrolled in the academy as participants (staff keep their role). */
export async function createTeam(academyId: string, name: string, memberIds: string[]) {
  const team = await prisma.team.create({ data: { academyId, name, themeTitle: `${name}のテーマ` } });
  for (const userId of memberIds) {
    const enrollment = await prisma.enrollment.upsert({
      where: { academyId_userId: { academyId, userId } },
      create: { academyId, userId, role: "participant", status: "active" },
      update: {},
    });
    await prisma.teamMember.create({ data: { teamId: team.id, enrollmentId: enrollment.id, teamRole: "problem_owner" } });
  }
  return team;
}
