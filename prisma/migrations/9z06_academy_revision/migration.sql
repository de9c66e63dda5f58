-- CreateTable
CREATE TABLE "AcademyRevision" (
    "academyId" TEXT NOT NULL PRIMARY KEY,
    "revision" TEXT NOT NULL
);



-- Each write to what an academy's KPI facts are counted from gives the academy a new revision
-- (a random token): the KPI report counts again only academies whose revision moved
-- (app/modules/kpi/facts.server.ts, decision 0021).
CREATE TRIGGER "AcademyRevision_Academy_insert" AFTER INSERT ON "Academy" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT NEW."id" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Academy_update" AFTER UPDATE OF "regionId", "completionMinSessions", "completionPreLearning" ON "Academy" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."id" AS "id" UNION SELECT NEW."id" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Academy_delete" AFTER DELETE ON "Academy" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."id" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Enrollment_insert" AFTER INSERT ON "Enrollment" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Enrollment_update" AFTER UPDATE OF "academyId", "userId", "role", "status", "municipalityCode" ON "Enrollment" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id" UNION SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Enrollment_delete" AFTER DELETE ON "Enrollment" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Attendance_insert" AFTER INSERT ON "Attendance" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Enrollment" WHERE "id" = NEW."enrollmentId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Attendance_update" AFTER UPDATE OF "enrollmentId", "status" ON "Attendance" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Enrollment" WHERE "id" = OLD."enrollmentId" UNION SELECT "academyId" AS "id" FROM "Enrollment" WHERE "id" = NEW."enrollmentId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Attendance_delete" AFTER DELETE ON "Attendance" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Enrollment" WHERE "id" = OLD."enrollmentId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_PreLearningCompletion_insert" AFTER INSERT ON "PreLearningCompletion" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_PreLearningCompletion_update" AFTER UPDATE OF "userId", "academyId", "materialId" ON "PreLearningCompletion" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id" UNION SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_PreLearningCompletion_delete" AFTER DELETE ON "PreLearningCompletion" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_AcademyMaterial_insert" AFTER INSERT ON "AcademyMaterial" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_AcademyMaterial_update" AFTER UPDATE OF "academyId", "materialId", "releaseAt" ON "AcademyMaterial" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id" UNION SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_AcademyMaterial_delete" AFTER DELETE ON "AcademyMaterial" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_WorkshopSession_insert" AFTER INSERT ON "WorkshopSession" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_WorkshopSession_update" AFTER UPDATE OF "academyId", "endsAt" ON "WorkshopSession" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id" UNION SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_WorkshopSession_delete" AFTER DELETE ON "WorkshopSession" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Team_insert" AFTER INSERT ON "Team" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Team_update" AFTER UPDATE OF "academyId" ON "Team" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id" UNION SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Team_delete" AFTER DELETE ON "Team" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_TeamMunicipality_insert" AFTER INSERT ON "TeamMunicipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = NEW."teamId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_TeamMunicipality_update" AFTER UPDATE OF "teamId", "municipalityCode" ON "TeamMunicipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = OLD."teamId" UNION SELECT "academyId" AS "id" FROM "Team" WHERE "id" = NEW."teamId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_TeamMunicipality_delete" AFTER DELETE ON "TeamMunicipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = OLD."teamId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_ProposalOutcome_insert" AFTER INSERT ON "ProposalOutcome" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = NEW."teamId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_ProposalOutcome_update" AFTER UPDATE OF "teamId", "status", "createdAt" ON "ProposalOutcome" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = OLD."teamId" UNION SELECT "academyId" AS "id" FROM "Team" WHERE "id" = NEW."teamId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_ProposalOutcome_delete" AFTER DELETE ON "ProposalOutcome" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = OLD."teamId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Material_update" AFTER UPDATE OF "stageKey", "audience" ON "Material" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "AcademyMaterial" WHERE "materialId" = OLD."id" UNION SELECT "academyId" AS "id" FROM "AcademyMaterial" WHERE "materialId" = NEW."id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Material_delete" AFTER DELETE ON "Material" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "academyId" AS "id" FROM "AcademyMaterial" WHERE "materialId" = OLD."id") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_RegionMunicipality_insert" AFTER INSERT ON "RegionMunicipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "id" AS "id" FROM "Academy" WHERE "regionId" = NEW."regionId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_RegionMunicipality_update" AFTER UPDATE OF "regionId", "municipalityCode" ON "RegionMunicipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "id" AS "id" FROM "Academy" WHERE "regionId" = OLD."regionId" UNION SELECT "id" AS "id" FROM "Academy" WHERE "regionId" = NEW."regionId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_RegionMunicipality_delete" AFTER DELETE ON "RegionMunicipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "id" AS "id" FROM "Academy" WHERE "regionId" = OLD."regionId") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
CREATE TRIGGER "AcademyRevision_Municipality_update" AFTER UPDATE OF "prefectureCode" ON "Municipality" FOR EACH ROW BEGIN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", lower(hex(randomblob(8))) FROM (SELECT "id" AS "id" FROM "Academy" UNION SELECT "id" AS "id" FROM "Academy") AS "changed" WHERE "id" IS NOT NULL
    ON CONFLICT ("academyId") DO UPDATE SET "revision" = excluded."revision";
END;
