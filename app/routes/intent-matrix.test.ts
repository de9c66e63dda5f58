import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { context, sessionCookieFor } from "../../tests/support/requests";
import { INTENT_POLICY, REFUSALS, type Who } from "../../tests/access/intents";
import { accessWorld, PEOPLE, type Person } from "../../tests/access/world";
import { wipeDatabase } from "../../tests/support/wipe";
import { declaredIntents } from "../../tests/access/declared-intents";
import { createTeam, createUser } from "../../tests/support/factories";

// Who may use which intent (tests/access/intents.ts), as every kind of person: the route matrix
// (authorization-matrix.test.ts) tests the gate of each route; here each form behind the gate is
// posted with a body that would do something, by each of the 11 kinds of person, in a fresh
// world. A refusal must say so (401/403/404, sign-in, or a refusal named in the answer) and leave
// the team's work, the board, the materials, the consultation, mails and notifications as they
// were; everyone the policy allows must get past the check.

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
const EVERYONE: Who[] = [...PEOPLE, "anonymous"];

function urlFor(route: string, params: Record<string, string>) {
  const segments = route
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? params[s.slice(1)]! : s));
  return `/${segments.join("/")}`;
}

/** What a refused request must not have changed. */
async function fingerprint() {
  const tables = await Promise.all([
    prisma.retrospective.findMany({ orderBy: { id: "asc" }, select: { id: true, phase: true, anonymous: true, revision: true, phaseEndsAt: true } }),
    prisma.retroCard.findMany({ orderBy: { id: "asc" } }),
    prisma.retroGroup.findMany({ orderBy: { id: "asc" } }),
    prisma.retroVote.findMany({ orderBy: { id: "asc" } }),
    prisma.retroAction.findMany({ orderBy: { id: "asc" } }),
    prisma.deliverable.findMany({ orderBy: { id: "asc" } }),
    prisma.deliverableVersion.findMany({ orderBy: { id: "asc" } }),
    prisma.deliverableFile.findMany({ orderBy: { id: "asc" } }),
    prisma.reviewComment.findMany({ orderBy: { id: "asc" } }),
    prisma.stageExtension.findMany({ orderBy: { id: "asc" } }),
    prisma.preLearningCompletion.findMany({ orderBy: [{ userId: "asc" }, { materialId: "asc" }] }),
    prisma.academyMaterial.findMany({ orderBy: { id: "asc" } }),
    prisma.consultation.findMany({ orderBy: { id: "asc" } }),
    prisma.consultationAction.findMany({ orderBy: { id: "asc" } }),
    prisma.certificate.findMany({ orderBy: { id: "asc" } }),
    prisma.enrollment.findMany({ orderBy: { id: "asc" } }),
    prisma.academy.findMany({ orderBy: { id: "asc" } }),
    prisma.stage.findMany({ orderBy: { id: "asc" } }),
    prisma.workshopSession.findMany({ orderBy: { id: "asc" } }),
    prisma.team.findMany({ orderBy: { id: "asc" } }),
    prisma.teamMember.findMany({ orderBy: { id: "asc" } }),
    prisma.case.findMany({ orderBy: { id: "asc" } }),
    prisma.sessionFacilitator.findMany({ orderBy: [{ sessionId: "asc" }, { userId: "asc" }] }),
    prisma.mailMessage.count(),
    prisma.notification.count(),
  ]);
  return crypto.createHash("sha256").update(JSON.stringify(tables)).digest("hex");
}

interface Answer {
  status: number;
  refusal: string | null;
}

async function answer(result: unknown): Promise<Answer> {
  if (result instanceof Response) {
    const location = result.headers.get("Location") ?? "";
    if (result.status >= 300 && result.status < 400 && location.startsWith("/login")) return { status: result.status, refusal: "login" };
    return { status: result.status, refusal: [401, 403, 404].includes(result.status) ? String(result.status) : null };
  }
  const init = result && typeof result === "object" && "init" in result ? (result as { init?: ResponseInit | null }).init : null;
  const status = init?.status ?? 200;
  const body = result && typeof result === "object" && "data" in result ? (result as { data: unknown }).data : result;
  const named = body && typeof body === "object" ? ((body as { error?: unknown; reason?: unknown }).error ?? (body as { reason?: unknown }).reason) : null;
  if ([401, 403, 404].includes(status)) return { status, refusal: String(status) };
  return { status, refusal: typeof named === "string" && REFUSALS.includes(named) ? named : null };
}

