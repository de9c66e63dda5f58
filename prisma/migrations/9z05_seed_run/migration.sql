-- CreateTable
CREATE TABLE "SeedRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "finishedAt" DATETIME NOT NULL
);

