import { describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS, userHasPermission, type UserWithPermissions } from "./permissions";

function userWith(role: keyof typeof ROLE_PERMISSIONS): UserWithPermissions {
  return {
    roles: [
      {
        name: role,
        permissions: ROLE_PERMISSIONS[role].map((p) => {
          const [action, entity, access] = p.split(":") as [string, string, string];
          return { action, entity, access };
        }),
      },
    ],
  };
}

describe("userHasPermission", () => {
  it("matches any access level when none is given", () => {
    expect(userHasPermission(userWith("facilitator"), "read:academy")).toBe(true);
    expect(userHasPermission(userWith("participant"), "read:team")).toBe(true);
  });

  it("requires the exact access level when one is given", () => {
    expect(userHasPermission(userWith("facilitator"), "read:academy:any")).toBe(false);
    expect(userHasPermission(userWith("coordinator"), "read:academy:any")).toBe(true);
  });

  it("gives participants and facilitators no management rights", () => {
    for (const role of ["participant", "facilitator"] as const) {
      expect(userHasPermission(userWith(role), "manage:academy")).toBe(false);
      expect(userHasPermission(userWith(role), "read:outbox")).toBe(false);
    }
  });

  it("denies everything to nobody", () => {
    expect(userHasPermission(null, "read:academy")).toBe(false);
  });
});