async function post(handler: Handler, url: string, params: Record<string, string>, fields: Record<string, string>, cookie: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  const request = new Request(`http://localhost:3000${url}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
  try {
    return await handler({ request, params, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type World = { users: Record<Person, string>; params: Record<string, string>; refs: Record<string, string> };

async function worldFor(setup: "held" | undefined): Promise<World> {
  const world = await accessWorld();
  const refs: Record<string, string> = { ...world.refs };
  if (setup === "held") {
    const id = world.params.consultationId!;
    await prisma.consultation.update({ where: { id }, data: { status: "held", startsAt: new Date(Date.now() - 7 * 86400_000), endsAt: new Date(Date.now() - 7 * 86400_000 + 3600_000), issues: "論点", advice: "助言" } });
    refs.consultationActionId = (await prisma.consultationAction.create({ data: { consultationId: id, description: "データの棚卸し", owner: "情報政策課", dueOn: "2027-01-31" } })).id;
  }
  return { users: world.users, params: world.params, refs };
}

const cases = Object.entries(INTENT_POLICY).flatMap(([route, intents]) => Object.keys(intents).map((intent) => [route, intent] as const));

describe("the intent matrix", () => {
  it("has a row for every intent its pages declare, and none they do not (read from the declarations)", async () => {
    for (const [route, intents] of Object.entries(INTENT_POLICY)) {
      if (route.includes("#")) continue;
      expect((await declaredIntents(route)).sort(), route).toEqual(Object.keys(intents).sort());
    }
  });

  it.each(cases)("%s — %s: the declared people get past its check, everyone else is refused and changes nothing", async (route, intent) => {
    const row = INTENT_POLICY[route]![intent]!;
    const [file, variant] = route.split("#") as [string, string | undefined];
    const mod = (await import(`./${file}`)) as { action: Handler };
    const observed: Record<string, string> = {};
    const ask = async (who: Who, world: World) => {
      const fields = { intent, ...Object.fromEntries(Object.entries(row.body).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, (_m, name: string) => world.refs[name]!)])) };
      const cookie = who === "anonymous" ? null : await sessionCookieFor(world.users[who]);
      const params = variant ? { ...world.params, retroId: world.refs[variant]! } : world.params;
      const got = await answer(await post(mod.action, urlFor(file, params), params, fields, cookie));
      expect(got.status, `${intent} as ${who}`).toBeLessThan(500);
      observed[who] = got.refusal ? "refused" : "past";
      return got;
    };
    // the refused in one world: each must leave everything as it was
    const shared = await worldFor(row.setup);
    const refused = EVERYONE.filter((p) => !row.allowed.includes(p));
    for (const who of refused) {
      const before = await fingerprint();
      const got = await ask(who, shared);
      if (got.refusal) expect(await fingerprint(), `${intent} refused to ${who} changed something`).toBe(before);
    }
    // each allowed person in a world of their own (the first one's change would stand in the next one's way)
    for (const who of row.allowed) {
      await wipeDatabase();
      await ask(who, await worldFor(row.setup));
    }
    const order = [...refused, ...row.allowed];
    const expected = Object.fromEntries(order.map((who) => [who, row.allowed.includes(who) ? "past" : "refused"]));
    expect(observed).toEqual(expected);
  });

  it("gives each person their part on a team's board and on a session's board", async () => {
    const world = await accessWorld();
    const mod = (await import("./academies.$academyId.retros.$retroId._index")) as { loader: Handler };
    const partOn = async (who: Who, retroId: string) => {
      const params = { ...world.params, retroId };
      const cookie = who === "anonymous" ? null : await sessionCookieFor(world.users[who]);
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      let result: unknown;
      try {
        result = await mod.loader({ request: new Request(`http://localhost:3000${urlFor("academies.$academyId.retros.$retroId._index", params)}`, { headers }), params, context });
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
        return thrown.status === 302 ? "login" : String(thrown.status);
      }
      return (result as { view: { role: string } }).view.role;
    };
    const seen: Record<string, [string, string]> = {};
    for (const who of EVERYONE) seen[who] = [await partOn(who, world.params.retroId!), await partOn(who, world.refs.sessionRetroId!)];
    expect(seen).toEqual({
      coordinator: ["staff", "staff"],
      academyCoordinator: ["staff", "staff"],
      facilitator: ["staff", "staff"],
      otherFacilitator: ["404", "404"],
      member: ["member", "member"],
      otherTeamMember: ["404", "member"],
      observer: ["viewer", "viewer"],
      twoRoles: ["404", "member"],
      expert: ["404", "404"],
      applicant: ["404", "404"],
      anonymous: ["login", "login"],
    });
  });

  it("gives the only member of a team of one their workspace on the team page", async () => {
    const world = await accessWorld();
    const alone = await createUser("participant");
    const team = await createTeam(world.params.academyId!, "ひとりチーム", [alone.id]);
    const mod = (await import("./academies.$academyId.teams.$teamId._index")) as { loader: Handler };
    const params = { ...world.params, teamId: team.id };
    const request = new Request(`http://localhost:3000${urlFor("academies.$academyId.teams.$teamId._index", params)}`, { headers: { Cookie: await sessionCookieFor(alone.id) } });
    const page = (await mod.loader({ request, params, context })) as { isMember: boolean };
    expect(page.isMember).toBe(true);
  });
});

