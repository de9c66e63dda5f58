-- Issue 11: attendance, retrospective boards and their actions, surveys, proposal outcomes.
-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Retrospective" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "academyId" TEXT NOT NULL,
    "sessionId" TEXT,
    "teamId" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "template" TEXT NOT NULL DEFAULT 'kpt',
    "prompts" TEXT NOT NULL DEFAULT '[]',
    "phase" TEXT NOT NULL DEFAULT 'review',
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "voteBudget" INTEGER NOT NULL DEFAULT 3,
    "maxVotesPerGroup" INTEGER NOT NULL DEFAULT 2,
    "phaseEndsAt" DATETIME,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Retrospective_academyId_fkey" FOREIGN KEY ("academyId") REFERENCES "Academy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Retrospective_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Retrospective_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetroCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "retroId" TEXT NOT NULL,
    "authorId" TEXT,
    "prompt" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "groupId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RetroCard_retroId_fkey" FOREIGN KEY ("retroId") REFERENCES "Retrospective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetroCard_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "RetroGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetroGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "retroId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RetroGroup_retroId_fkey" FOREIGN KEY ("retroId") REFERENCES "Retrospective" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetroVote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "retroId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RetroVote_retroId_fkey" FOREIGN KEY ("retroId") REFERENCES "Retrospective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetroVote_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "RetroGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetroAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "retroId" TEXT NOT NULL,
    "teamId" TEXT,
    "groupId" TEXT,
    "text" TEXT NOT NULL,
    "ownerId" TEXT,
    "dueAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reviewedInId" TEXT,
    "carriedFromId" TEXT,
    "stageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RetroAction_retroId_fkey" FOREIGN KEY ("retroId") REFERENCES "Retrospective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetroAction_reviewedInId_fkey" FOREIGN KEY ("reviewedInId") REFERENCES "Retrospective" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RetroAction_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RetroAction_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "RetroGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RetroAction_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "academyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sessionId" TEXT,
    "surveyKey" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyResponse_academyId_fkey" FOREIGN KEY ("academyId") REFERENCES "Academy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProposalOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "monthsAfter" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProposalOutcome_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Academy: completion rule and survey anonymity, added in place (no table rebuild)
ALTER TABLE "Academy" ADD COLUMN "completionMinSessions" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "Academy" ADD COLUMN "completionPreLearning" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Academy" ADD COLUMN "surveysAnonymous" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "Attendance_enrollmentId_idx" ON "Attendance"("enrollmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_sessionId_enrollmentId_key" ON "Attendance"("sessionId", "enrollmentId");

-- CreateIndex
CREATE INDEX "Retrospective_academyId_createdAt_idx" ON "Retrospective"("academyId", "createdAt");

-- CreateIndex
CREATE INDEX "Retrospective_teamId_createdAt_idx" ON "Retrospective"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Retrospective_sessionId_idx" ON "Retrospective"("sessionId");

-- CreateIndex
CREATE INDEX "RetroCard_retroId_createdAt_idx" ON "RetroCard"("retroId", "createdAt");

-- CreateIndex
CREATE INDEX "RetroCard_groupId_idx" ON "RetroCard"("groupId");

-- CreateIndex
CREATE INDEX "RetroGroup_retroId_position_idx" ON "RetroGroup"("retroId", "position");

-- CreateIndex
CREATE INDEX "RetroVote_retroId_userId_idx" ON "RetroVote"("retroId", "userId");

-- CreateIndex
CREATE INDEX "RetroVote_groupId_idx" ON "RetroVote"("groupId");

-- CreateIndex
CREATE INDEX "RetroAction_retroId_idx" ON "RetroAction"("retroId");

-- CreateIndex
CREATE INDEX "RetroAction_teamId_status_idx" ON "RetroAction"("teamId", "status");

-- CreateIndex
CREATE INDEX "RetroAction_reviewedInId_idx" ON "RetroAction"("reviewedInId");

-- CreateIndex
CREATE INDEX "RetroAction_stageId_idx" ON "RetroAction"("stageId");

-- CreateIndex
CREATE INDEX "SurveyResponse_academyId_kind_idx" ON "SurveyResponse"("academyId", "kind");

-- CreateIndex
CREATE INDEX "SurveyResponse_userId_idx" ON "SurveyResponse"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_academyId_surveyKey_userId_key" ON "SurveyResponse"("academyId", "surveyKey", "userId");

-- CreateIndex
CREATE INDEX "ProposalOutcome_status_idx" ON "ProposalOutcome"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalOutcome_teamId_monthsAfter_key" ON "ProposalOutcome"("teamId", "monthsAfter");

