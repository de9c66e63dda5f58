import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { detectFileKind, kindFromName } from "./file-type.server";
import { ensureStoredFile, storeBytes, storeUpload, sweepOrphans } from "./stored-file.server";
import { uploadTmpDir } from "./storage.server";

const tmp = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(uploadTmpDir(), `${Math.random().toString(36).slice(2)}-${name}`);
  fs.writeFileSync(file, bytes);
  return file;
};
const blobPath = (key: string) => path.join(process.env.FILES_DIR!, key);
const DAY = 86400_000;

async function workbookBytes() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("シート").addRow(["課題", "仮説"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("what a file is, by its bytes", () => {
  it("tells the Office formats, PDF, PNG and JPEG apart", async () => {
    expect(await detectFileKind(tmp("a", await workbookBytes()))).toBe("xlsx");
    expect(await detectFileKind(tmp("b", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"))).toBe("pdf");
    expect(await detectFileKind(tmp("c", Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex")))).toBe("png");
    expect(await detectFileKind(tmp("d", Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex")))).toBe("jpg");
  });

  it("accepts CSV only when it decodes as text (UTF-8 or Shift_JIS), never a binary renamed .csv", async () => {
    expect(await detectFileKind(tmp("e.csv", "地区,年齢\n芦北,40\n"), "csv")).toBe("csv");
    expect(await detectFileKind(tmp("f.csv", Buffer.from([0x92, 0x6e, 0x8b, 0xe6, 0x2c, 0x0a])), "csv")).toBe("csv");
    expect(await detectFileKind(tmp("g.csv", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01])), "csv")).toBeNull();
    expect(await detectFileKind(tmp("h.csv", "plain text"))).toBeNull();
  });

  it("reads the kind a name claims, only from its last extension", () => {
    expect(kindFromName("報告.PDF")).toBe("pdf");
    expect(kindFromName("photo.jpeg")).toBe("jpg");
    expect(kindFromName("report.pdf.exe")).toBeNull();
    expect(kindFromName("pdf")).toBeNull();
  });
});

describe("storing an upload", () => {
  it("keeps the bytes under their content address and the Japanese name for display", async () => {
    const result = await storeUpload(tmp("x", await workbookBytes()), "課題設定シート（姫路市）.xlsx", ["xlsx"]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.blob.key).toBe(`${result.blob.sha256.slice(0, 2)}/${result.blob.sha256}`);
    expect(result.blob.originalName).toBe("課題設定シート（姫路市）.xlsx");
    expect(fs.existsSync(blobPath(result.blob.key))).toBe(true);
  });

  it("refuses a kind the feature does not allow and a disguised file, storing nothing", async () => {
    const before = await prisma.storedFile.count();
    expect(await storeUpload(tmp("y", "%PDF-1.7\n"), "slides.pdf", ["xlsx"])).toMatchObject({ ok: false, reason: "upload.extension" });
    expect(await storeUpload(tmp("z", "%PDF-1.7\n"), "sheet.xlsx", ["xlsx"])).toMatchObject({ ok: false, reason: "upload.mismatch" });
    expect(await prisma.storedFile.count()).toBe(before);
  });
});

describe("the orphan sweep", () => {
  it("removes what nothing references once the grace period is over, and keeps the rest", async () => {
    const kept = await storeBytes(new TextEncoder().encode("# 参照されている教材"), "md", "kept.md");
    const orphan = await storeBytes(new TextEncoder().encode("# 誰も参照しない"), "md", "orphan.md");
    const stray = await storeBytes(new TextEncoder().encode("行のないファイル"), "txt", "stray.txt");
    const keptRow = await ensureStoredFile(prisma, kept, null);
    await ensureStoredFile(prisma, orphan, null);
    const material = await prisma.material.create({ data: { key: "m", audience: "participant", kind: "markdown", origin: "upload", title: "教材" } });
    await prisma.materialVersion.create({ data: { materialId: material.id, number: 1, storedFileId: keptRow.id } });
    const leftover = tmp("upload.part", "途中で切れたアップロード");

    // Within the grace period nothing goes: a request may be between writing the blob and its row.
    expect(await sweepOrphans(new Date())).toEqual({ rows: 0, blobs: 0, temporary: 0 });
    const later = new Date(Date.now() + 2 * DAY);
    // (Blobs stored without a row by the tests above are strays too.)
    expect(await sweepOrphans(later)).toMatchObject({ rows: 1 });
    expect(fs.existsSync(blobPath(kept.key))).toBe(true);
    expect(fs.existsSync(blobPath(orphan.key))).toBe(false);
    expect(fs.existsSync(blobPath(stray.key))).toBe(false);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(await prisma.storedFile.findMany({ select: { sha256: true } })).toEqual([{ sha256: kept.sha256 }]);
  });
});
