// The live-room part of `npm run bench` (scripts/bench.mjs): on a copy of the national data, one
// session board in the reflect phase for each of N academies, and P signed-in participants of
// each (server-side sessions made as the sign-in makes them, so the bench need not hash 400
// passwords). Prints one JSON line: the boards with their academy, board id and cookies.
// Usage: DATABASE_URL=… SESSION_SECRET=… node --import tsx scripts/bench-live-setup.ts <boards> <people>
import { prisma } from "../app/utils/db.server";
import { createSession } from "../app/utils/session.server";
import { TAKING_PART } from "../app/modules/account/permissions";
import { promptsFor } from "../app/modules/retro/rules";

const boards = Number(process.argv[2] ?? "10");
const people = Number(process.argv[3] ?? "40");

const academies = await prisma.academy.findMany({
  where: { enrollments: { some: { role: "participant", status: TAKING_PART } } },
  select: { id: true, enrollments: { where: { role: "participant", status: TAKING_PART, user: { disabledAt: null } }, select: { userId: true }, take: people } },
  orderBy: { id: "asc" },
  take: boards * 5,
});
const chosen = academies.filter((a) => a.enrollments.length >= people).slice(0, boards);
if (chosen.length < boards) throw new Error(`only ${chosen.length} academies have ${people} participants`);
const out = [];
for (const academy of chosen) {
  const retro = await prisma.retrospective.create({
    data: { academyId: academy.id, title: "bench: live room", template: "kpt", prompts: JSON.stringify(promptsFor("kpt")), phase: "reflect", anonymous: false, voteBudget: 3, maxVotesPerGroup: 2 },
    select: { id: true },
  });
  const cookies = [];
  for (const e of academy.enrollments) cookies.push((await createSession(e.userId, "bench live room")).split(";")[0]);
  out.push({ academyId: academy.id, retroId: retro.id, cookies });
}
process.stdout.write(`${JSON.stringify(out)}\n`);
await prisma.$disconnect();
