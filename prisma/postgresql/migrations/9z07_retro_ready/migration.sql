-- CreateTable
CREATE TABLE "RetroReady" (
    "retroId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetroReady_pkey" PRIMARY KEY ("retroId","phase","userId")
);

-- AddForeignKey
ALTER TABLE "RetroReady" ADD CONSTRAINT "RetroReady_retroId_fkey" FOREIGN KEY ("retroId") REFERENCES "Retrospective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

