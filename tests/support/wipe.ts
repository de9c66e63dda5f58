/** Back to reference data only (roles, municipalities): what every test starts from. */
export async function wipeDatabase() {
  const { prisma } = await import("~/utils/db.server");
  await prisma.$transaction([
    prisma.auditEvent.deleteMany(),
    prisma.mailMessage.deleteMany(),
    prisma.loginAttempt.deleteMany(),
    prisma.case.deleteMany(),
    prisma.call.deleteMany(),
    prisma.academy.deleteMany(),
    prisma.material.deleteMany(),
    prisma.region.deleteMany(),
    prisma.user.deleteMany(),
    prisma.storedFile.deleteMany(),
    prisma.apiToken.deleteMany(),
  ]);
}
