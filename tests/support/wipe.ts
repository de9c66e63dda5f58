/** Back to reference data only (roles, municipalities): what every test starts from. */
export async function wipeDatabase() {
  const { DEFAULT_TOPICS } = await import("~/modules/consultation/default-topics");
  const { prisma } = await import("~/utils/db.server");
  await prisma.$transaction([
    prisma.auditEvent.deleteMany(),
    prisma.mailMessage.deleteMany(),
    prisma.jobRun.deleteMany(),
    prisma.loginAttempt.deleteMany(),
    prisma.case.deleteMany(),
    prisma.consultation.deleteMany(),
    prisma.call.deleteMany(),
    prisma.academy.deleteMany(),
    prisma.material.deleteMany(),
    prisma.region.deleteMany(),
    prisma.user.deleteMany(),
    prisma.storedFile.deleteMany(),
    prisma.apiToken.deleteMany(),
    prisma.consultationTopic.deleteMany(),
    prisma.consultationTopic.createMany({ data: DEFAULT_TOPICS.map((t, position) => ({ ...t, position })) }),
  ]);
}
