// Permissions are data: the seed writes these rows, the server checks them through the academy
// context (academy-scoped) or requireGlobalPermission (pages outside any academy), and the UI
// hides what a user cannot do with the same helpers. Shared by server and browser: no queries.
// See docs/decisions/0007-participation-model.md.

/** Roles a user holds everywhere. */
export const GLOBAL_ROLES = ["programme_coordinator", "system_admin"] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

/** Roles a user holds in one academy, through an Enrollment. */
export const ACADEMY_ROLES = ["coordinator", "facilitator", "participant", "observer"] as const;
export type AcademyRole = (typeof ACADEMY_ROLES)[number];

export const ENROLLMENT_STATUSES = ["invited", "active", "withdrawn", "completed"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/** A withdrawn person keeps their history but no longer sees the academy. */
export const ACCESS_STATUSES: readonly EnrollmentStatus[] = ["invited", "active", "completed"];
/**
 * "Taking part" — the one definition of which enrollments count (who sees the academy, who is
 * counted, listed, reminded): as a Prisma filter on Enrollment.status (`status: TAKING_PART`), as a
 * predicate (takesPart), and as SQL (takingPartSql in academy/scope.server.ts).
 */
export const TAKING_PART = { in: [...ACCESS_STATUSES] as string[] };
/** Taking part and not yet completed: who is still reminded and assigned work (a completed person is not). */
export const UNDER_WAY = { in: ["invited", "active"] as string[] };
export const takesPart = (enrollment: { status: string }) => (ACCESS_STATUSES as readonly string[]).includes(enrollment.status);

/** "any": every academy (global roles); "academy": the enrolled academy; "own": one's own team. */
export type Access = "any" | "academy" | "own";
export type PermissionString = `${string}:${string}` | `${string}:${string}:${Access}`;

export interface PermissionDef {
  action: string;
  entity: string;
  access: Access;
  description: string;
}

/** What one may do inside an academy; every academy route asks the context's `can` object. */
export const ACADEMY_ABILITIES = {
  view: "read:academy",
  manageAcademy: "manage:academy",
  editSessions: "update:session",
  manageTeams: "manage:team",
  releaseMaterials: "release:material",
  review: "review:deliverable",
  seeAllTeams: "read:team",
  seePersonalData: "read:personal",
  seeStaffMaterials: "read:staff_material",
  seeHistory: "read:history",
  runSessions: "run:session",
  seeSurveyResults: "read:survey",
  recordOutcomes: "manage:outcome",
} as const;
/**
 * Derived abilities: seeOwnTeam (every team, or one's own), workInTeam (one works in a team of
 * the academy: the role's permission is "read:team:own", a participant).
 */
export type AcademyAbility = keyof typeof ACADEMY_ABILITIES | "seeOwnTeam" | "workInTeam";
export type AcademyCan = Record<AcademyAbility, boolean>;

const ACADEMY_DESCRIPTIONS: Record<keyof typeof ACADEMY_ABILITIES, string> = {
  view: "See the academy, its schedule and released materials",
  manageAcademy: "Edit the academy, its staff, stages and sessions list",
  editSessions: "Edit session details (time, venue, agenda)",
  manageTeams: "Create teams, add members, import rosters, send invitations",
  releaseMaterials: "Attach materials and set their release",
  review: "Review team deliverables",
  seeAllTeams: "See every team of the academy",
  seePersonalData: "See members' e-mail addresses and invitation status",
  seeStaffMaterials: "See facilitator guides and unreleased materials",
  seeHistory: "See the academy's change history and download log",
  runSessions: "Take attendance and run retrospectives",
  seeSurveyResults: "See survey results and who completed the academy",
  recordOutcomes: "Record what became of the teams' proposals",
};

const ACADEMY_PERMISSIONS: PermissionDef[] = Object.entries(ACADEMY_ABILITIES).flatMap(([key, p]) => {
  const [action, entity] = p.split(":") as [string, string];
  const description = ACADEMY_DESCRIPTIONS[key as keyof typeof ACADEMY_ABILITIES];
  return (["any", "academy"] as const).map((access) => ({ action, entity, access, description }));
});

export const PERMISSIONS: PermissionDef[] = [
  ...ACADEMY_PERMISSIONS,
  { action: "read", entity: "team", access: "own", description: "See one's own team" },
  { action: "create", entity: "academy", access: "any", description: "Create academies" },
  { action: "manage", entity: "region", access: "any", description: "Create and edit regions" },
  { action: "manage", entity: "catalogue", access: "any", description: "Upload and edit catalogue materials" },
  { action: "manage", entity: "user", access: "any", description: "Invite people and manage accounts" },
  { action: "read", entity: "outbox", access: "any", description: "Read the mail outbox" },
  { action: "read", entity: "audit", access: "any", description: "Read the audit log" },
  { action: "read", entity: "report", access: "any", description: "Read the KPI report of every region" },
  { action: "manage", entity: "api_token", access: "any", description: "Create and revoke tokens of the read-only JSON API" },
  { action: "manage", entity: "call", access: "any", description: "Open calls for applications, select, publish results" },
  { action: "manage", entity: "consultation", access: "any", description: "Manage experts, topics and every expert consultation" },
  { action: "read", entity: "facilitator_pool", access: "any", description: "Search the facilitator pool across regions" },
];

const everyAcademyAbility = (access: Access) => Object.values(ACADEMY_ABILITIES).map((p) => `${p}:${access}`);

export const ROLE_PERMISSIONS: Record<GlobalRole | AcademyRole, string[]> = {
  programme_coordinator: [
    ...everyAcademyAbility("any"),
    "create:academy:any",
    "manage:region:any",
    "manage:catalogue:any",
    "manage:user:any",
    "read:outbox:any",
    "read:audit:any",
    "read:report:any",
    "manage:api_token:any",
    "manage:call:any",
    "manage:consultation:any",
    "read:facilitator_pool:any",
  ],
  system_admin: ["manage:user:any", "read:outbox:any", "read:audit:any"],
  coordinator: everyAcademyAbility("academy"),
  facilitator: ["read:academy", "update:session", "review:deliverable", "read:team", "read:personal", "read:staff_material", "run:session", "read:survey"].map(
    (p) => `${p}:academy`,
  ),
  participant: ["read:academy:academy", "read:team:own"],
  observer: ["read:academy:academy", "read:team:academy"],
};

export const ROLE_SCOPE: Record<GlobalRole | AcademyRole, "global" | "academy"> = {
  programme_coordinator: "global",
  system_admin: "global",
  coordinator: "academy",
  facilitator: "academy",
  participant: "academy",
  observer: "academy",
};

/** What the browser and the permission helpers see of a user: global permission strings. */
export interface UserWithPermissions {
  permissions: readonly string[];
}

/** "read:outbox" matches any access level; "read:outbox:any" only that level. */
export function userHasPermission(user: UserWithPermissions | null | undefined, permission: PermissionString): boolean {
  if (!user) return false;
  const parts = permission.split(":");
  if (parts.length === 3) return user.permissions.includes(permission);
  return user.permissions.some((p) => p.startsWith(`${permission}:`));
}

export interface EnrollmentLike {
  role: string;
  status: string;
}

/**
 * The `can` object of one academy: a global permission ("…:any") or the enrollment role's
 * permission ("…:academy") grants each ability; a withdrawn enrollment grants nothing.
 */
export function academyCan(
  user: UserWithPermissions,
  enrollment: EnrollmentLike | null | undefined,
  rolePermissions: (role: string) => readonly string[],
): AcademyCan {
  // Stryker disable next-line ArrayDeclaration: equivalent — a withdrawn enrollment's permissions, whatever the placeholder, match no ability
  const enrolled = enrollment && (ACCESS_STATUSES as readonly string[]).includes(enrollment.status) ? rolePermissions(enrollment.role) : [];
  const can = {} as AcademyCan;
  for (const [key, p] of Object.entries(ACADEMY_ABILITIES)) {
    can[key as keyof typeof ACADEMY_ABILITIES] = user.permissions.includes(`${p}:any`) || enrolled.includes(`${p}:academy`);
  }
  can.seeOwnTeam = can.seeAllTeams || enrolled.includes("read:team:own");
  can.workInTeam = enrolled.includes("read:team:own");
  return can;
}

/**
 * What an enrollment's role grants in its academy, from the permission table (ROLE_PERMISSIONS,
 * which the seed writes into the database). Lists, counts and scopes across academies ask this
 * instead of comparing role names; inside one academy the context's `can` answers the same.
 */
export function enrollmentCan(enrollment: EnrollmentLike): AcademyCan {
  // Stryker disable next-line ArrayDeclaration: equivalent — an unknown role's permissions, whatever the placeholder, match no ability
  return academyCan({ permissions: [] }, enrollment, (role) => (isAcademyRole(role) ? ROLE_PERMISSIONS[role] : []));
}

/** The academies where the user's own enrollment grants `ability` (a withdrawn one grants nothing). */
export function academiesWhere(user: { enrollments: readonly (EnrollmentLike & { academyId: string })[] }, ability: AcademyAbility): string[] {
  return user.enrollments.filter((e) => enrollmentCan(e)[ability]).map((e) => e.academyId);
}

/** Display: the people of a list who hold `role` (grouping staff by role on a page, not a permission check). */
// Stryker disable next-line all: display only (the academy page lists its staff by role); no access depends on it
export function withRole<T extends { role: string }>(people: readonly T[], role: AcademyRole): T[] {
  // Stryker disable next-line all: as above
  return people.filter((p) => p.role === role);
}

export function isAcademyRole(role: string): role is AcademyRole {
  return (ACADEMY_ROLES as readonly string[]).includes(role);
}
