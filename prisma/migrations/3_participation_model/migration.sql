-- Participation model: enrollments replace AcademyStaff and carry team membership; stages per
-- academy; one StoredFile per blob; releases follow the schedule. docs/decisions/0007.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Role" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'global',
    "description" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Role" ("description", "id", "name", "scope")
SELECT "description", "id", "name", CASE WHEN "name" IN ('facilitator', 'participant') THEN 'academy' ELSE 'global' END FROM "Role";
DROP TABLE "Role";
ALTER TABLE "new_Role" RENAME TO "Role";
CREATE UNIQUE INDEX "Role_name_key" ON "Role"("name");

-- The old global coordinator is the programme coordinator; facilitator and participant are now
-- held per academy through an enrollment, never globally.
UPDATE "Role" SET "name" = 'programme_coordinator' WHERE "name" = 'coordinator';
DELETE FROM "UserRole" WHERE "roleId" IN (SELECT "id" FROM "Role" WHERE "scope" = 'academy');
INSERT OR IGNORE INTO "Role" ("id", "name", "scope") VALUES
  ('role_academy_coordinator', 'coordinator', 'academy'),
  ('role_academy_facilitator', 'facilitator', 'academy'),
  ('role_academy_participant', 'participant', 'academy'),
  ('role_academy_observer', 'observer', 'academy');

-- Enrollment: one row per academy × person
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "academyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "municipalityCode" TEXT,
    "department" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Enrollment_academyId_fkey" FOREIGN KEY ("academyId") REFERENCES "Academy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_role_fkey" FOREIGN KEY ("role") REFERENCES "Role" ("name") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- Staff: the most capable role when someone was both coordinator and facilitator.
INSERT INTO "Enrollment" ("id", "academyId", "userId", "role", "status", "municipalityCode", "department", "createdAt", "updatedAt")
SELECT 'enr' || lower(hex(randomblob(10))), s."academyId", s."userId",
       CASE WHEN MAX(s."role" = 'coordinator') = 1 THEN 'coordinator' ELSE 'facilitator' END,
       CASE WHEN EXISTS (SELECT 1 FROM "Password" p WHERE p."userId" = s."userId") THEN 'active' ELSE 'invited' END,
       u."municipalityCode", u."department", strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')
FROM "AcademyStaff" s JOIN "User" u ON u."id" = s."userId"
GROUP BY s."academyId", s."userId";

-- Team members not on the staff: participants, with the department they had on their team.
INSERT INTO "Enrollment" ("id", "academyId", "userId", "role", "status", "municipalityCode", "department", "createdAt", "updatedAt")
SELECT 'enr' || lower(hex(randomblob(10))), t."academyId", m."userId", 'participant',
       CASE WHEN EXISTS (SELECT 1 FROM "Password" p WHERE p."userId" = m."userId") THEN 'active' ELSE 'invited' END,
       u."municipalityCode", COALESCE(MAX(NULLIF(m."department", '')), u."department"), strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')
FROM "TeamMember" m JOIN "Team" t ON t."id" = m."teamId" JOIN "User" u ON u."id" = m."userId"
WHERE NOT EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."academyId" = t."academyId" AND e."userId" = m."userId")
GROUP BY t."academyId", m."userId";

CREATE TABLE "new_TeamMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "teamRole" TEXT NOT NULL DEFAULT 'other',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamMember_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TeamMember" ("id", "teamId", "enrollmentId", "teamRole", "createdAt")
SELECT m."id", m."teamId", e."id", m."teamRole", strftime('%Y-%m-%dT%H:%M:%fZ','now')
FROM "TeamMember" m JOIN "Team" t ON t."id" = m."teamId"
JOIN "Enrollment" e ON e."academyId" = t."academyId" AND e."userId" = m."userId";
DROP TABLE "TeamMember";
ALTER TABLE "new_TeamMember" RENAME TO "TeamMember";
CREATE INDEX "TeamMember_enrollmentId_idx" ON "TeamMember"("enrollmentId");
CREATE UNIQUE INDEX "TeamMember_teamId_enrollmentId_key" ON "TeamMember"("teamId", "enrollmentId");
CREATE TABLE "new_Material" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "stageKey" TEXT,
    "audience" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Material" ("audience", "createdAt", "id", "key", "kind", "origin", "sortOrder", "summary", "summaryEn", "title", "titleEn", "updatedAt", "stageKey")
SELECT "audience", "createdAt", "id", "key", "kind", "origin", "sortOrder", "summary", "summaryEn", "title", "titleEn", "updatedAt",
       CASE "stage" WHEN 'prelearning' THEN 'prelearning' WHEN 'session1' THEN 'problem_definition' WHEN 'session2' THEN 'data_collection'
                    WHEN 'session3' THEN 'analysis' WHEN 'session4' THEN 'proposal' ELSE NULL END
