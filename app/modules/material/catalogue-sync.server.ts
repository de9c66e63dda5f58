import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { parseFrontMatter } from "./front-matter";
import { sha256 } from "~/modules/files/storage.server";
import { ensureStoredFile, storeBytes } from "~/modules/files/stored-file.server";
import { kindFromName, type FileKind } from "~/modules/files/file-type.server";
import { isDefaultStageKey, stageKeyForSession } from "~/modules/stage/stages";

// materials/ in the repository → the versioned catalogue. Runs on every start: a file whose
// content hash differs from its latest version becomes a new version; nothing is replaced.

interface Entry {
  key: string;
  stageKey: string | null;
  audience: string;
  kind: "markdown" | "file";
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  label: string;
  fileName: string;
  fileKind: FileKind;
  bytes: Uint8Array;
  body: string | null;
  sortOrder: number;
}

/** Front matter names a stage key (`stage: problem_definition`); older files said `session: 0..4`. */
export function stageKeyOf(item: { stage?: unknown; session?: unknown }, where: string): string | null {
  if (item.stage !== undefined && item.stage !== "") {
    const key = String(item.stage);
    if (key === "general") return null;
    if (!isDefaultStageKey(key)) throw new Error(`${where}: unknown stage "${key}"`);
    return key;
  }
  const n = Number(item.session);
  if (!Number.isInteger(n) || n < 0 || n > 4) throw new Error(`${where}: front matter needs stage (or session 0-4)`);
  return stageKeyForSession(n);
}

/** Folders of files described by a catalogue.json, with where they sort among a stage's materials. */
const FILE_FOLDERS: [string, number][] = [
  ["worksheets", 30],
  ["datasets", 40],
];

function readEntries(dir: string): Entry[] {
  const entries: Entry[] = [];
  const curriculum = path.join(dir, "curriculum");
  for (const file of fs.existsSync(curriculum) ? fs.readdirSync(curriculum).filter((f) => f.endsWith(".md")).sort() : []) {
    const bytes = fs.readFileSync(path.join(curriculum, file));
    const { data, body } = parseFrontMatter(bytes.toString("utf8"));
    if (!data.id || !data.title || !["participant", "facilitator"].includes(data.audience ?? "")) {
      throw new Error(`materials/curriculum/${file}: front matter needs id, stage, audience (participant|facilitator), title`);
    }
    entries.push({
      key: data.id,
      stageKey: stageKeyOf(data, `materials/curriculum/${file}`),
      audience: data.audience!,
      kind: "markdown",
      title: data.title,
      titleEn: data.title_en ?? "",
      summary: data.summary ?? "",
      summaryEn: data.summary_en ?? "",
      label: data.version ?? "",
      fileName: file,
      fileKind: "md",
      bytes,
      body,
      sortOrder: data.audience === "participant" ? 10 : 20,
    });
  }
  // Files with a catalogue.json beside them: worksheet templates and the practice dataset.
  for (const [folder, sortOrder] of FILE_FOLDERS) {
    const cataloguePath = path.join(dir, folder, "catalogue.json");
    if (!fs.existsSync(cataloguePath)) continue;
    const items = JSON.parse(fs.readFileSync(cataloguePath, "utf8")) as Record<string, string | number>[];
    for (const item of items) {
      const file = String(item.file);
      const fileKind = kindFromName(file);
      if (fileKind !== "xlsx" && fileKind !== "csv") throw new Error(`materials/${folder}/catalogue.json (${String(item.id)}): only .xlsx and .csv files`);
      entries.push({
        key: String(item.id),
        stageKey: stageKeyOf(item, `materials/${folder}/catalogue.json (${String(item.id)})`),
        audience: String(item.audience ?? "participant"),
        kind: "file",
        title: String(item.title),
        titleEn: String(item.title_en ?? ""),
        summary: String(item.summary ?? ""),
        summaryEn: String(item.summary_en ?? ""),
        label: String(item.version ?? ""),
        fileName: file,
        fileKind,
        bytes: fs.readFileSync(path.join(dir, folder, file)),
        body: null,
        sortOrder,
      });
    }
  }
  return entries;
}

export async function syncCatalogue(prisma: PrismaClient, dir = path.resolve("materials")) {
  let created = 0;
  for (const entry of readEntries(dir)) {
    const hash = sha256(entry.bytes);
    const meta = {
      stageKey: entry.stageKey,
      audience: entry.audience,
      kind: entry.kind,
      title: entry.title,
      titleEn: entry.titleEn,
      summary: entry.summary,
      summaryEn: entry.summaryEn,
      sortOrder: entry.sortOrder,
    };
    const material = await prisma.material.upsert({
      where: { key: entry.key },
      create: { key: entry.key, origin: "repository", ...meta },
      update: meta,
      select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, storedFile: { select: { sha256: true } } } } },
    });
    // People see and download the material under its title, not the repository's file name.
    const displayName = `${entry.title.replace(/[\\/:*?"<>|]/g, "_")}.${entry.fileKind}`;
    await prisma.materialVersion.updateMany({ where: { materialId: material.id, fileName: entry.fileName }, data: { fileName: displayName } });
    const latest = material.versions[0];
    if (latest?.storedFile?.sha256 === hash) continue;
    const blob = await storeBytes(entry.bytes, entry.fileKind, displayName);
    await prisma.$transaction(async (tx) => {
      const file = await ensureStoredFile(tx, blob, null);
      await tx.materialVersion.create({
        data: {
          materialId: material.id,
          number: (latest?.number ?? 0) + 1,
          label: entry.label,
          storedFileId: file.id,
          fileName: displayName,
          body: entry.body,
        },
      });
    });
    created++;
  }
  return created;
}
