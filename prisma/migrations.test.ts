import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "../app/generated/prisma/client";

// An installation made before the participation model must upgrade in place: its staff,
// team members, materials and releases carried over to enrollments, stages and stored files.

const MIGRATIONS = path.resolve("prisma/migrations");
const migrationDirs = fs.readdirSync(MIGRATIONS).filter((d) => /^\d+_/.test(d)).sort((a, b) => parseInt(a) - parseInt(b));
const apply = (db: Database.Database, dir: string) => db.exec(fs.readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8"));

const iso = (s: string) => new Date(s).toISOString().replace("Z", "+00:00");

function oldDatabase(file: string) {
  const db = new Database(file);
  for (const dir of migrationDirs.filter((d) => parseInt(d) < 3)) apply(db, dir);
  const now = iso("2026-01-01T00:00:00Z");
  db.exec(`
    INSERT INTO Prefecture (code, lgCode, name, kana) VALUES ('28', '280003', '兵庫県', 'ひょうごけん');
    INSERT INTO Municipality (code, prefectureCode, name, kana) VALUES ('282014', '28', '姫路市', 'ひめじし');
    INSERT INTO Role (id, name) VALUES ('r1', 'coordinator'), ('r2', 'facilitator'), ('r3', 'participant');
    INSERT INTO User (id, email, displayName, municipalityCode, department, createdAt, updatedAt) VALUES
      ('coord', 'c@example.jp', '事務局', NULL, '事務局', '${now}', '${now}'),
      ('fac', 'f@example.jp', '講師', NULL, '講師', '${now}', '${now}'),
      ('both', 'b@example.jp', '講師兼メンバー', NULL, '', '${now}', '${now}'),
      ('p1', 'p1@example.jp', '参加者一', '282014', '健康課（現在）', '${now}', '${now}'),
      ('p2', 'p2@example.jp', '参加者二', '282014', '', '${now}', '${now}');
    INSERT INTO Password (userId, hash, updatedAt) VALUES ('coord', 'x', '${now}'), ('fac', 'x', '${now}'), ('p1', 'x', '${now}');
    INSERT INTO UserRole (userId, roleId) VALUES ('coord', 'r1'), ('fac', 'r2'), ('both', 'r2'), ('p1', 'r3'), ('p2', 'r3');
    INSERT INTO Region (id, name, createdAt, updatedAt) VALUES ('reg', '播磨圏域', '${now}', '${now}');
    INSERT INTO Academy (id, regionId, fiscalYear, name, status, preLearningStartsAt, createdAt, updatedAt)
      VALUES ('ac', 'reg', 2025, '播磨', 'running', '${iso("2025-08-21T00:00:00Z")}', '${now}', '${now}');
    INSERT INTO AcademyStaff (academyId, userId, role) VALUES ('ac', 'coord', 'coordinator'), ('ac', 'coord', 'facilitator'), ('ac', 'fac', 'facilitator'), ('ac', 'both', 'facilitator');
    INSERT INTO WorkshopSession (id, academyId, sequence, kind, startsAt, endsAt, createdAt, updatedAt) VALUES
      ('s1', 'ac', 1, 'workshop', '${iso("2025-09-04T04:30:00Z")}', '${iso("2025-09-04T08:00:00Z")}', '${now}', '${now}'),
      ('s2', 'ac', 2, 'workshop', '${iso("2025-09-18T04:30:00Z")}', '${iso("2025-09-18T08:00:00Z")}', '${now}', '${now}'),
      ('s3', 'ac', 3, 'workshop', '${iso("2025-10-02T04:30:00Z")}', '${iso("2025-10-02T08:00:00Z")}', '${now}', '${now}');
    INSERT INTO Team (id, academyId, name, createdAt, updatedAt) VALUES ('t1', 'ac', 'チーム一', '${now}', '${now}'), ('t2', 'ac', 'チーム二', '${now}', '${now}');
    INSERT INTO TeamMember (id, teamId, userId, department, teamRole) VALUES
      ('m1', 't1', 'p1', '健康課（当時）', 'problem_owner'), ('m2', 't1', 'p2', '国保課', 'data_holder'),
      ('m3', 't2', 'p1', '健康課（当時）', 'other'), ('m4', 't2', 'both', '情報政策室', 'other');
    INSERT INTO Material (id, key, stage, audience, kind, origin, title, createdAt, updatedAt) VALUES
      ('h1', 'session1-participant', 'session1', 'participant', 'markdown', 'repository', '第1回', '${now}', '${now}'),
      ('pre', 'prelearning-participant', 'prelearning', 'participant', 'markdown', 'repository', '事前学習', '${now}', '${now}'),
      ('s4', 'session4-participant', 'session4', 'participant', 'markdown', 'repository', '第4回', '${now}', '${now}'),
      ('up', 'upload-1', 'general', 'participant', 'file', 'upload', '資料', '${now}', '${now}'),
      ('ln', 'upload-2', 'session2', 'participant', 'link', 'upload', 'リンク', '${now}', '${now}');
    INSERT INTO MaterialVersion (id, materialId, number, contentHash, fileName, mimeType, size, url, createdAt) VALUES
      ('v1', 'h1', 1, '${"a".repeat(64)}', '01.md', 'text/markdown; charset=utf-8', 100, '', '${now}'),
      ('v2', 'h1', 2, '${"b".repeat(64)}', '01.md', 'text/markdown; charset=utf-8', 120, '', '${now}'),
      ('v3', 'pre', 1, '${"c".repeat(64)}', '00.md', 'text/markdown; charset=utf-8', 90, '', '${now}'),
      ('v4', 's4', 1, '${"d".repeat(64)}', '04.md', 'text/markdown; charset=utf-8', 80, '', '${now}'),
      ('v5', 'up', 1, '${"a".repeat(64)}', 'スライド.pdf', 'application/pdf', 100, '', '${now}'),
      ('v6', 'ln', 1, '', '', '', 0, 'https://www.e-stat.go.jp/', '${now}');
    INSERT INTO AcademyMaterial (id, academyId, materialId, sessionId, releaseAt, createdAt) VALUES
      ('am1', 'ac', 'h1', 's1', '${iso("2025-08-28T04:30:00Z")}', '${now}'),
      ('am2', 'ac', 'pre', NULL, '${iso("2025-08-21T00:00:00Z")}', '${now}'),
      ('am3', 'ac', 's4', 's3', '${iso("2025-09-30T01:00:00Z")}', '${now}'),
      ('am4', 'ac', 'up', NULL, '${iso("2025-09-01T00:00:00Z")}', '${now}');
  `);
  return db;
}

describe("upgrading a database made before enrollments and stages", () => {
  it("carries staff, members, materials and releases over", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "upgrade-"));
    const file = path.join(dir, "old.db");
    const db = oldDatabase(file);
    apply(db, migrationDirs.find((d) => parseInt(d) === 3)!);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(db.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
    db.close();

    const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
    try {
      // Global roles shrink to the programme coordinator.
      const roles = await prisma.userRole.findMany({ select: { userId: true, role: { select: { name: true } } } });
      expect(roles).toEqual([{ userId: "coord", role: { name: "programme_coordinator" } }]);

      const enrollments = await prisma.enrollment.findMany({ orderBy: { userId: "asc" }, select: { userId: true, role: true, status: true, department: true, municipalityCode: true } });
      expect(enrollments).toEqual([
        { userId: "both", role: "facilitator", status: "invited", department: "", municipalityCode: null },
        { userId: "coord", role: "coordinator", status: "active", department: "事務局", municipalityCode: null },
        { userId: "fac", role: "facilitator", status: "active", department: "講師", municipalityCode: null },
        // The department they had on their team then, not the one on their profile now.
        { userId: "p1", role: "participant", status: "active", department: "健康課（当時）", municipalityCode: "282014" },
        { userId: "p2", role: "participant", status: "invited", department: "国保課", municipalityCode: "282014" },
      ]);
      const members = await prisma.teamMember.findMany({ orderBy: { id: "asc" }, select: { id: true, teamId: true, teamRole: true, enrollment: { select: { userId: true } } } });
      expect(members.map((m) => [m.id, m.teamId, m.enrollment.userId, m.teamRole])).toEqual([
        ["m1", "t1", "p1", "problem_owner"],
        ["m2", "t1", "p2", "data_holder"],
        ["m3", "t2", "p1", "other"],
        ["m4", "t2", "both", "other"],
      ]);

      const stages = await prisma.stage.findMany({ where: { academyId: "ac" }, orderBy: { position: "asc" }, select: { key: true, sessionId: true } });
      expect(stages).toEqual([
        { key: "prelearning", sessionId: null },
        { key: "problem_definition", sessionId: "s1" },
        { key: "data_collection", sessionId: "s2" },
        { key: "analysis", sessionId: "s3" },
        // An academy with three workshops: the later stages sit in the last one.
        { key: "proposal", sessionId: "s3" },
        { key: "retrospective", sessionId: "s3" },
      ]);

      // One stored file per blob, shared by the two versions with the same content.
      expect(await prisma.storedFile.count()).toBe(4);
      const versions = await prisma.materialVersion.findMany({ orderBy: { id: "asc" }, select: { id: true, fileName: true, storedFile: { select: { sha256: true, size: true, mimeType: true, storageKey: true } } } });
      expect(versions.find((v) => v.id === "v1")!.storedFile).toEqual(versions.find((v) => v.id === "v5")!.storedFile);
      expect(versions.find((v) => v.id === "v2")!.storedFile).toMatchObject({ sha256: "b".repeat(64), size: 120, storageKey: `bb/${"b".repeat(64)}` });
      expect(versions.find((v) => v.id === "v5")!.fileName).toBe("スライド.pdf");
      expect(versions.find((v) => v.id === "v6")!.storedFile).toBeNull();
      expect((await prisma.material.findMany({ orderBy: { id: "asc" }, select: { id: true, stageKey: true } })).map((m) => [m.id, m.stageKey])).toEqual([
        ["h1", "problem_definition"],
        ["ln", "data_collection"],
        ["pre", "prelearning"],
        ["s4", "proposal"],
        ["up", null],
      ]);

      const releases = await prisma.academyMaterial.findMany({ orderBy: { id: "asc" }, select: { id: true, releaseMode: true, releaseOffsetDays: true, releaseAt: true, stage: { select: { key: true } } } });
      expect(releases.map((r) => [r.id, r.stage?.key ?? null, r.releaseMode, r.releaseOffsetDays, r.releaseAt.toISOString()])).toEqual([
        // 7 days before session 1: follows the session from now on.
        ["am1", "problem_definition", "relative", -7, "2025-08-28T04:30:00.000Z"],
        // The pre-learning start itself.
        ["am2", "prelearning", "relative", 0, "2025-08-21T00:00:00.000Z"],
        // Attached to session 3 at an odd hour: a fixed date, on the stage of session 3.
        ["am3", "analysis", "fixed", 0, "2025-09-30T01:00:00.000Z"],
        // General material keeps its date.
        ["am4", null, "fixed", 0, "2025-09-01T00:00:00.000Z"],
      ]);
    } finally {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
