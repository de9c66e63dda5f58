-- Issue 13: calls for applications (募集), their tracks, criteria, documents and reviewers; applications with their governments, files and scores.
-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fiscalYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "deadlineAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "resultsPublishedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CallTrack" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "places" INTEGER NOT NULL,
    "maxApplications" INTEGER,
    "position" INTEGER NOT NULL,
    CONSTRAINT "CallTrack_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "maxScore" INTEGER NOT NULL DEFAULT 5,
    "position" INTEGER NOT NULL,
    CONSTRAINT "CallCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "storedFileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CallDocument_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallDocument_storedFileId_fkey" FOREIGN KEY ("storedFileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallReviewer" (
    "callId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("callId", "userId"),
    CONSTRAINT "CallReviewer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "decision" TEXT,
    "leadMunicipalityCode" TEXT,
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactDepartment" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "problem" TEXT NOT NULL DEFAULT '',
    "dataHeld" TEXT NOT NULL DEFAULT '',
    "dataDepartment" TEXT NOT NULL DEFAULT '',
    "staffCount" INTEGER,
    "consentPublication" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "decidedAt" DATETIME,
    "decisionMailedAt" DATETIME,
    "academyId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "CallTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationMunicipality" (
    "applicationId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,

    PRIMARY KEY ("applicationId", "municipalityCode"),
    CONSTRAINT "ApplicationMunicipality_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "storedFileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationFile_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationFile_storedFileId_fkey" FOREIGN KEY ("storedFileId") REFERENCES "StoredFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApplicationScore_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "CallCriterion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationScore_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Call_publishedAt_deadlineAt_idx" ON "Call"("publishedAt", "deadlineAt");

-- CreateIndex
CREATE INDEX "Call_fiscalYear_idx" ON "Call"("fiscalYear");

-- CreateIndex
CREATE INDEX "CallTrack_callId_position_idx" ON "CallTrack"("callId", "position");

-- CreateIndex
CREATE INDEX "CallCriterion_callId_position_idx" ON "CallCriterion"("callId", "position");

-- CreateIndex
CREATE INDEX "CallDocument_callId_idx" ON "CallDocument"("callId");

-- CreateIndex
CREATE INDEX "CallDocument_storedFileId_idx" ON "CallDocument"("storedFileId");

-- CreateIndex
CREATE INDEX "CallReviewer_userId_idx" ON "CallReviewer"("userId");

-- CreateIndex
CREATE INDEX "Application_callId_trackId_status_idx" ON "Application"("callId", "trackId", "status");

-- CreateIndex
CREATE INDEX "Application_applicantId_idx" ON "Application"("applicantId");

-- CreateIndex
CREATE INDEX "Application_trackId_leadMunicipalityCode_idx" ON "Application"("trackId", "leadMunicipalityCode");

-- CreateIndex
CREATE INDEX "ApplicationMunicipality_municipalityCode_idx" ON "ApplicationMunicipality"("municipalityCode");

-- CreateIndex
CREATE INDEX "ApplicationFile_applicationId_idx" ON "ApplicationFile"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationFile_storedFileId_idx" ON "ApplicationFile"("storedFileId");

-- CreateIndex
CREATE INDEX "ApplicationScore_reviewerId_idx" ON "ApplicationScore"("reviewerId");

-- CreateIndex
CREATE INDEX "ApplicationScore_criterionId_idx" ON "ApplicationScore"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationScore_applicationId_reviewerId_criterionId_key" ON "ApplicationScore"("applicationId", "reviewerId", "criterionId");

