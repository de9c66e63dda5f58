import type { TFunction } from "~/utils/i18n";
import { stageLabelKey } from "~/modules/stage/stages";
import type { BoardTeam } from "./board.server";

// The progress board as a table of plain values, shared by the CSV and XLSX exports: every team
// of the filter (not one page), a stage's state in words, its due date as a date.

export function boardTable(t: TFunction, stageKeys: readonly string[], teams: readonly BoardTeam[]) {
  const header = [
    t("progress.team"),
    t("progress.academy"),
    t("academy.region"),
    t("progress.facilitator"),
    ...stageKeys.flatMap((k) => [t(stageLabelKey(k)), t("progress.dueOf", { stage: t(stageLabelKey(k)) })]),
    t("progress.flag.overdue"),
    t("progress.flag.stalled"),
    t("progress.lastActivity"),
  ];
  const body = teams.map((team) => [
    team.name,
    team.academyName,
    team.regionName,
    team.facilitatorName ?? "",
    ...stageKeys.flatMap((k) => {
      const cell = team.cells[k];
      return cell ? [t(`progress.state.${cell.state}`), cell.dueAt] : ["", null];
    }),
    team.overdue ? t("progress.yes") : "",
    team.stalled ? t("progress.yes") : "",
    team.lastActivityAt,
  ]);
  return { header, body };
}

/**
 * The same table in two parts for paper: the states on one sheet, the due dates on another
 * (19 columns on one A4 page would print at 5 pt). The CSV keeps the single table.
 */
export function boardTableForPrint(t: TFunction, stageKeys: readonly string[], teams: readonly BoardTeam[]) {
  const { header, body } = boardTable(t, stageKeys, teams);
  const due = new Set(stageKeys.map((_, i) => 4 + i * 2 + 1));
  const pick = (row: readonly unknown[], keep: (i: number) => boolean) => row.filter((_, i) => keep(i));
  return {
    states: { header: pick(header, (i) => !due.has(i)) as string[], body: body.map((r) => pick(r, (i) => !due.has(i))) as typeof body },
    dueDates: { header: pick(header, (i) => i === 0 || due.has(i)) as string[], body: body.map((r) => pick(r, (i) => i === 0 || due.has(i))) as typeof body },
  };
}
