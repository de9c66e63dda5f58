-- Issue 13: the case library (事例) with the governments of each case.
-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT,
    "fiscalYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "themeCategory" TEXT NOT NULL,
    "populationBand" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "dataUsed" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL DEFAULT '',
    "result" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT '',
    "contactDepartment" TEXT NOT NULL DEFAULT '',
    "teamApprovedAt" DATETIME,
    "teamApprovedById" TEXT,
    "coordinatorApprovedAt" DATETIME,
    "coordinatorApprovedById" TEXT,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseMunicipality" (
    "caseId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,

    PRIMARY KEY ("caseId", "municipalityCode"),
    CONSTRAINT "CaseMunicipality_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_teamId_key" ON "Case"("teamId");

-- CreateIndex
CREATE INDEX "Case_publishedAt_fiscalYear_idx" ON "Case"("publishedAt", "fiscalYear");

-- CreateIndex
CREATE INDEX "Case_themeCategory_idx" ON "Case"("themeCategory");

-- CreateIndex
CREATE INDEX "CaseMunicipality_municipalityCode_idx" ON "CaseMunicipality"("municipalityCode");