FROM "Material";
DROP TABLE "Material";
ALTER TABLE "new_Material" RENAME TO "Material";
CREATE UNIQUE INDEX "Material_key_key" ON "Material"("key");
-- One StoredFile per distinct blob the versions held
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "extension" TEXT NOT NULL DEFAULT '',
    "originalName" TEXT NOT NULL DEFAULT '',
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

INSERT INTO "StoredFile" ("id", "sha256", "size", "mimeType", "extension", "originalName", "storageKey", "createdAt")
SELECT 'sf' || lower(hex(randomblob(10))), "contentHash", MAX("size"), MIN("mimeType"),
       CASE WHEN MIN("mimeType") = 'application/pdf' THEN 'pdf'
            WHEN MIN("mimeType") LIKE '%wordprocessingml%' THEN 'docx'
            WHEN MIN("mimeType") LIKE '%spreadsheetml%' THEN 'xlsx'
            WHEN MIN("mimeType") LIKE '%presentationml%' THEN 'pptx'
            WHEN MIN("mimeType") LIKE 'text/markdown%' THEN 'md' ELSE '' END,
       MIN("fileName"), substr("contentHash", 1, 2) || '/' || "contentHash", MIN("createdAt")
FROM "MaterialVersion" WHERE "contentHash" <> '' GROUP BY "contentHash";

CREATE TABLE "new_MaterialVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "materialId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "storedFileId" TEXT,
    "fileName" TEXT NOT NULL DEFAULT '',
    "body" TEXT,
    "url" TEXT NOT NULL DEFAULT '',
    "uploadedById" TEXT,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MaterialVersion_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaterialVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MaterialVersion_storedFileId_fkey" FOREIGN KEY ("storedFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MaterialVersion" ("body", "createdAt", "fileName", "id", "label", "materialId", "number", "retiredAt", "uploadedById", "url", "storedFileId")
SELECT v."body", v."createdAt", v."fileName", v."id", v."label", v."materialId", v."number", v."retiredAt", v."uploadedById", v."url",
       (SELECT f."id" FROM "StoredFile" f WHERE f."sha256" = v."contentHash")
FROM "MaterialVersion" v;
DROP TABLE "MaterialVersion";
ALTER TABLE "new_MaterialVersion" RENAME TO "MaterialVersion";
CREATE INDEX "MaterialVersion_storedFileId_idx" ON "MaterialVersion"("storedFileId");
CREATE INDEX "MaterialVersion_uploadedById_idx" ON "MaterialVersion"("uploadedById");
CREATE UNIQUE INDEX "MaterialVersion_materialId_number_key" ON "MaterialVersion"("materialId", "number");
-- Default stages for every academy, tied to its workshops in order (the old session1..4)
CREATE TABLE "Stage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "academyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "sessionId" TEXT,
    "dueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stage_academyId_fkey" FOREIGN KEY ("academyId") REFERENCES "Academy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Stage_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

WITH "w" AS (
  SELECT "id", "academyId", ROW_NUMBER() OVER (PARTITION BY "academyId" ORDER BY "sequence") AS "n"
  FROM "WorkshopSession" WHERE "kind" = 'workshop'
), "k" ("key", "position", "n") AS (
  VALUES ('prelearning', 1, NULL), ('problem_definition', 2, 1), ('data_collection', 3, 2),
         ('analysis', 4, 3), ('proposal', 5, 4), ('retrospective', 6, 4)
)
INSERT INTO "Stage" ("id", "academyId", "key", "position", "title", "sessionId", "createdAt", "updatedAt")
SELECT 'stg' || lower(hex(randomblob(10))), a."id", k."key", k."position", '',
       (SELECT w."id" FROM "w" WHERE w."academyId" = a."id" AND w."n" <= k."n" ORDER BY w."n" DESC LIMIT 1),
       strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')
FROM "Academy" a CROSS JOIN "k";

CREATE TABLE "new_AcademyMaterial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "academyId" TEXT NOT NULL,
    "materialId" TEXT NOT NULL,
    "stageId" TEXT,
    "releaseMode" TEXT NOT NULL DEFAULT 'relative',
    "releaseOffsetDays" INTEGER NOT NULL DEFAULT -7,
    "releaseAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AcademyMaterial_academyId_fkey" FOREIGN KEY ("academyId") REFERENCES "Academy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AcademyMaterial_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AcademyMaterial_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- A release becomes relative when it lies a whole number of days from its stage's anchor (the
-- stage's session, or the pre-learning start); anything else keeps its date as a fixed one.
INSERT INTO "new_AcademyMaterial" ("id", "academyId", "materialId", "stageId", "releaseMode", "releaseOffsetDays", "releaseAt", "createdAt", "updatedAt")
SELECT x."id", x."academyId", x."materialId", x."stageId",
       CASE WHEN x."anchor" IS NOT NULL AND abs(x."diff" - round(x."diff")) < 0.0001 THEN 'relative' ELSE 'fixed' END,
       CASE WHEN x."anchor" IS NOT NULL AND abs(x."diff" - round(x."diff")) < 0.0001 THEN CAST(round(x."diff") AS INTEGER) ELSE 0 END,
       x."releaseAt", x."createdAt", strftime('%Y-%m-%dT%H:%M:%fZ','now')
