-- CreateTable
CREATE TABLE "RetroReady" (
    "retroId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("retroId", "phase", "userId"),
    CONSTRAINT "RetroReady_retroId_fkey" FOREIGN KEY ("retroId") REFERENCES "Retrospective" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

