-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "trainingLevel" TEXT;
ALTER TABLE "Enrollment" ADD COLUMN "trainingLevelAt" DATETIME;

-- CreateTable
CREATE TABLE "CaseFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "storedFileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseFile_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseFile_storedFileId_fkey" FOREIGN KEY ("storedFileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "affiliation" TEXT NOT NULL DEFAULT '',
    "fields" TEXT NOT NULL DEFAULT '',
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Expert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationTopic" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExpertTopic" (
    "expertId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,

    PRIMARY KEY ("expertId", "topicId"),
    CONSTRAINT "ExpertTopic_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExpertTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ConsultationTopic" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fiscalYear" INTEGER NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "applicationId" TEXT,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "background" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'requested',
    "closingReason" TEXT NOT NULL DEFAULT '',
    "mode" TEXT,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "venueName" TEXT NOT NULL DEFAULT '',
    "venueAddress" TEXT NOT NULL DEFAULT '',
    "onlineUrl" TEXT NOT NULL DEFAULT '',
    "issues" TEXT NOT NULL DEFAULT '',
    "advice" TEXT NOT NULL DEFAULT '',
    "recordedAt" DATETIME,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Consultation_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Consultation_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Consultation_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "ConsultationTopic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationExpert" (
    "consultationId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,

    PRIMARY KEY ("consultationId", "expertId"),
    CONSTRAINT "ConsultationExpert_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationExpert_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ConsultationAction_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationFollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "authorId" TEXT,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsultationFollowUp_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConsultationFollowUp_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
ALTER TABLE "SessionFacilitator" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'lead';

-- CreateIndex
CREATE INDEX "CaseFile_caseId_idx" ON "CaseFile"("caseId");

-- CreateIndex
CREATE INDEX "CaseFile_storedFileId_idx" ON "CaseFile"("storedFileId");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_userId_key" ON "Expert"("userId");

-- CreateIndex
CREATE INDEX "ConsultationTopic_position_idx" ON "ConsultationTopic"("position");

-- CreateIndex
CREATE INDEX "ExpertTopic_topicId_idx" ON "ExpertTopic"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_applicationId_key" ON "Consultation"("applicationId");

-- CreateIndex
CREATE INDEX "Consultation_status_startsAt_idx" ON "Consultation"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Consultation_startsAt_idx" ON "Consultation"("startsAt");

-- CreateIndex
CREATE INDEX "Consultation_requesterId_idx" ON "Consultation"("requesterId");

-- CreateIndex
CREATE INDEX "Consultation_fiscalYear_status_idx" ON "Consultation"("fiscalYear", "status");

-- CreateIndex
CREATE INDEX "Consultation_topicId_idx" ON "Consultation"("topicId");

-- CreateIndex
CREATE INDEX "Consultation_municipalityCode_idx" ON "Consultation"("municipalityCode");

-- CreateIndex
CREATE INDEX "ConsultationExpert_expertId_idx" ON "ConsultationExpert"("expertId");

-- CreateIndex
CREATE INDEX "ConsultationAction_consultationId_idx" ON "ConsultationAction"("consultationId");

-- CreateIndex
CREATE INDEX "ConsultationAction_status_dueOn_idx" ON "ConsultationAction"("status", "dueOn");

-- CreateIndex
CREATE INDEX "ConsultationFollowUp_consultationId_createdAt_idx" ON "ConsultationFollowUp"("consultationId", "createdAt");

