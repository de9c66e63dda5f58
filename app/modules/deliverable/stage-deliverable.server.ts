import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";

// A team's deliverable of one stage with its files, its versions (newest 50, each with its
// files and who handed it in) and the review thread (first 200 comments, with authors): one raw
// statement (decision 0008) instead of seven — the stage page is where teams work.

const date = z.coerce.date();
const Row = z.object({
  id: z.string(),
  status: z.string(),
  work: z.string(),
  latestVersion: z.coerce.number(),
  submittedAt: date.nullable(),
  decidedAt: date.nullable(),
  files: jsonArray(
    z.object({
      id: z.string(),
      fileName: z.string(),
      scanStatus: z.string(),
      scan: z.string().nullable(),
      confirmReason: z.string(),
      removedAt: date.nullable(),
      createdAt: date,
      size: z.number(),
      extension: z.string(),
    }),
  ),
  versions: jsonArray(
    z.object({
      id: z.string(),
      number: z.number(),
      note: z.string(),
      late: z.coerce.number(),
      createdAt: date,
      work: z.string(),
      submittedById: z.string().nullable(),
      submittedBy: z.string().nullable(),
      // a JSON value inside json_object arrives parsed
      fileIds: z.array(z.string()),
    }),
  ),
  comments: jsonArray(
    z.object({
      id: z.string(),
      kind: z.string(),
      body: z.string(),
      scores: z.string().nullable(),
      versionNumber: z.number().nullable(),
      authorId: z.string().nullable(),
      author: z.string().nullable(),
      createdAt: date,
    }),
  ),
});

export async function readStageDeliverable(teamId: string, stageId: string) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT d."id", d."status", d."work", d."latestVersion", d."submittedAt", d."decidedAt",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', f."id", 'fileName', f."fileName", 'scanStatus', f."scanStatus", 'scan', f."scan", 'confirmReason', f."confirmReason",
                'removedAt', f."removedAt", 'createdAt', f."createdAt", 'size', f."size", 'extension', f."extension"`))}
         FROM (SELECT df.*, sf."size", sf."extension" FROM "DeliverableFile" df JOIN "StoredFile" sf ON sf."id" = df."storedFileId"
                WHERE df."deliverableId" = d."id" ORDER BY df."createdAt", df."id") f) AS "files",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', v."id", 'number', v."number", 'note', v."note", 'late', v."late", 'createdAt', v."createdAt", 'work', v."work",
                'submittedById', v."submittedById", 'submittedBy', v."submittedBy",
                'fileIds', (SELECT ${jsonArrayAgg(Prisma.sql`vf."fileId"`)} FROM "DeliverableVersionFile" vf WHERE vf."versionId" = v."id")`))}
         FROM (SELECT dv.*, u."displayName" AS "submittedBy" FROM "DeliverableVersion" dv LEFT JOIN "User" u ON u."id" = dv."submittedById"
                WHERE dv."deliverableId" = d."id" ORDER BY dv."number" DESC LIMIT 50) v) AS "versions",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', c."id", 'kind', c."kind", 'body', c."body", 'scores', c."scores", 'versionNumber', c."versionNumber",
                'authorId', c."authorId", 'author', c."author", 'createdAt', c."createdAt"`))}
         FROM (SELECT rc.*, u."displayName" AS "author" FROM "ReviewComment" rc LEFT JOIN "User" u ON u."id" = rc."authorId"
                WHERE rc."deliverableId" = d."id" ORDER BY rc."createdAt", rc."id" LIMIT 200) c) AS "comments"
    FROM "Deliverable" d WHERE d."teamId" = ${teamId} AND d."stageId" = ${stageId}`;
  if (rows.length === 0) return null;
  const r = Row.parse(rows[0]);
  return {
    deliverable: { id: r.id, status: r.status, work: r.work, latestVersion: r.latestVersion, submittedAt: r.submittedAt, decidedAt: r.decidedAt },
    files: r.files.map(({ size, extension, ...f }) => ({ ...f, storedFile: { size, extension } })),
    versions: r.versions.map(({ fileIds, late, submittedBy, ...v }) => ({ ...v, late: late !== 0, submittedBy: submittedBy ?? "", files: fileIds.map((fileId) => ({ fileId })) })),
    comments: r.comments.map(({ author, ...c }) => ({ ...c, author: author ?? "" })),
  };
}
