import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "./session.server";
import { inRequestScope } from "./request-scope.server";
import { createUser } from "../../tests/support/factories";
import { getRequest, sessionCookieFor } from "../../tests/support/requests";

describe("one HTTP request, several loaders", () => {
  it("share the signed-in user of a page read; the next request and any POST look again (a revoked session stops at once)", async () => {
    const user = await createUser("participant");
    const cookie = await sessionCookieFor(user.id);
    await inRequestScope(async () => {
      // Remix gives the root loader and the page's loader each their own Request
      expect((await getSessionUser(getRequest("/dashboard", { cookie })))?.id).toBe(user.id);
      await prisma.session.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
      expect((await getSessionUser(getRequest("/dashboard", { cookie })))?.id).toBe(user.id);
      // an action is not answered from what a read remembered
      expect(await getSessionUser(new Request("http://localhost/dashboard", { method: "POST", headers: { cookie } }))).toBeNull();
      // another cookie in the same scope is another person
      expect(await getSessionUser(getRequest("/dashboard", {}))).toBeNull();
    });
    expect(await inRequestScope(() => getSessionUser(getRequest("/dashboard", { cookie })))).toBeNull();
    expect(await getSessionUser(getRequest("/dashboard", { cookie }))).toBeNull();
  });
});
