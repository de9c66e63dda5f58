import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import { attachCurriculum, releaseStageNow } from "~/modules/material/release.server";
import { ensureStoredFile, storeBytes } from "~/modules/files/stored-file.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../support/factories";

/**
 * Every kind of signed-in person: a programme coordinator; the academy's coordinator (enrolled);
 * its facilitator; a facilitator of another academy; a member of the team; a member of another
 * team; an observer; a person with two roles (facilitator elsewhere, participant of the other team
 * here); an outside expert of the consultation; an applicant of the call. With "anonymous": 11.
 */
export const PEOPLE = ["coordinator", "academyCoordinator", "facilitator", "otherFacilitator", "member", "otherTeamMember", "observer", "twoRoles", "expert", "applicant"] as const;
export type Person = (typeof PEOPLE)[number];

/**
 * The world every access test reads (the route matrix and the intent matrix): one academy with
 * its staff, two teams and their work, and the people around it — each kind of person the app
 * knows, so that a rule is tested as every one of them, with data on every row.
 */
export async function accessWorld() {
  await syncCatalogue(prisma);
  const region = await createRegion("播磨圏域", ["282014"]);
  const coordinator = await createUser("coordinator");
  const facilitator = await createUser("facilitator");
  const otherFacilitator = await createUser("facilitator");
  const member = await createUser("participant");
  const otherMember = await createUser("participant");
  const academy = await createAcademy({ regionId: region.id, facilitatorIds: [facilitator.id], sessionStarts: [new Date(Date.now() - 86400_000), new Date(Date.now() + 14 * 86400_000)] });
  await attachCurriculum(null, academy.id);
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "prelearning" } });
  await releaseStageNow(coordinator.id, academy.id, stage.id);
  const released = await prisma.academyMaterial.findFirstOrThrow({ where: { academyId: academy.id, releaseAt: { lte: new Date() }, material: { audience: "participant", kind: "markdown" } } });
  const elsewhere = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id });
  await enroll(elsewhere.id, otherFacilitator.id, "facilitator");
  // the academy's facilitator is listed in the team too (as some academies do): staff keep their
  // role — listed, they still do not work in the team
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id, facilitator.id]);
  // a person with two roles: a facilitator elsewhere, a participant of the other team here
  const twoRoles = await createUser("facilitator");
  await enroll(elsewhere.id, twoRoles.id, "facilitator");
  await createTeam(academy.id, "子育て支援チーム", [otherMember.id, twoRoles.id]);
  // the academy's own coordinator (an enrollment, not the programme role) and an observer
  const academyCoordinator = await createUser("participant");
  await enroll(academy.id, academyCoordinator.id, "coordinator");
  const observer = await createUser("participant");
  await enroll(academy.id, observer.id, "observer");
  const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id } });
  // the team's work: a stage with a deliverable, one uploaded file, one data-use worksheet
  const workStage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
  const blob = await storeBytes(new TextEncoder().encode("地区,受診率\n北,0.41\n"), "csv", "受診率.csv");
  const stored = await ensureStoredFile(prisma, blob, member.id);
  const deliverable = await prisma.deliverable.create({ data: { teamId: team.id, stageId: workStage.id } });
  const file = await prisma.deliverableFile.create({ data: { deliverableId: deliverable.id, storedFileId: stored.id, fileName: "受診率.csv", scanStatus: "clean" } });
  const worksheet = await prisma.datasetWorksheet.create({ data: { teamId: team.id, name: "特定健診結果" } });
  // the team's retrospective board, its cards revealed (so its exports exist)
  const retro = await prisma.retrospective.create({ data: { academyId: academy.id, teamId: team.id, sessionId: session.id, prompts: "[]", phase: "group" } });
  // the session's board, everyone of the academy's (still writing)
  const sessionRetro = await prisma.retrospective.create({ data: { academyId: academy.id, sessionId: session.id, prompts: "[]", phase: "reflect" } });
  const group = await prisma.retroGroup.create({ data: { retroId: retro.id, title: "データの置き場所", position: 0 } });
  const card = await prisma.retroCard.create({ data: { retroId: retro.id, authorId: member.id, prompt: "problem", text: "データの置き場所が分からない", groupId: group.id } });
  const retroAction = await prisma.retroAction.create({ data: { retroId: retro.id, teamId: team.id, groupId: group.id, text: "データの一覧を作る", ownerId: member.id } });
  // a published, open call with a document and a submitted application of someone outside the matrix
  const applicant = await createUser("participant");
  const call = await prisma.call.create({ data: { fiscalYear: 2027, title: "令和9年度 データアカデミー参加団体の募集", deadlineAt: new Date(Date.now() + 30 * 86400_000), publishedAt: new Date(), tracks: { create: [{ kind: "academy", label: "（イ）データアカデミー", places: 4, position: 0 }] } }, include: { tracks: true } });
  const document = await prisma.callDocument.create({ data: { callId: call.id, storedFileId: stored.id, fileName: "募集要領.csv" } });
  const application = await prisma.application.create({ data: { callId: call.id, trackId: call.tracks[0]!.id, applicantId: applicant.id, status: "submitted", submittedAt: new Date() } });
  // the member's completion certificate
  const memberEnrollment = await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: member.id } } });
  const certificate = await prisma.certificate.create({ data: { academyId: academy.id, enrollmentId: memberEnrollment.id, fiscalYear: academy.fiscalYear, serial: 1, issuedAt: new Date() } });
  // an expert consultation asked by the member, advised by the facilitator as its expert
  const topic = await prisma.consultationTopic.findFirstOrThrow();
  const expert = await prisma.expert.create({ data: { userId: facilitator.id, kind: "analyst" } });
  // an expert who is nobody's staff: only the consultation they advise on
  const outsideExpert = await createUser("participant");
  const outsideExpertRow = await prisma.expert.create({ data: { userId: outsideExpert.id, kind: "lawyer" } });
  const consultation = await prisma.consultation.create({
    data: { fiscalYear: 2026, municipalityCode: "282014", requesterId: member.id, topicId: topic.id, title: "窓口アンケートの活用", question: "設問の作り方", status: "scheduled", startsAt: new Date(Date.now() + 7 * 86400_000), endsAt: new Date(Date.now() + 7 * 86400_000 + 3600_000), mode: "online", onlineUrl: "https://meet.example.jp/x", experts: { create: [{ expertId: expert.id }, { expertId: outsideExpertRow.id }] } },
  });
  const users: Record<Person, string> = {
    coordinator: coordinator.id,
    academyCoordinator: academyCoordinator.id,
    facilitator: facilitator.id,
    otherFacilitator: otherFacilitator.id,
    member: member.id,
    otherTeamMember: otherMember.id,
    observer: observer.id,
    twoRoles: twoRoles.id,
    expert: outsideExpert.id,
    applicant: applicant.id,
  };
  const params: Record<string, string> = {
    academyId: academy.id,
    teamId: team.id,
    sessionId: session.id,
    stageId: workStage.id,
    fileId: file.id,
    worksheetId: worksheet.id,
    retroId: retro.id,
    certificateId: certificate.id,
    callId: call.id,
    documentId: document.id,
    applicationId: application.id,
    consultationId: consultation.id,
    expertId: expert.id,
    userId: facilitator.id,
    survey: "skills-pre",
    materialId: released.materialId,
    regionId: region.id,
    token: "not-a-real-token",
    file: "not-a-real-token.ics",
    format: "csv",
    "*": "no-such-page",
  };
  // what the forms of a page refer to
  // ids that exist, but under another academy (a wrong parent in the address)
  const foreignTeam = await prisma.team.create({ data: { academyId: elsewhere.id, name: "千代田区チーム", themeTitle: "" } });
  const foreignStage = await prisma.stage.findFirstOrThrow({ where: { academyId: elsewhere.id, key: "problem_definition" } });
  const foreignSession = await prisma.workshopSession.create({ data: { academyId: elsewhere.id, sequence: 1, startsAt: new Date(Date.now() + 86400_000), endsAt: new Date(Date.now() + 86400_000 + 3 * 3600_000) } });
  const foreignRetro = await prisma.retrospective.create({ data: { academyId: elsewhere.id, teamId: foreignTeam.id, prompts: "[]", phase: "reflect" } });
  const foreign: Record<string, string> = { teamId: foreignTeam.id, stageId: foreignStage.id, sessionId: foreignSession.id, retroId: foreignRetro.id };
  const facilitatorEnrollment = await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: facilitator.id } } });
  const teamMember = await prisma.teamMember.findFirstOrThrow({ where: { teamId: team.id, enrollment: { userId: member.id } } });
  const refs = {
    teamId: team.id,
    sessionRetroId: sessionRetro.id,
    cardId: card.id,
    groupId: group.id,
    retroActionId: retroAction.id,
    fileId: file.id,
    stageId: workStage.id,
    releasedStageId: stage.id,
    materialId: released.materialId,
    certificateId: certificate.id,
    facilitatorEnrollmentId: facilitatorEnrollment.id,
    teamMemberId: teamMember.id,
    memberUserId: member.id,
    sessionId: session.id,
  };
  return { users, params, refs, foreign };
}
