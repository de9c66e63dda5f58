// A second process writing to the same database as the test (tests/processes.test.ts): it adds
// cards to a board through the app's own change path, as another worker of server.mjs would.
// Usage: DATABASE_URL=… node --import tsx tests/support/board-writer.ts <retroId> <userId> <count>
import { prisma } from "../../app/utils/db.server";
import { addCard } from "../../app/modules/retro/changes.server";

const [retroId = "", userId = "", count = "20"] = process.argv.slice(2);
const retro = await prisma.retrospective.findUniqueOrThrow({ where: { id: retroId } });
const access = { userId, role: "member" as const, retro };
let failed = 0;
await Promise.all(
  Array.from({ length: Number(count) }, async (_, i) => {
    const result = await addCard(access, { prompt: "keep", text: `process ${process.pid} card ${i}` }).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return { ok: false };
    });
    if (!result.ok) failed++;
  }),
);
await prisma.$disconnect();
process.exit(failed === 0 ? 0 : 1);
