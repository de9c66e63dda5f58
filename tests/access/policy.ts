// Who gets what, per route and method. Read with the matrix test (app/routes/authorization-matrix.test.ts).
// Roles: a programme coordinator; a facilitator of the academy; a facilitator of another
// academy; a member of a team of the academy; a member of another team of the academy; an
// anonymous visitor. Params: the academy, the first member's team, a session and a released
// material of that academy.

export const ROLES = ["coordinator", "facilitator", "otherFacilitator", "member", "otherTeamMember", "anonymous"] as const;
export type Role = (typeof ROLES)[number];
export type Outcome = "ok" | "login" | "401" | "403" | "404" | "none";

type Row = Record<Role, Outcome>;
const row = (coordinator: Outcome, facilitator: Outcome, otherFacilitator: Outcome, member: Outcome, otherTeamMember: Outcome, anonymous: Outcome): Row => ({
  coordinator,
  facilitator,
  otherFacilitator,
  member,
  otherTeamMember,
  anonymous,
});
const NONE = row("none", "none", "none", "none", "none", "none");

//                                       coordinator facilitator otherFacilitator member otherTeamMember anonymous
export const ACCESS_POLICY: Record<string, { GET: Row; POST: Row }> = {
  // unknown paths: the 404 page for everyone
  "$": { GET: row("404", "404", "404", "404", "404", "404"), POST: NONE },
  // where a refused file or certificate sends a browser: the app's 404 (or 403) page for everyone
  "unavailable.$status": { GET: row("404", "404", "404", "404", "404", "404"), POST: NONE },
  // the start page sends each person to their dashboard
  "_index": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: NONE },
  // an academy: seen by its people and coordinators; invisible (404) to other academies' staff
  "academies.$academyId._index": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "academies.$academyId.calendar[.ics]": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: NONE },
  "academies.$academyId.edit": { GET: row("ok", "403", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "academies.$academyId.materials.$materialId._index": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: row("ok", "ok", "404", "ok", "ok", "login") },
  "academies.$academyId.materials.$materialId.download": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: NONE },
  // a stage's submissions as one zip: those who review or manage the academy's teams
  "academies.$academyId.stages.$stageId.submissions[.zip]": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: NONE },
  "academies.$academyId.materials.$materialId.pdf": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: NONE },
  // materials: participants post (ticking their pre-learning), those who release materials post; each
  // intent's own rule is the intent matrix's (tests/access/intents.ts)
  "academies.$academyId.materials._index": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: row("ok", "403", "404", "ok", "ok", "login") },
  "academies.$academyId.materials.log": { GET: row("ok", "403", "404", "403", "403", "login"), POST: NONE },
  "academies.$academyId.roster": { GET: row("ok", "403", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "academies.$academyId.roster.template.$format": { GET: row("ok", "403", "404", "403", "403", "login"), POST: NONE },
  // the session for the room: everyone of the academy reads it; its editor and attendance are staff's
  "academies.$academyId.sessions.$sessionId._index": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: NONE },
  "academies.$academyId.sessions.$sessionId.edit": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "ok", "404", "403", "403", "login") },
  "academies.$academyId.sessions.$sessionId.attendance": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "ok", "404", "403", "403", "login") },
  // completion (研修履修): staff read it, coordinators change the rule
  "academies.$academyId.completion": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  // completion certificates: staff read the list and download; coordinators issue and revoke; the
  // matrix's certificate belongs to the member (their own: ok; another team's member: 404)
  "academies.$academyId.certificates._index": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "academies.$academyId.certificates.$certificateId": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: NONE },
  "academies.$academyId.certificates.all[.zip]": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: NONE },
  // outcome follow-up: staff read it, coordinators record
  "academies.$academyId.outcomes": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  // retrospective boards: a team's board is the team's and the staff's (another team's member: 404);
  // every intent is checked inside (participants write cards and vote, only staff steer)
  "academies.$academyId.retros.new": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "ok", "404", "403", "403", "login") },
  "academies.$academyId.retros.$retroId._index": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: row("ok", "ok", "404", "ok", "404", "login") },
  "academies.$academyId.retros.$retroId.events": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: NONE },
  "academies.$academyId.retros.$retroId.export.$format": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: NONE },
  "academies.$academyId.retros.$retroId.summary": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: NONE },
  // surveys: everyone of the academy sees the list (staff the results); participants answer; coordinators set anonymity
  "academies.$academyId.surveys._index": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "academies.$academyId.surveys.$survey": { GET: row("ok", "ok", "404", "ok", "ok", "login"), POST: row("ok", "ok", "404", "ok", "ok", "login") },
  "academies.$academyId.sessions.new": { GET: row("ok", "403", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  // a team: its members, the academy's staff, coordinators; another team's member gets 404
  "academies.$academyId.teams.$teamId._index": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  // a team's stage: every intent is checked inside (members work and submit, the academy's staff review)
  "academies.$academyId.teams.$teamId.stages.$stageId": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: row("ok", "ok", "404", "ok", "404", "login") },
  "academies.$academyId.teams.$teamId.files.$fileId": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: NONE },
  // data-use worksheets: the team writes them, staff read them
  "academies.$academyId.teams.$teamId.worksheets.$worksheetId": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: row("403", "403", "404", "ok", "404", "login") },
  "academies.$academyId.teams.$teamId.worksheets.new": { GET: row("403", "403", "404", "ok", "404", "login"), POST: row("403", "403", "404", "ok", "404", "login") },
  "academies.$academyId.teams.new": { GET: row("ok", "403", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "academies._index": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: NONE },
  "academies.new": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  // the read-only JSON API: an API token only, no cookie counts (JSON 401 for everyone here)
  "api.v1.academies._index": { GET: row("401", "401", "401", "401", "401", "401"), POST: NONE },
  "api.v1.academies.$academyId": { GET: row("401", "401", "401", "401", "401", "401"), POST: NONE },
  "api.v1.sessions": { GET: row("401", "401", "401", "401", "401", "401"), POST: NONE },
  "api.v1.kpi": { GET: row("401", "401", "401", "401", "401", "401"), POST: NONE },
  "api.municipalities": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: NONE },
  "audit": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "calendar._index": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: row("ok", "ok", "ok", "ok", "ok", "login") },
  // the personal iCal feed: by secret URL only, no cookie counts
  "calendar.feed.$file": { GET: row("404", "404", "404", "404", "404", "404"), POST: NONE },
  "dashboard": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: NONE },
  "forgot-password": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
  "invitations.$token": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
  "login": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
  // GET goes to the start page; POST signs out
  "logout": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("login", "login", "login", "login", "login", "login") },
  "materials.$materialId": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "materials._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "materials.new": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  // everyone's own notifications
  "notifications": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: row("ok", "ok", "ok", "ok", "ok", "login") },
  "outbox": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "regions.$regionId": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "regions._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "regions.new": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  // the review queue: staff only (a facilitator sees their academies' submissions, a coordinator all)
  "reviews": { GET: row("ok", "ok", "ok", "403", "403", "login"), POST: NONE },
  // the progress board and its exports: staff (a facilitator sees their academies' teams, a coordinator all)
  // the board; its one action (remind an overdue team) checks the team inside (tests/access/intents.ts)
  "progress._index": { GET: row("ok", "ok", "ok", "403", "403", "login"), POST: row("ok", "ok", "ok", "403", "403", "login") },
  "progress.$format": { GET: row("ok", "ok", "ok", "403", "403", "login"), POST: NONE },
  // the KPI report and its exports: programme coordinators
  "reports.kpi._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "reports.kpi.$format": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "reset-password.$token": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
  // the link of a sign-up mail: the token is the proof, whoever holds it (an unknown token: the page says so)
  "sign-up.$token": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
  // calls for applications: the public pages for everyone (the matrix's call is published and
  // open); the applicant's pages for a signed-in person's own applications (the matrix's
  // application is nobody's here: 404); staff pages for programme coordinators and the call's reviewers
  "calls._index": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: NONE },
  "calls.$callId._index": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "login") },
  "calls.$callId.register": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
  "calls.$callId.documents.$documentId": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: NONE },
  "applications._index": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: NONE },
  "applications.$applicationId": { GET: row("404", "404", "404", "404", "404", "login"), POST: row("404", "404", "404", "404", "404", "login") },
  "manage.calls._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "manage.calls.$callId._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "manage.calls.$callId.applications._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  // the applications as CSV/XLSX: the call's reviewers and coordinators
  "manage.calls.$callId.applications.export.$format": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "manage.calls.$callId.applications.$applicationId": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  // the case library: public; a team's case page for its members and the academy's staff
  "cases._index": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: NONE },
  "cases.$caseId": { GET: row("404", "404", "404", "404", "404", "404"), POST: NONE },
  "cases.export.$format": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: NONE },
  "cases.$caseId.files.$fileId": { GET: row("404", "404", "404", "404", "404", "404"), POST: NONE },
  "academies.$academyId.teams.$teamId.case": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: row("ok", "403", "404", "403", "404", "login") },
  // expert consultations: the list and the request form for anyone signed in; one consultation for
  // programme coordinators, its requester (the member) and its experts (the facilitator); experts
  // and topics for programme coordinators
  "consultations._index": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: NONE },
  "consultations.new": { GET: row("ok", "ok", "ok", "ok", "ok", "login"), POST: row("ok", "ok", "ok", "ok", "ok", "login") },
  "consultations.$consultationId": { GET: row("ok", "ok", "404", "ok", "404", "login"), POST: row("ok", "ok", "404", "ok", "404", "login") },
  "consultations.experts._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "consultations.experts.$expertId": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "consultations.topics": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  // growing local facilitators: the academy's staff read it, coordinators change it; the pool and a
  // person's history (the matrix's userId is the facilitator) for programme coordinators
  "academies.$academyId.facilitators": { GET: row("ok", "ok", "404", "403", "403", "login"), POST: row("ok", "403", "404", "403", "403", "login") },
  "facilitators._index": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  "facilitators.$userId": { GET: row("ok", "403", "403", "403", "403", "login"), POST: NONE },
  // API tokens: programme coordinators
  "settings.api-tokens": { GET: row("ok", "403", "403", "403", "403", "login"), POST: row("ok", "403", "403", "403", "403", "login") },
  "set-locale": { GET: row("ok", "ok", "ok", "ok", "ok", "ok"), POST: row("ok", "ok", "ok", "ok", "ok", "ok") },
};
