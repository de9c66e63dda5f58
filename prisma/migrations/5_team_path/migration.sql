-- Issue 10: the team path (deliverables, versions, files with their personal-information scan,
-- review thread, extensions, data-use worksheets) and notifications. Columns are added in place
-- (no table rebuild) so existing rows and their foreign keys stay untouched.

-- CreateTable
CREATE TABLE "StageExtension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "grantedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StageExtension_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StageExtension_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deliverable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "work" TEXT NOT NULL DEFAULT '{}',
    "latestVersion" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deliverable_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deliverable_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliverableVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliverableId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "work" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT NOT NULL DEFAULT '',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "submittedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeliverableVersion_deliverableId_fkey" FOREIGN KEY ("deliverableId") REFERENCES "Deliverable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliverableFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliverableId" TEXT NOT NULL,
    "storedFileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "scanStatus" TEXT NOT NULL DEFAULT 'not_scanned',
    "scan" TEXT,
    "confirmReason" TEXT NOT NULL DEFAULT '',
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "uploadedById" TEXT,
    "removedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeliverableFile_deliverableId_fkey" FOREIGN KEY ("deliverableId") REFERENCES "Deliverable" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliverableFile_storedFileId_fkey" FOREIGN KEY ("storedFileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliverableVersionFile" (
    "versionId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    PRIMARY KEY ("versionId", "fileId"),
    CONSTRAINT "DeliverableVersionFile_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DeliverableVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeliverableVersionFile_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "DeliverableFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliverableId" TEXT NOT NULL,
    "versionNumber" INTEGER,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'comment',
    "body" TEXT NOT NULL DEFAULT '',
    "scores" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewComment_deliverableId_fkey" FOREIGN KEY ("deliverableId") REFERENCES "Deliverable" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DatasetWorksheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL DEFAULT '',
    "personalInfo" TEXT NOT NULL DEFAULT 'none',
    "processing" TEXT NOT NULL DEFAULT 'aggregate',
    "purpose" TEXT NOT NULL DEFAULT '',
    "withinPurpose" BOOLEAN NOT NULL DEFAULT true,
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "consultationStatus" TEXT NOT NULL DEFAULT 'not_needed',
    "consultationDate" DATETIME,
    "consultationNotes" TEXT NOT NULL DEFAULT '',
    "retention" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DatasetWorksheet_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL DEFAULT '',
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mail" BOOLEAN NOT NULL DEFAULT true,

    PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Stage: what a team hands in and the cut-off; existing stages of the default path get the
-- deliverables the curriculum asks for (decision 0010).
ALTER TABLE "Stage" ADD COLUMN "deliverable" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "Stage" ADD COLUMN "cutoffAt" DATETIME;
UPDATE "Stage" SET "deliverable" = 'both' WHERE "key" IN ('problem_definition', 'data_collection', 'analysis', 'proposal');

-- Team: the facilitator who reviews it
ALTER TABLE "Team" ADD COLUMN "facilitatorId" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Team_facilitatorId_idx" ON "Team"("facilitatorId");

-- Sessions: the homework teams do before the next one
ALTER TABLE "WorkshopSession" ADD COLUMN "homework" TEXT NOT NULL DEFAULT '';

-- Indexes of the team's path
CREATE UNIQUE INDEX "StageExtension_teamId_stageId_key" ON "StageExtension"("teamId", "stageId");
CREATE INDEX "StageExtension_stageId_idx" ON "StageExtension"("stageId");
CREATE UNIQUE INDEX "Deliverable_teamId_stageId_key" ON "Deliverable"("teamId", "stageId");
CREATE INDEX "Deliverable_stageId_status_idx" ON "Deliverable"("stageId", "status");
CREATE INDEX "Deliverable_status_submittedAt_idx" ON "Deliverable"("status", "submittedAt");
CREATE UNIQUE INDEX "DeliverableVersion_deliverableId_number_key" ON "DeliverableVersion"("deliverableId", "number");
CREATE INDEX "DeliverableFile_deliverableId_idx" ON "DeliverableFile"("deliverableId");
CREATE INDEX "DeliverableFile_storedFileId_idx" ON "DeliverableFile"("storedFileId");
CREATE INDEX "DeliverableVersionFile_fileId_idx" ON "DeliverableVersionFile"("fileId");
CREATE INDEX "ReviewComment_deliverableId_createdAt_idx" ON "ReviewComment"("deliverableId", "createdAt");
CREATE INDEX "ReviewComment_authorId_idx" ON "ReviewComment"("authorId");
CREATE INDEX "DatasetWorksheet_teamId_idx" ON "DatasetWorksheet"("teamId");
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
