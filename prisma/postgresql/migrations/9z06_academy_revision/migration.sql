-- CreateTable
CREATE TABLE "AcademyRevision" (
    "academyId" TEXT NOT NULL,
    "revision" TEXT NOT NULL,

    CONSTRAINT "AcademyRevision_pkey" PRIMARY KEY ("academyId")
);



-- Each write to what an academy's KPI facts are counted from gives the academy a new revision
-- (a random token): the KPI report counts again only academies whose revision moved
-- (app/modules/kpi/facts.server.ts, decision 0021).
CREATE FUNCTION "academy_revision_academy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT OLD."id" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT NEW."id" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_Academy_insert" AFTER INSERT ON "Academy" FOR EACH ROW EXECUTE FUNCTION "academy_revision_academy"();
CREATE TRIGGER "AcademyRevision_Academy_update" AFTER UPDATE OF "regionId", "completionMinSessions", "completionPreLearning" ON "Academy" FOR EACH ROW EXECUTE FUNCTION "academy_revision_academy"();
CREATE TRIGGER "AcademyRevision_Academy_delete" AFTER DELETE ON "Academy" FOR EACH ROW EXECUTE FUNCTION "academy_revision_academy"();
CREATE FUNCTION "academy_revision_enrollment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_Enrollment_insert" AFTER INSERT ON "Enrollment" FOR EACH ROW EXECUTE FUNCTION "academy_revision_enrollment"();
CREATE TRIGGER "AcademyRevision_Enrollment_update" AFTER UPDATE OF "academyId", "userId", "role", "status", "municipalityCode" ON "Enrollment" FOR EACH ROW EXECUTE FUNCTION "academy_revision_enrollment"();
CREATE TRIGGER "AcademyRevision_Enrollment_delete" AFTER DELETE ON "Enrollment" FOR EACH ROW EXECUTE FUNCTION "academy_revision_enrollment"();
CREATE FUNCTION "academy_revision_attendance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "Enrollment" WHERE "id" = OLD."enrollmentId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "Enrollment" WHERE "id" = NEW."enrollmentId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_Attendance_insert" AFTER INSERT ON "Attendance" FOR EACH ROW EXECUTE FUNCTION "academy_revision_attendance"();
CREATE TRIGGER "AcademyRevision_Attendance_update" AFTER UPDATE OF "enrollmentId", "status" ON "Attendance" FOR EACH ROW EXECUTE FUNCTION "academy_revision_attendance"();
CREATE TRIGGER "AcademyRevision_Attendance_delete" AFTER DELETE ON "Attendance" FOR EACH ROW EXECUTE FUNCTION "academy_revision_attendance"();
CREATE FUNCTION "academy_revision_pre_learning_completion"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_PreLearningCompletion_insert" AFTER INSERT ON "PreLearningCompletion" FOR EACH ROW EXECUTE FUNCTION "academy_revision_pre_learning_completion"();
CREATE TRIGGER "AcademyRevision_PreLearningCompletion_update" AFTER UPDATE OF "userId", "academyId", "materialId" ON "PreLearningCompletion" FOR EACH ROW EXECUTE FUNCTION "academy_revision_pre_learning_completion"();
CREATE TRIGGER "AcademyRevision_PreLearningCompletion_delete" AFTER DELETE ON "PreLearningCompletion" FOR EACH ROW EXECUTE FUNCTION "academy_revision_pre_learning_completion"();
CREATE FUNCTION "academy_revision_academy_material"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_AcademyMaterial_insert" AFTER INSERT ON "AcademyMaterial" FOR EACH ROW EXECUTE FUNCTION "academy_revision_academy_material"();
CREATE TRIGGER "AcademyRevision_AcademyMaterial_update" AFTER UPDATE OF "academyId", "materialId", "releaseAt" ON "AcademyMaterial" FOR EACH ROW EXECUTE FUNCTION "academy_revision_academy_material"();
CREATE TRIGGER "AcademyRevision_AcademyMaterial_delete" AFTER DELETE ON "AcademyMaterial" FOR EACH ROW EXECUTE FUNCTION "academy_revision_academy_material"();
CREATE FUNCTION "academy_revision_workshop_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_WorkshopSession_insert" AFTER INSERT ON "WorkshopSession" FOR EACH ROW EXECUTE FUNCTION "academy_revision_workshop_session"();
CREATE TRIGGER "AcademyRevision_WorkshopSession_update" AFTER UPDATE OF "academyId", "endsAt" ON "WorkshopSession" FOR EACH ROW EXECUTE FUNCTION "academy_revision_workshop_session"();
CREATE TRIGGER "AcademyRevision_WorkshopSession_delete" AFTER DELETE ON "WorkshopSession" FOR EACH ROW EXECUTE FUNCTION "academy_revision_workshop_session"();
CREATE FUNCTION "academy_revision_team"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT OLD."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT NEW."academyId" AS "id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_Team_insert" AFTER INSERT ON "Team" FOR EACH ROW EXECUTE FUNCTION "academy_revision_team"();
CREATE TRIGGER "AcademyRevision_Team_update" AFTER UPDATE OF "academyId" ON "Team" FOR EACH ROW EXECUTE FUNCTION "academy_revision_team"();
CREATE TRIGGER "AcademyRevision_Team_delete" AFTER DELETE ON "Team" FOR EACH ROW EXECUTE FUNCTION "academy_revision_team"();
CREATE FUNCTION "academy_revision_team_municipality"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = OLD."teamId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = NEW."teamId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_TeamMunicipality_insert" AFTER INSERT ON "TeamMunicipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_team_municipality"();
CREATE TRIGGER "AcademyRevision_TeamMunicipality_update" AFTER UPDATE OF "teamId", "municipalityCode" ON "TeamMunicipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_team_municipality"();
CREATE TRIGGER "AcademyRevision_TeamMunicipality_delete" AFTER DELETE ON "TeamMunicipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_team_municipality"();
CREATE FUNCTION "academy_revision_proposal_outcome"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = OLD."teamId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "Team" WHERE "id" = NEW."teamId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_ProposalOutcome_insert" AFTER INSERT ON "ProposalOutcome" FOR EACH ROW EXECUTE FUNCTION "academy_revision_proposal_outcome"();
CREATE TRIGGER "AcademyRevision_ProposalOutcome_update" AFTER UPDATE OF "teamId", "status", "createdAt" ON "ProposalOutcome" FOR EACH ROW EXECUTE FUNCTION "academy_revision_proposal_outcome"();
CREATE TRIGGER "AcademyRevision_ProposalOutcome_delete" AFTER DELETE ON "ProposalOutcome" FOR EACH ROW EXECUTE FUNCTION "academy_revision_proposal_outcome"();
CREATE FUNCTION "academy_revision_material"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "AcademyMaterial" WHERE "materialId" = OLD."id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "academyId" AS "id" FROM "AcademyMaterial" WHERE "materialId" = NEW."id") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_Material_update" AFTER UPDATE OF "stageKey", "audience" ON "Material" FOR EACH ROW EXECUTE FUNCTION "academy_revision_material"();
CREATE TRIGGER "AcademyRevision_Material_delete" AFTER DELETE ON "Material" FOR EACH ROW EXECUTE FUNCTION "academy_revision_material"();
CREATE FUNCTION "academy_revision_region_municipality"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "id" AS "id" FROM "Academy" WHERE "regionId" = OLD."regionId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "id" AS "id" FROM "Academy" WHERE "regionId" = NEW."regionId") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_RegionMunicipality_insert" AFTER INSERT ON "RegionMunicipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_region_municipality"();
CREATE TRIGGER "AcademyRevision_RegionMunicipality_update" AFTER UPDATE OF "regionId", "municipalityCode" ON "RegionMunicipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_region_municipality"();
CREATE TRIGGER "AcademyRevision_RegionMunicipality_delete" AFTER DELETE ON "RegionMunicipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_region_municipality"();
CREATE FUNCTION "academy_revision_municipality"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "id" AS "id" FROM "Academy") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "AcademyRevision" ("academyId", "revision") SELECT "id", gen_random_uuid()::text FROM (SELECT "id" AS "id" FROM "Academy") AS "changed" WHERE "id" IS NOT NULL
      ON CONFLICT ("academyId") DO UPDATE SET "revision" = EXCLUDED."revision";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "AcademyRevision_Municipality_update" AFTER UPDATE OF "prefectureCode" ON "Municipality" FOR EACH ROW EXECUTE FUNCTION "academy_revision_municipality"();
