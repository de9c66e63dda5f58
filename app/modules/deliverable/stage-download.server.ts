import yazl from "yazl";
import type { Readable } from "node:stream";
import { prisma } from "~/utils/db.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { openStoredFile, storedFileExists } from "~/modules/files/stored-file.server";
import { safeFileName } from "~/modules/files/file-type.server";
import { stageLabelKey } from "~/modules/stage/stages";
import type { TFunction } from "~/utils/i18n";

// A stage's submissions in one zip, for those who review them: each team's latest version, its
// files in a folder named after the team, and a list of who handed in which version when. The zip
// is streamed (files are read one after the other as the download goes), never held in memory.

export async function stageSubmissionsZip(context: AcademyContext, stageId: string, t: TFunction): Promise<{ name: string; stream: Readable } | null> {
  if (!stageId || stageId.length > 64) return null;
  const stage = await prisma.stage.findFirst({ where: { id: stageId, academyId: context.academy.id }, select: { id: true, key: true, title: true } });
  if (!stage) return null;
  const deliverables = await prisma.deliverable.findMany({
    where: { stageId: stage.id, latestVersion: { gt: 0 } },
    orderBy: [{ team: { name: "asc" } }, { id: "asc" }],
    select: {
      team: { select: { name: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, createdAt: true, late: true, files: { select: { file: { select: { fileName: true, storedFile: { select: { storageKey: true } } } } } } },
      },
    },
  });
  const zip = new yazl.ZipFile();
  const lines = [[t("progress.team"), t("deliverable.zip.version"), t("deliverable.zip.submittedAt"), t("deliverable.zip.late"), t("deliverable.zip.files")].join("\t")];
  for (const d of deliverables) {
    const version = d.versions[0];
    if (!version) continue;
    const folder = segment(d.team.name);
    const used = new Set<string>();
    for (const { file } of version.files) {
      if (!(await storedFileExists(file.storedFile.storageKey))) continue;
      let name = segment(file.fileName);
      for (let i = 2; used.has(name); i++) name = `${i}_${segment(file.fileName)}`;
      used.add(name);
      zip.addReadStream(openStoredFile(file.storedFile.storageKey), `${folder}/${name}`, { mtime: version.createdAt });
    }
    lines.push([d.team.name, String(version.number), version.createdAt.toISOString(), version.late ? t("progress.yes") : "", String(version.files.length)].join("\t"));
  }
  zip.addBuffer(Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"), `${segment(t("deliverable.zip.index"))}.txt`);
  zip.end();
  const stageName = stage.title || t(stageLabelKey(stage.key));
  return { name: `${safeFileName(`${context.academy.name}_${stageName}`)}.zip`, stream: zip.outputStream as unknown as Readable };
}

/** One path segment: no separators, no dot-dot, a name a file system accepts. */
function segment(name: string) {
  const clean = safeFileName(name.replace(/[\\/]/g, "_")).replace(/^\.+/, "_");
  return clean || "_";
}
