import { prisma } from "~/utils/db.server";
import { keptRead } from "~/utils/read-cache.server";
import { academyFacts, type AcademyFacts, type Place } from "./facts.server";
import { periodRange, type Quarter } from "./periods";
import { KPI_KEYS, type GroupBy, type KpiKey } from "./definitions";

// The KPIs of local data plans for a fiscal year or quarter, per prefecture, municipality or
// region, with the previous fiscal year's figures. Definitions (shown on the page):
// app/modules/kpi/definitions.ts. The report is summed from each academy's facts
// (facts.server.ts), kept per academy and counted again only where something was written
// (decision 0021, superseding the one statement per window of decision 0020).
//
// Each KPI is a set of facts — (what is counted, the grouping key it belongs to, its weight: 1,
// or a session's hours) — summed per key and, each counted thing once, in total. A wide-area
// session or a person who worked for two cities appears under each key but once in the total.
// Unknown places (no municipality given) form the key "" (shown last).

type Values = Record<KpiKey, number>;
const zero = (): Values => ({ trained: 0, participants: 0, teams: 0, sessionsHeld: 0, hours: 0, proposalsAdopted: 0 });

interface Window {
  start: number;
  end: number;
  now: number;
}

/** The keys a place counts under: the grouping's part of each place, or "" (unknown) when there is none. */
function placeKeys(groupBy: GroupBy, regionId: string, places: Place[]): string[] {
  if (groupBy === "region") return [regionId];
  if (places.length === 0) return [""];
  return places.map((p) => (groupBy === "prefecture" ? p.prefecture : p.municipality) ?? "");
}

/** Every KPI of one window, per key of the grouping and in total. */
function figures(groupBy: GroupBy, academies: AcademyFacts[], w: Window) {
  // kpi → key → counted thing → weight (a thing counts once per key)
  const facts = new Map<KpiKey, Map<string, Map<string, number>>>(KPI_KEYS.map((k) => [k, new Map()]));
  const add = (kpi: KpiKey, keys: string[], unit: string, weight: number) => {
    const byKey = facts.get(kpi)!;
    for (const key of keys) {
      let units = byKey.get(key);
      if (!units) byKey.set(key, (units = new Map()));
      units.set(unit, weight);
    }
  };
  const inWindow = (t: number) => t >= w.start && t < w.end;
  for (const a of academies) {
    // sessions held in the window (ended inside it, not in the future)
    const held = a.sessions.filter((s) => inWindow(s.endsAt) && s.endsAt <= w.now);
    // trained: counted when the academy's last session ends
    const finished = a.lastEndsAt !== null && inWindow(a.lastEndsAt) && a.lastEndsAt <= w.now;
    const personKeys = (p: Place) => placeKeys(groupBy, a.regionId, [p]);
    if (held.length > 0) {
      for (const p of a.participants) add("participants", personKeys(p), p.userId, 1);
      for (const t of a.teams) add("teams", placeKeys(groupBy, a.regionId, t.places), t.id, 1);
      const sessionKeys = placeKeys(groupBy, a.regionId, a.regionPlaces);
      for (const s of held) {
        add("sessionsHeld", sessionKeys, s.id, 1);
        add("hours", sessionKeys, s.id, s.hours);
      }
    }
    if (finished) for (const p of a.participants) if (p.trained) add("trained", personKeys(p), p.userId, 1);
    // proposals first adopted in the window
    for (const t of a.teams) if (t.adoptedAt !== null && inWindow(t.adoptedAt)) add("proposalsAdopted", placeKeys(groupBy, a.regionId, t.places), t.id, 1);
  }
  const round = (v: number) => Math.round(v * 10) / 10;
  const byKey = new Map<string, Values>();
  const total = zero();
  for (const [kpi, keys] of facts) {
    const once = new Map<string, number>();
    for (const [key, units] of keys) {
      let sum = 0;
      for (const [unit, weight] of units) {
        sum += weight;
        once.set(unit, Math.max(once.get(unit) ?? 0, weight));
      }
      const v = byKey.get(key) ?? zero();
      v[kpi] = round(sum);
      byKey.set(key, v);
    }
    let sum = 0;
    for (const weight of once.values()) sum += weight;
    total[kpi] = round(sum);
  }
  return { byKey, total };
}

function windowOf(fiscalYear: number, quarter: Quarter | null, now: Date): Window {
  const { start, end } = periodRange(fiscalYear, quarter);
  return { start: start.getTime(), end: end.getTime(), now: now.getTime() };
}

export interface KpiRow {
  key: string;
  label: string;
  prefecture: string | null;
  current: Values;
  previous: Values;
}

/** The report of a fiscal year (or quarter) per grouping, with the previous year's figures; programme-wide, the same for everyone allowed to read it. */
export async function kpiReport(input: { fiscalYear: number; quarter: Quarter | null; groupBy: GroupBy }, now = new Date()) {
  const { academies, version } = await academyFacts(now);
  // the sums are kept while no academy's facts change (and the places' names stay), at most a minute (the clock moves sessions into "held")
  return keptRead(`kpi:${input.fiscalYear}:${input.quarter ?? "year"}:${input.groupBy}:${version}`, ["Municipality", "Prefecture", "Region"], () => sumReport(input, academies, now));
}

async function sumReport(input: { fiscalYear: number; quarter: Quarter | null; groupBy: GroupBy }, academies: AcademyFacts[], now: Date) {
  const { byKey: rows, total } = figures(input.groupBy, academies, windowOf(input.fiscalYear, input.quarter, now));
  const { byKey: prevRows, total: previousTotal } = figures(input.groupBy, academies, windowOf(input.fiscalYear - 1, input.quarter, now));
  const keys = [...new Set([...rows.keys(), ...prevRows.keys()])];
  const labels = await labelsOf(input.groupBy);
  const out: KpiRow[] = keys.map((key) => ({
    key,
    label: labels.get(key)?.label ?? "",
    prefecture: labels.get(key)?.prefecture ?? null,
    current: rows.get(key) ?? zero(),
    previous: prevRows.get(key) ?? zero(),
  }));
  // in the register's order (prefecture code, municipality code), regions by name; unknown last
  out.sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : input.groupBy === "region" ? a.label.localeCompare(b.label, "ja") : a.key.localeCompare(b.key)));
  return { rows: out, total, previousTotal };
}

/** The names of every prefecture, municipality or region, kept while none is renamed. */
function labelsOf(groupBy: GroupBy) {
  return keptRead(`kpi:labels:${groupBy}`, ["Municipality", "Prefecture", "Region"], async () => {
    const map = new Map<string, { label: string; prefecture: string | null }>();
    if (groupBy === "prefecture") {
      for (const p of await prisma.prefecture.findMany({ select: { code: true, name: true } })) map.set(p.code, { label: p.name, prefecture: null });
    } else if (groupBy === "municipality") {
      const list = await prisma.municipality.findMany({ select: { code: true, name: true, prefecture: { select: { name: true } } } });
      for (const m of list) map.set(m.code, { label: m.name, prefecture: m.prefecture.name });
    } else {
      for (const r of await prisma.region.findMany({ select: { id: true, name: true } })) map.set(r.id, { label: r.name, prefecture: null });
    }
    return map;
  });
}
