-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "job" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "error" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "sentAt" DATETIME,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sealed" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedUntil" DATETIME,
    "nextAttemptAt" DATETIME
);
INSERT INTO "new_MailMessage" ("createdAt", "error", "id", "sentAt", "subject", "text", "to", "transport") SELECT "createdAt", "error", "id", "sentAt", "subject", "text", "to", "transport" FROM "MailMessage";
DROP TABLE "MailMessage";
ALTER TABLE "new_MailMessage" RENAME TO "MailMessage";
CREATE INDEX "MailMessage_createdAt_idx" ON "MailMessage"("createdAt");
CREATE INDEX "MailMessage_sentAt_nextAttemptAt_idx" ON "MailMessage"("sentAt", "nextAttemptAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "JobRun_startedAt_idx" ON "JobRun"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_slot_key" ON "JobRun"("job", "slot");

