// Permissions are data: the seed writes these rows, the server checks them with
// requirePermission, and the UI hides what a user cannot do with userHasPermission.
// Shared by server and browser, so it holds no queries.

export const ROLE_NAMES = ["coordinator", "facilitator", "participant"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** "any": everything; "assigned": academies a facilitator is assigned to; "own": the participant's team. */
export type Access = "any" | "assigned" | "own";
export type PermissionString = `${string}:${string}` | `${string}:${string}:${Access}`;

export interface PermissionDef {
  action: string;
  entity: string;
  access: Access;
  description: string;
}

export const PERMISSIONS: PermissionDef[] = [
  { action: "read", entity: "academy", access: "any", description: "See every academy" },
  { action: "read", entity: "academy", access: "assigned", description: "See academies one is assigned to" },
  { action: "read", entity: "academy", access: "own", description: "See the academy of one's team" },
  { action: "manage", entity: "academy", access: "any", description: "Plan academies, sessions and teams" },
  { action: "manage", entity: "region", access: "any", description: "Create and edit regions" },
  { action: "update", entity: "session", access: "assigned", description: "Edit sessions of assigned academies" },
  { action: "read", entity: "team", access: "any", description: "See every team" },
  { action: "read", entity: "team", access: "assigned", description: "See teams of assigned academies" },
  { action: "read", entity: "team", access: "own", description: "See one's own team" },
  { action: "manage", entity: "user", access: "any", description: "Invite people and manage accounts" },
  { action: "read", entity: "outbox", access: "any", description: "Read the mail outbox" },
  { action: "read", entity: "audit", access: "any", description: "Read the audit log" },
];

export const ROLE_PERMISSIONS: Record<RoleName, string[]> = {
  coordinator: [
    "read:academy:any",
    "manage:academy:any",
    "manage:region:any",
    "read:team:any",
    "manage:user:any",
    "read:outbox:any",
    "read:audit:any",
  ],
  facilitator: ["read:academy:assigned", "update:session:assigned", "read:team:assigned"],
  participant: ["read:academy:own", "read:team:own"],
};

/** The shape the root loader sends to the browser. */
export interface UserWithPermissions {
  roles: { name: string; permissions: { action: string; entity: string; access: string }[] }[];
}

/**
 * "read:academy" matches any access level; "read:academy:any" only that level.
 */
export function userHasPermission(
  user: UserWithPermissions | null | undefined,
  permission: PermissionString,
): boolean {
  if (!user) return false;
  const [action, entity, access] = permission.split(":");
  return user.roles.some((role) =>
    role.permissions.some(
      (p) => p.action === action && p.entity === entity && (!access || p.access === access),
    ),
  );
}

export function userHasRole(user: UserWithPermissions | null | undefined, role: RoleName) {
  return Boolean(user?.roles.some((r) => r.name === role));
}

/** The dashboard a user lands on: the most capable role wins. */
export function primaryRole(user: UserWithPermissions): RoleName | null {
  return ROLE_NAMES.find((name) => userHasRole(user, name)) ?? null;
}