FROM (
  SELECT y.*, julianday(y."releaseAt") - julianday(y."anchor") AS "diff"
  FROM (
    SELECT am."id", am."academyId", am."materialId", am."releaseAt", am."createdAt", st."id" AS "stageId",
           CASE WHEN st."id" IS NULL THEN NULL
                WHEN st."sessionId" IS NOT NULL THEN (SELECT ws."startsAt" FROM "WorkshopSession" ws WHERE ws."id" = st."sessionId")
                ELSE COALESCE(a."preLearningStartsAt",
                       (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ws."startsAt", '-14 days') FROM "WorkshopSession" ws
                        WHERE ws."academyId" = am."academyId" AND ws."kind" = 'workshop' ORDER BY ws."sequence" LIMIT 1)) END AS "anchor"
    FROM "AcademyMaterial" am
    JOIN "Academy" a ON a."id" = am."academyId"
    JOIN "Material" m ON m."id" = am."materialId"
    LEFT JOIN "Stage" st ON st."id" = CASE
      WHEN am."sessionId" IS NOT NULL THEN (SELECT s2."id" FROM "Stage" s2 WHERE s2."academyId" = am."academyId" AND s2."sessionId" = am."sessionId" ORDER BY s2."position" LIMIT 1)
      WHEN m."stageKey" = 'prelearning' THEN (SELECT s2."id" FROM "Stage" s2 WHERE s2."academyId" = am."academyId" AND s2."key" = 'prelearning')
      ELSE NULL END
  ) y
) x;
DROP TABLE "AcademyMaterial";
ALTER TABLE "new_AcademyMaterial" RENAME TO "AcademyMaterial";
CREATE INDEX "AcademyMaterial_academyId_releaseAt_idx" ON "AcademyMaterial"("academyId", "releaseAt");
CREATE INDEX "AcademyMaterial_materialId_idx" ON "AcademyMaterial"("materialId");
CREATE INDEX "AcademyMaterial_stageId_idx" ON "AcademyMaterial"("stageId");
CREATE UNIQUE INDEX "AcademyMaterial_academyId_materialId_key" ON "AcademyMaterial"("academyId", "materialId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- DropIndex
DROP INDEX "AcademyStaff_userId_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "AcademyStaff";
PRAGMA foreign_keys=on;







-- CreateIndex
CREATE INDEX "Enrollment_userId_status_idx" ON "Enrollment"("userId", "status");

-- CreateIndex
CREATE INDEX "Enrollment_academyId_role_idx" ON "Enrollment"("academyId", "role");

-- CreateIndex
CREATE INDEX "Enrollment_role_idx" ON "Enrollment"("role");

-- CreateIndex
CREATE INDEX "Enrollment_municipalityCode_idx" ON "Enrollment"("municipalityCode");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_academyId_userId_key" ON "Enrollment"("academyId", "userId");

-- CreateIndex
CREATE INDEX "Stage_academyId_position_idx" ON "Stage"("academyId", "position");

-- CreateIndex
CREATE INDEX "Stage_sessionId_idx" ON "Stage"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_academyId_key_key" ON "Stage"("academyId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_sha256_key" ON "StoredFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_createdAt_idx" ON "StoredFile"("createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_uploadedById_idx" ON "StoredFile"("uploadedById");

-- CreateIndex
CREATE INDEX "UserRole_roleId_idx" ON "UserRole"("roleId");

-- CreateIndex
CREATE INDEX "Invitation_invitedById_idx" ON "Invitation"("invitedById");

-- CreateIndex
CREATE INDEX "Invitation_academyId_idx" ON "Invitation"("academyId");

-- CreateIndex
CREATE INDEX "RegionMunicipality_municipalityCode_idx" ON "RegionMunicipality"("municipalityCode");

-- CreateIndex
CREATE INDEX "WorkshopSession_endsAt_idx" ON "WorkshopSession"("endsAt");

-- CreateIndex
CREATE INDEX "Team_leadId_idx" ON "Team"("leadId");

-- CreateIndex
CREATE INDEX "TeamMunicipality_municipalityCode_idx" ON "TeamMunicipality"("municipalityCode");

-- CreateIndex
CREATE INDEX "AuditEvent_entityId_createdAt_idx" ON "AuditEvent"("entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "MaterialAccess_versionId_idx" ON "MaterialAccess"("versionId");

-- CreateIndex
CREATE INDEX "PreLearningCompletion_academyId_materialId_idx" ON "PreLearningCompletion"("academyId", "materialId");

-- CreateIndex
CREATE INDEX "PreLearningCompletion_materialId_idx" ON "PreLearningCompletion"("materialId");

