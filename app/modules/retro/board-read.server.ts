import { jsonArrayAgg, jsonObject, instant } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";

// Everything a board shows, read in one raw statement (decision 0008) instead of twelve: the
// live board reads it again for every viewer after every change. The board's own actions and
// the earlier boards' actions to follow up (open, or reviewed on this board) come with their
// team and stage; what each viewer may see is decided afterwards (board.server.ts).

const date = z.coerce.date();
const Action = z.object({
  id: z.string(),
  text: z.string(),
  ownerId: z.string().nullable(),
  dueAt: date.nullable(),
  status: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  groupId: z.string().nullable(),
  stageId: z.string().nullable(),
  stageKey: z.string().nullable(),
  stageTitle: z.string().nullable(),
  carriedFromId: z.string().nullable(),
  reviewedInId: z.string().nullable(),
});
const BoardRow = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  prompts: z.string(),
  phase: z.string(),
  anonymous: z.coerce.number(),
  voteBudget: z.coerce.number(),
  maxVotesPerGroup: z.coerce.number(),
  phaseEndsAt: date.nullable(),
  revision: z.coerce.number(),
  closedAt: date.nullable(),
  createdAt: date,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  sessionId: z.string().nullable(),
  sessionSequence: z.coerce.number().nullable(),
  sessionStartsAt: date.nullable(),
  cards: jsonArray(z.object({ id: z.string(), authorId: z.string().nullable(), prompt: z.string(), text: z.string(), groupId: z.string().nullable() })),
  groups: jsonArray(z.object({ id: z.string(), title: z.string(), notes: z.string(), position: z.number() })),
  votes: jsonArray(z.object({ groupId: z.string(), userId: z.string() })),
  ready: jsonArray(z.object({ userId: z.string() })),
  actions: jsonArray(Action),
  previous: jsonArray(Action),
});

function actionsJson(where: Prisma.Sql) {
  return Prisma.sql`SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', x."id", 'text', x."text", 'ownerId', x."ownerId", 'dueAt', x."dueAt", 'status', x."status",
      'teamId', x."teamId", 'teamName', x."teamName", 'groupId', x."groupId", 'stageId', x."stageId", 'stageKey', x."stageKey", 'stageTitle', x."stageTitle",
      'carriedFromId', x."carriedFromId", 'reviewedInId', x."reviewedInId"`))}
    FROM (SELECT a.*, t."name" AS "teamName", s."key" AS "stageKey", s."title" AS "stageTitle"
            FROM "RetroAction" a LEFT JOIN "Team" t ON t."id" = a."teamId" LEFT JOIN "Stage" s ON s."id" = a."stageId"
           WHERE ${where} ORDER BY a."createdAt", a."id") x`;
}

/** previousActionsWhere (board.server.ts) as SQL on an action row `a`. */
function previousWhere(retro: { id: string; academyId: string; teamId: string | null; createdAt: Date }) {
  const earlier = Prisma.sql`pr."createdAt" < ${instant(retro.createdAt)} AND pr."id" <> ${retro.id}`;
  const scope = retro.teamId
    ? Prisma.sql`a."teamId" = ${retro.teamId} AND EXISTS (SELECT 1 FROM "Retrospective" pr WHERE pr."id" = a."retroId" AND ${earlier})`
    : Prisma.sql`EXISTS (SELECT 1 FROM "Retrospective" pr WHERE pr."id" = a."retroId" AND ${earlier} AND pr."academyId" = ${retro.academyId} AND pr."teamId" IS NULL)`;
  return Prisma.sql`(a."status" = 'open' OR a."reviewedInId" = ${retro.id}) AND ${scope}`;
}

export async function readBoard(retro: { id: string; academyId: string; teamId: string | null; createdAt: Date }) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT r."id", r."title", r."template", r."prompts", r."phase", r."anonymous", r."voteBudget", r."maxVotesPerGroup", r."phaseEndsAt", r."revision",
           r."closedAt", r."createdAt", r."teamId", tm."name" AS "teamName", r."sessionId", ws."sequence" AS "sessionSequence", ws."startsAt" AS "sessionStartsAt",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', c."id", 'authorId', c."authorId", 'prompt', c."prompt", 'text', c."text", 'groupId', c."groupId"`))}
         FROM (SELECT * FROM "RetroCard" WHERE "retroId" = r."id" ORDER BY "createdAt", "id") c) AS "cards",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', g."id", 'title', g."title", 'notes', g."notes", 'position', g."position"`))}
         FROM (SELECT * FROM "RetroGroup" WHERE "retroId" = r."id" ORDER BY "position", "id") g) AS "groups",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'groupId', v."groupId", 'userId', v."userId"`))} FROM "RetroVote" v WHERE v."retroId" = r."id") AS "votes",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'userId', d."userId"`))} FROM "RetroReady" d WHERE d."retroId" = r."id" AND d."phase" = r."phase") AS "ready",
      (${actionsJson(Prisma.sql`a."retroId" = ${retro.id}`)}) AS "actions",
      (${actionsJson(previousWhere(retro))}) AS "previous"
    FROM "Retrospective" r LEFT JOIN "Team" tm ON tm."id" = r."teamId" LEFT JOIN "WorkshopSession" ws ON ws."id" = r."sessionId"
    WHERE r."id" = ${retro.id}`;
  if (rows.length === 0) throw new Error(`retrospective ${retro.id} not found`);
  const b = BoardRow.parse(rows[0]);
  const action = (a: z.infer<typeof Action>) => ({
    ...a,
    team: a.teamName === null ? null : { name: a.teamName },
    stage: a.stageKey === null || a.stageTitle === null ? null : { key: a.stageKey, title: a.stageTitle },
  });
  return {
    retro: {
      id: b.id,
      title: b.title,
      template: b.template,
      prompts: b.prompts,
      phase: b.phase,
      anonymous: b.anonymous !== 0,
      voteBudget: b.voteBudget,
      maxVotesPerGroup: b.maxVotesPerGroup,
      phaseEndsAt: b.phaseEndsAt,
      revision: b.revision,
      closedAt: b.closedAt,
      createdAt: b.createdAt,
      teamId: b.teamId,
      team: b.teamName === null ? null : { name: b.teamName },
      sessionId: b.sessionId,
      session: b.sessionSequence === null || b.sessionStartsAt === null ? null : { sequence: b.sessionSequence, startsAt: b.sessionStartsAt },
    },
    cards: b.cards,
    groups: b.groups,
    votes: b.votes,
    /** who is done with the board's current phase */
    ready: b.ready.map((d) => d.userId),
    actions: b.actions.map(action),
    previous: b.previous.map(action),
  };
}
