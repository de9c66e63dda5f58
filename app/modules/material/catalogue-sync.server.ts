import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "~/generated/prisma/client";
import { parseFrontMatter } from "./front-matter";
import { sha256, storeBytes } from "./storage.server";
import { ALLOWED_TYPES } from "./file-type.server";

// materials/ in the repository → the versioned catalogue. Runs on every start: a file whose
// content hash differs from its latest version becomes a new version; nothing is replaced.

interface Entry {
  key: string;
  stage: string;
  audience: string;
  kind: "markdown" | "file";
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  label: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  body: string | null;
  sortOrder: number;
}

export function stageOf(session: string | number): string {
  const n = Number(session);
  if (!Number.isInteger(n) || n < 0 || n > 4) throw new Error(`session must be 0-4, got ${session}`);
  return n === 0 ? "prelearning" : `session${n}`;
}

function readEntries(dir: string): Entry[] {
  const entries: Entry[] = [];
  const curriculum = path.join(dir, "curriculum");
  for (const file of fs.existsSync(curriculum) ? fs.readdirSync(curriculum).filter((f) => f.endsWith(".md")).sort() : []) {
    const bytes = fs.readFileSync(path.join(curriculum, file));
    const { data, body } = parseFrontMatter(bytes.toString("utf8"));
    if (!data.id || !data.title || data.session === undefined || !["participant", "facilitator"].includes(data.audience ?? "")) {
      throw new Error(`materials/curriculum/${file}: front matter needs id, session, audience (participant|facilitator), title`);
    }
    entries.push({
      key: data.id,
      stage: stageOf(data.session),
      audience: data.audience!,
      kind: "markdown",
      title: data.title,
      titleEn: data.title_en ?? "",
      summary: data.summary ?? "",
      summaryEn: data.summary_en ?? "",
      label: data.version ?? "",
      fileName: file,
      mimeType: "text/markdown; charset=utf-8",
      bytes,
      body,
      sortOrder: data.audience === "participant" ? 10 : 20,
    });
  }
  const cataloguePath = path.join(dir, "worksheets", "catalogue.json");
  if (fs.existsSync(cataloguePath)) {
    const items = JSON.parse(fs.readFileSync(cataloguePath, "utf8")) as Record<string, string | number>[];
    for (const item of items) {
      const file = String(item.file);
      entries.push({
        key: String(item.id),
        stage: stageOf(item.session!),
        audience: String(item.audience ?? "participant"),
        kind: "file",
        title: String(item.title),
        titleEn: String(item.title_en ?? ""),
        summary: String(item.summary ?? ""),
        summaryEn: String(item.summary_en ?? ""),
        label: String(item.version ?? ""),
        fileName: file,
        mimeType: ALLOWED_TYPES.xlsx.mime,
        bytes: fs.readFileSync(path.join(dir, "worksheets", file)),
        body: null,
        sortOrder: 30,
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
      stage: entry.stage,
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
      select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true } } },
    });
    const latest = material.versions[0];
    if (latest?.contentHash === hash) continue;
    await storeBytes(entry.bytes);
    await prisma.materialVersion.create({
      data: {
        materialId: material.id,
        number: (latest?.number ?? 0) + 1,
        label: entry.label,
        contentHash: hash,
        fileName: entry.fileName,
        mimeType: entry.mimeType,
        size: entry.bytes.length,
        body: entry.body,
      },
    });
    created++;
  }
  return created;
}
