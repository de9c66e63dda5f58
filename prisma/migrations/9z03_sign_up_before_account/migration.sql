-- CreateTable
CREATE TABLE "SignUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "tokenHash" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignUp_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "CallTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SignUp_tokenHash_key" ON "SignUp"("tokenHash");

-- CreateIndex
CREATE INDEX "SignUp_email_createdAt_idx" ON "SignUp"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignUp_ipAddress_createdAt_idx" ON "SignUp"("ipAddress", "createdAt");

-- CreateIndex
CREATE INDEX "SignUp_trackId_idx" ON "SignUp"("trackId");

