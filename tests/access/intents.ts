// Who may use which intent of the pages whose forms are checked inside the action (a board, a
// team's stage, the materials page, a consultation). Read with app/routes/intent-matrix.test.ts,
// on the world of tests/access/world.ts: the team's retrospective board in its grouping phase
// (a card and an action of the member's), the team's problem-definition stage with one uploaded
// file, released pre-learning, a scheduled consultation the member asked for.
//
// Each intent lists the people who get past its check; everyone else must be refused (401, 403,
// 404, sent to sign in, or a refusal named in the answer) with nothing changed in the database.
import type { Person } from "./world";

export type Who = Person | "anonymous";

const STAFF: Who[] = ["coordinator", "academyCoordinator", "facilitator"];
const BOARD_WRITERS: Who[] = [...STAFF, "member"];
const MANAGERS: Who[] = ["coordinator", "academyCoordinator"];

export interface IntentRow {
  /** the form's fields beside `intent`; `{ref}` is replaced by the world's id of that name */
  body: Record<string, string>;
  allowed: Who[];
  /** "held": the consultation has been held and has one agreed action */
  setup?: "held";
}

export const INTENT_POLICY: Record<string, Record<string, IntentRow>> = {
  // the progress board: those who run the team's academy (and programme coordinators) remind it
  "progress._index": {
    remind: { body: { teamId: "{teamId}" }, allowed: STAFF },
  },
  // a team's board: staff steer, the team writes, an observer only reads
  "academies.$academyId.retros.$retroId._index": {
    addCard: { body: { prompt: "keep", text: "続けたいこと" }, allowed: BOARD_WRITERS },
    // while grouping, removing a card is moderation (staff); its author could only during writing
    deleteCard: { body: { cardId: "{cardId}" }, allowed: STAFF },
    addGroup: { body: { title: "共有の仕方" }, allowed: BOARD_WRITERS },
    deleteGroup: { body: { groupId: "{groupId}" }, allowed: BOARD_WRITERS },
    move: { body: { cardId: "{cardId}", groupId: "" }, allowed: BOARD_WRITERS },
    vote: { body: { groupId: "{groupId}" }, allowed: BOARD_WRITERS },
    notes: { body: { groupId: "{groupId}", notes: "議論のメモ" }, allowed: STAFF },
    addAction: { body: { text: "台帳を作る" }, allowed: BOARD_WRITERS },
    deleteAction: { body: { actionId: "{retroActionId}" }, allowed: BOARD_WRITERS },
    review: { body: { actionId: "{retroActionId}", decision: "done" }, allowed: BOARD_WRITERS },
    // "done with grouping": said by the team's participants; staff steer instead
    ready: { body: { ready: "on" }, allowed: ["member"] },
    phase: { body: { phase: "vote", minutes: "5" }, allowed: STAFF },
    anonymous: { body: { anonymous: "on" }, allowed: STAFF },
  },
  // a session's board (the part after "#": the address names it instead of the team's board):
  // every participant of the academy writes, staff steer, an observer reads
  "academies.$academyId.retros.$retroId._index#sessionRetroId": {
    addCard: { body: { prompt: "keep", text: "続けたいこと" }, allowed: [...BOARD_WRITERS, "otherTeamMember", "twoRoles"] },
    phase: { body: { phase: "group", minutes: "" }, allowed: STAFF },
  },
  // a team's stage: the team's members write and submit; reviewers decide; staff extend
  "academies.$academyId.teams.$teamId.stages.$stageId": {
    saveWork: { body: { problem: "受診率が低い地区がある" }, allowed: ["member"] },
    autosave: { body: { problem: "受診率が低い地区がある" }, allowed: ["member"] },
    submit: { body: { note: "" }, allowed: ["member"] },
    confirmFile: { body: { fileId: "{fileId}", reason: "集計済みで個人は特定できません" }, allowed: ["member"] },
    removeFile: { body: { fileId: "{fileId}" }, allowed: ["member"] },
    review: { body: { decision: "accept", body: "よくできています", versionNumber: "1" }, allowed: STAFF },
    comment: { body: { decision: "comment", body: "質問です" }, allowed: [...STAFF, "member"] },
    extend: { body: { dueDate: "2027-03-01", reason: "体調不良" }, allowed: STAFF },
    revokeExtension: { body: {}, allowed: STAFF },
  },
  // materials: participants tick their pre-learning; those who release materials release
  "academies.$academyId.materials._index": {
    complete: { body: { materialId: "{materialId}" }, allowed: ["member", "otherTeamMember", "twoRoles"] },
    uncomplete: { body: { materialId: "{materialId}" }, allowed: ["member", "otherTeamMember", "twoRoles"] },
    attachCurriculum: { body: {}, allowed: MANAGERS },
    remind: { body: {}, allowed: MANAGERS },
    detach: { body: { materialId: "{materialId}" }, allowed: MANAGERS },
    releaseStage: { body: { stageId: "{releasedStageId}" }, allowed: MANAGERS },
    release: { body: { materialId: "{materialId}", mode: "relative", offsetDays: "-7" }, allowed: MANAGERS },
    releaseNow: { body: { materialId: "{materialId}" }, allowed: MANAGERS },
  },
  // a consultation (scheduled, a week ahead): the programme coordinator schedules and cancels;
  // its experts record once it has begun; the requester may withdraw only while it is a request
  "consultations.$consultationId": {
    schedule: { body: { mode: "online", onlineUrl: "https://meet.example.jp/y" }, allowed: ["coordinator"] },
    close: { body: { reason: "日程が合わないため" }, allowed: ["coordinator"] },
    withdraw: { body: { reason: "取り下げます" }, allowed: ["coordinator"] },
    record: { body: { issues: "論点", advice: "助言" }, allowed: ["coordinator", "facilitator", "expert"] },
    // once held: the coordinator and its experts keep the actions; the government reports progress
    addAction: { setup: "held", body: { description: "データ連携の規約案を作る", owner: "情報政策課", dueOn: "2027-03-31" }, allowed: ["coordinator", "facilitator", "expert"] },
    removeAction: { setup: "held", body: { actionId: "{consultationActionId}" }, allowed: ["coordinator", "facilitator", "expert"] },
    actionStatus: { setup: "held", body: { actionId: "{consultationActionId}", status: "done" }, allowed: ["coordinator", "facilitator", "expert", "member"] },
    followUp: { setup: "held", body: { note: "規約案を庁内で回覧しました" }, allowed: ["coordinator", "facilitator", "expert", "member"] },
  },
  // the pages behind an academy ability (manage the academy, manage its teams): its managers get
  // past, with a body the change then refuses for its content (that is past the check, too)
  "academies.$academyId._index": {
    status: { body: { status: "finished" }, allowed: MANAGERS },
    deleteSession: { body: { sessionId: "{sessionId}" }, allowed: MANAGERS },
    addStage: { body: {}, allowed: MANAGERS },
    saveStage: { body: { stageId: "{stageId}" }, allowed: MANAGERS },
  },
  "academies.$academyId.edit": {
    save: { body: {}, allowed: MANAGERS },
    addStaff: { body: {}, allowed: MANAGERS },
  },
  "academies.$academyId.teams.$teamId._index": {
    saveTeam: { body: {}, allowed: MANAGERS },
    addMember: { body: {}, allowed: MANAGERS },
    removeMember: { body: { memberId: "{teamMemberId}" }, allowed: MANAGERS },
    invite: { body: { userId: "{memberUserId}" }, allowed: MANAGERS },
    revoke: { body: { userId: "{memberUserId}" }, allowed: MANAGERS },
  },
  // certificates and the completion rule: read by those who see survey results, changed by managers
  "academies.$academyId.certificates._index": {
    issuer: { body: { certificateIssuer: "兵庫県" }, allowed: MANAGERS },
    issue: { body: {}, allowed: MANAGERS },
    revoke: { body: { certificateId: "{certificateId}" }, allowed: MANAGERS },
  },
  "academies.$academyId.completion": {
    save: { body: { minSessions: "2" }, allowed: MANAGERS },
  },
  // growing facilitators: read by the academy's staff, changed by its managers
  "academies.$academyId.facilitators": {
    level: { body: { enrollmentId: "{facilitatorEnrollmentId}", trainingLevel: "lead" }, allowed: MANAGERS },
    assign: { body: {}, allowed: MANAGERS },
  },
  // a team's case: the team approves it; the academy's managers write, attach, approve and withdraw
  "academies.$academyId.teams.$teamId.case": {
    approveTeam: { body: {}, allowed: ["member"] },
    save: { body: {}, allowed: MANAGERS },
    upload: { body: {}, allowed: MANAGERS },
    removeFile: { body: { fileId: "no-such-file" }, allowed: MANAGERS },
    approveCoordinator: { body: {}, allowed: MANAGERS },
    withdraw: { body: {}, allowed: MANAGERS },
  },
  // the roster import: each step, by those who manage the academy's teams
  "academies.$academyId.roster": {
    preview: { body: {}, allowed: MANAGERS },
    header: { body: {}, allowed: MANAGERS },
    map: { body: {}, allowed: MANAGERS },
    fix: { body: {}, allowed: MANAGERS },
    commit: { body: {}, allowed: MANAGERS },
  },
  // a team's worksheet: its members write it; staff read
  "academies.$academyId.teams.$teamId.worksheets.$worksheetId": {
    save: { body: {}, allowed: ["member"] },
    delete: { body: {}, allowed: ["member"] },
  },
  // running the sessions: attendance and new boards by the academy's staff; outcomes, the survey
  // setting and the sessions themselves by its managers
  "academies.$academyId.sessions.$sessionId.attendance": {
    mark: { body: { enrollmentId: "{facilitatorEnrollmentId}", status: "present" }, allowed: STAFF },
    restPresent: { body: {}, allowed: STAFF },
  },
  "academies.$academyId.retros.new": {
    save: { body: {}, allowed: STAFF },
  },
  "academies.$academyId.surveys._index": {
    save: { body: { anonymous: "on" }, allowed: MANAGERS },
  },
  "academies.$academyId.outcomes": {
    save: { body: {}, allowed: MANAGERS },
  },
  "academies.$academyId.sessions.new": {
    save: { body: {}, allowed: MANAGERS },
  },
  // a session's details: its facilitators edit them too (editSessions)
  "academies.$academyId.sessions.$sessionId.edit": {
    save: { body: {}, allowed: STAFF },
  },
  // a call's applications: scored by its reviewers, decided by those who manage calls (the programme
  // coordinator; the world has no other reviewer)
  "manage.calls.$callId.applications.$applicationId": {
    score: { body: {}, allowed: ["coordinator"] },
    decide: { body: { decision: "" }, allowed: ["coordinator"] },
    academy: { body: {}, allowed: ["coordinator"] },
    consultation: { body: {}, allowed: ["coordinator"] },
  },
  "manage.calls.$callId.applications._index": {
    mail: { body: {}, allowed: ["coordinator"] },
    publishResults: { body: {}, allowed: ["coordinator"] },
    unpublishResults: { body: {}, allowed: ["coordinator"] },
  },
};

/** What an answer names when it refuses the person (rather than the input or the state). */
export const REFUSALS = [
  "retro.error.notAllowed",
  "retro.error.onlyFacilitator",
  "review.error.notAllowed",
  "review.error.notAssigned",
  "consultation.error.notFound",
  "consultation.error.notClosable",
  "consultation.error.notRecordable",
  // asked of a held consultation (the rows with setup "held"), this names the person, not the state
  "consultation.error.notHeld",
];
