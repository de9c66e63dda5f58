-- Issue 9: sign-in attempts remember the device cookie; personal iCal feed tokens are no longer
-- stored in plain text (a hash for lookup, a nonce to derive the URL from the server secret).
-- Existing feed URLs stop working: they cannot be hashed in SQL, and a plain copy must not stay.

-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN "deviceId" TEXT;

-- CreateIndex
CREATE INDEX "LoginAttempt_deviceId_createdAt_idx" ON "LoginAttempt"("deviceId", "createdAt");

-- Feed tokens
DROP INDEX "User_calendarToken_key";
ALTER TABLE "User" DROP COLUMN "calendarToken";
ALTER TABLE "User" ADD COLUMN "calendarTokenHash" TEXT;
ALTER TABLE "User" ADD COLUMN "calendarTokenNonce" TEXT;
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");
