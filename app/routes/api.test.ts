import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fromTokyo } from "~/utils/dates";
import { action as tokenAction, loader as tokenPage } from "./settings.api-tokens";
import { loader as academiesApi } from "./api.v1.academies._index";
import { loader as academyApi } from "./api.v1.academies.$academyId";
import { loader as sessionsApi } from "./api.v1.sessions";
import { loader as kpiApi } from "./api.v1.kpi";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

// The read-only JSON API as an integration uses it: a token a coordinator made, academies,
// sessions and KPIs as JSON, never a person; a revoked token stops at once.

async function world() {
  const facilitator = await createUser("facilitator", { displayName: "講師 花子", email: "sensei@example.jp" });
  const starts = [fromTokyo(2025, 9, 10, 13), fromTokyo(2025, 9, 24, 13), fromTokyo(2025, 10, 8, 13)];
  const academy = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014", "282103"])).id, fiscalYear: 2025, name: "播磨圏域データアカデミー", facilitatorIds: [facilitator.id], sessionStarts: starts });
  await prisma.workshopSession.updateMany({ where: { academyId: academy.id, sequence: 2 }, data: { onlineUrl: "https://meet.example.jp/secret-room", venueName: "" } });
  await prisma.workshopSession.updateMany({ where: { academyId: academy.id, sequence: 1 }, data: { venueName: "姫路市役所 北館", venueAddress: "姫路市安田4-1" } });
  await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, fiscalYear: 2026, name: "千代田区データアカデミー" });
  const member = await createUser("participant", { displayName: "参加 太郎", email: "taro@example.jp" });
  await createTeam(academy.id, "受診率向上チーム", [member.id]);
  const coordinatorUser = await createUser("coordinator", { displayName: "事務局 一郎", email: "jimukyoku@example.jp" });
  return { academy, coordinator: await sessionCookieFor(coordinatorUser.id), facilitator: await sessionCookieFor(facilitator.id), people: ["sensei@example.jp", "taro@example.jp", "jimukyoku@example.jp", "講師 花子", "参加 太郎", "事務局 一郎"] };
}

async function newToken(cookie: string, name = "県オープンデータカタログ") {
  const res = await caught(tokenAction({ request: formRequest("/settings/api-tokens", { intent: "create", name }, { cookie }), params: {}, context }));
  return res.data.created.token as string;
}

type Loader = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
async function api(loader: Loader, path: string, token: string | null, params: Record<string, string> = {}) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const res = (await loader({ request: new Request(`http://localhost:3000${path}`, { headers }), params, context })) as Response;
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

