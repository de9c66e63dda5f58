import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/modules/account/password.server";
import type { RoleName } from "~/modules/account/permissions";

export const TEST_PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

export async function createUser(
  role: RoleName,
  overrides: { email?: string; displayName?: string; password?: string | null } = {},
) {
  const email = overrides.email ?? `${role}-${crypto.randomUUID().slice(0, 8)}@example.jp`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash =
    overrides.password === null
      ? null
      : overrides.password
        ? await hashPassword(overrides.password)
        : await passwordHash;
  return prisma.user.create({
    data: {
      email: email.toLowerCase(),
      displayName: overrides.displayName ?? `テスト ${role}`,
      password: hash ? { create: { hash } } : undefined,
      roles: { create: { role: { connect: { name: role } } } },
    },
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
  return prisma.academy.create({
    data: {
      regionId: input.regionId,
      fiscalYear: input.fiscalYear ?? 2026,
      name: input.name ?? "テストアカデミー",
      staff: { create: (input.facilitatorIds ?? []).map((userId) => ({ userId, role: "facilitator" })) },
      sessions: {
        create: (input.sessionStarts ?? []).map((startsAt, i) => ({
          sequence: i + 1,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3.5 * 3600_000),
        })),
      },
    },
  });
}

export async function createTeam(academyId: string, name: string, memberIds: string[]) {
  return prisma.team.create({
    data: {
      academyId,
      name,
      themeTitle: `${name}のテーマ`,
      members: { create: memberIds.map((userId) => ({ userId, teamRole: "problem_owner" })) },
    },
  });
}
