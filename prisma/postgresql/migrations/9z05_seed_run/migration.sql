-- CreateTable
CREATE TABLE "SeedRun" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SeedRun_pkey" PRIMARY KEY ("id")
);