describe("API tokens", () => {
  it("are made by programme coordinators, shown once and stored only as a hash", async () => {
    const w = await world();
    const token = await newToken(w.coordinator);
    expect(token).toMatch(/^dam_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiToken.findFirstOrThrow();
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(JSON.stringify(row)).not.toContain(token);
    const page = await caught(tokenPage({ request: getRequest("/settings/api-tokens", { cookie: w.coordinator }), params: {}, context }));
    expect(JSON.stringify(page.data)).not.toContain(token);
    expect(page.data.tokens[0]).toMatchObject({ name: "県オープンデータカタログ", prefix: token.slice(0, 10) });
    const bad = await caught(tokenAction({ request: formRequest("/settings/api-tokens", { intent: "create", name: "あ".repeat(81) }, { cookie: w.coordinator }), params: {}, context }));
    expect(bad.status).toBe(400);
    expect(bad.data.values.name).toBe("あ".repeat(81));
    expect(await prisma.apiToken.count()).toBe(1);
    expect((await caught(tokenAction({ request: formRequest("/settings/api-tokens", { intent: "create", name: "x" }, { cookie: w.facilitator }), params: {}, context }))).status).toBe(403);
  });

  it("open the API; without one, with a made-up one or after revoking, it answers 401 in JSON", async () => {
    const w = await world();
    expect((await api(academiesApi, "/api/v1/academies", null)).status).toBe(401);
    const none = await api(academiesApi, "/api/v1/academies", "dam_" + "x".repeat(43));
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("unauthorized");
    expect(none.headers.get("WWW-Authenticate")).toContain("Bearer");
    const token = await newToken(w.coordinator);
    expect((await api(academiesApi, "/api/v1/academies", token)).status).toBe(200);
    expect((await prisma.apiToken.findFirstOrThrow()).lastUsedAt).not.toBeNull();
    const id = (await prisma.apiToken.findFirstOrThrow()).id;
    expect((await caught(tokenAction({ request: formRequest("/settings/api-tokens", { intent: "revoke", tokenId: id }, { cookie: w.coordinator }), params: {}, context }))).status).toBe(302);
    expect((await api(academiesApi, "/api/v1/academies", token)).status).toBe(401);
  });
});

describe("the JSON API", () => {
  it("lists academies with their governments' codes, page by page, and refuses nonsense with a message", async () => {
    const w = await world();
    const token = await newToken(w.coordinator);
    const all = await api(academiesApi, "/api/v1/academies?per_page=1", token);
    expect(all.body.meta).toEqual({ page: 1, perPage: 1, total: 2, next: "/api/v1/academies?per_page=1&page=2" });
    const year = await api(academiesApi, "/api/v1/academies?fiscal_year=2025&prefecture=28", token);
    expect(year.body.data).toHaveLength(1);
    expect(year.body.data[0]).toMatchObject({
      name: "播磨圏域データアカデミー",
      fiscalYear: 2025,
      teamCount: 1,
      sessionCount: 3,
      region: { name: "播磨圏域", municipalities: [{ code: "282014", name: "姫路市", prefecture: "兵庫県" }, { code: "282103", name: "加古川市", prefecture: "兵庫県" }] },
    });
    expect(year.body.data[0].firstSessionAt).toBe(fromTokyo(2025, 9, 10, 13).toISOString());
    for (const query of ["fiscal_year=20x5", "status=secret", "prefecture=hyogo", "per_page=1000", "page=0", "email=x"]) {
      const res = await api(academiesApi, `/api/v1/academies?${query}`, token);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message.length, query).toBeGreaterThan(5);
    }
  });

  it("gives an academy with its sessions, the sessions of a period and the KPIs, never a person or a meeting link", async () => {
    const w = await world();
    const token = await newToken(w.coordinator);
    const one = await api(academyApi, `/api/v1/academies/${w.academy.id}`, token, { academyId: w.academy.id });
    expect(one.body.data.sessions.map((s: { sequence: number }) => s.sequence)).toEqual([1, 2, 3]);
    expect(one.body.data.sessions[0]).toMatchObject({ venue: { name: "姫路市役所 北館", address: "姫路市安田4-1" }, online: false, held: true });
    expect(one.body.data.sessions[1]).toMatchObject({ venue: null, online: true });
    expect((await api(academyApi, "/api/v1/academies/nope", token, { academyId: "nope" })).status).toBe(404);
    const sessions = await api(sessionsApi, "/api/v1/sessions?fiscal_year=2025&from=2025-09-20&to=2025-10-08", token);
    expect(sessions.body.data.map((s: { sequence: number }) => s.sequence)).toEqual([2, 3]);
    expect((await api(sessionsApi, "/api/v1/sessions?from=yesterday", token)).status).toBe(400);
    const kpi = await api(kpiApi, "/api/v1/kpi?fiscal_year=2025&by=municipality", token);
    expect(kpi.body.data.total.current).toMatchObject({ sessionsHeld: 3, hours: 10.5, participants: 1 });
    expect(kpi.body.data.rows.map((r: { key: string }) => r.key)).toContain("282014");
    expect((await api(kpiApi, "/api/v1/kpi?quarter=5", token)).status).toBe(400);
    for (const text of [one.text, sessions.text, kpi.text, (await api(academiesApi, "/api/v1/academies", token)).text]) {
      for (const personal of [...w.people, "secret-room", "meet.example.jp"]) expect(text).not.toContain(personal);
    }
  });
});
