import { describe, expect, it } from "vitest";
import { academiesWhere, academyCan, enrollmentCan, ROLE_PERMISSIONS, userHasPermission, type AcademyRole, type GlobalRole } from "./permissions";

const permissionsOf = (role: string) => ROLE_PERMISSIONS[role as GlobalRole | AcademyRole] ?? [];
const globalUser = (...roles: GlobalRole[]) => ({ permissions: roles.flatMap((r) => ROLE_PERMISSIONS[r]) });
const nobody = { permissions: [] };

describe("academyCan", () => {
  it("gives a programme coordinator everything in every academy without an enrollment (but no team to work in)", () => {
    const { workInTeam, ...abilities } = academyCan(globalUser("programme_coordinator"), null, permissionsOf);
    expect(Object.values(abilities).every(Boolean)).toBe(true);
    expect(workInTeam).toBe(false);
  });

  it("lets a facilitator edit sessions and review, but not manage teams or release materials", () => {
    const can = academyCan(nobody, { role: "facilitator", status: "active" }, permissionsOf);
    expect(can).toMatchObject({ view: true, editSessions: true, review: true, seeAllTeams: true, seeStaffMaterials: true });
    expect(can).toMatchObject({ manageAcademy: false, manageTeams: false, releaseMaterials: false });
  });

  it("lets a participant see the academy and only their own team", () => {
    const can = academyCan(nobody, { role: "participant", status: "active" }, permissionsOf);
    expect(can).toMatchObject({ view: true, seeOwnTeam: true, workInTeam: true, seeAllTeams: false, seePersonalData: false, editSessions: false, seeStaffMaterials: false });
  });

  it("answers across academies from the same table: where a person runs sessions, works in a team, manages teams", () => {
    const user = {
      enrollments: [
        { academyId: "a", role: "coordinator", status: "active" },
        { academyId: "b", role: "facilitator", status: "active" },
        { academyId: "c", role: "participant", status: "invited" },
        { academyId: "d", role: "observer", status: "active" },
        { academyId: "e", role: "facilitator", status: "withdrawn" },
      ],
    };
    expect(academiesWhere(user, "runSessions")).toEqual(["a", "b"]);
    expect(academiesWhere(user, "workInTeam")).toEqual(["c"]);
    expect(academiesWhere(user, "manageTeams")).toEqual(["a"]);
    expect(academiesWhere(user, "view")).toEqual(["a", "b", "c", "d"]);
    expect(enrollmentCan({ role: "observer", status: "active" }).seeAllTeams).toBe(true);
  });

  it("lets an observer see every team but no personal data", () => {
    const can = academyCan(nobody, { role: "observer", status: "active" }, permissionsOf);
    expect(can).toMatchObject({ view: true, seeAllTeams: true, seePersonalData: false, editSessions: false });
  });

  it("grants nothing through a withdrawn enrollment, and nothing without one", () => {
    expect(Object.values(academyCan(nobody, { role: "coordinator", status: "withdrawn" }, permissionsOf)).some(Boolean)).toBe(false);
    expect(Object.values(academyCan(nobody, null, permissionsOf)).some(Boolean)).toBe(false);
  });

  it("gives a system administrator no academy abilities", () => {
    expect(academyCan(globalUser("system_admin"), null, permissionsOf).view).toBe(false);
  });
});

describe("userHasPermission", () => {
  it("matches any access level when none is given, the exact one otherwise", () => {
    const admin = globalUser("system_admin");
    expect(userHasPermission(admin, "read:outbox")).toBe(true);
    expect(userHasPermission(admin, "read:outbox:any")).toBe(true);
    expect(userHasPermission(admin, "read:outbox:academy")).toBe(false);
    expect(userHasPermission(admin, "manage:region")).toBe(false);
  });

  it("denies everything to nobody", () => {
    expect(userHasPermission(null, "read:academy")).toBe(false);
    expect(userHasPermission(nobody, "read:academy")).toBe(false);
  });
});
