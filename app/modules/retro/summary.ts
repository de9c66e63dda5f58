import type { TFunction } from "~/utils/i18n";
import { toCsv } from "~/utils/csv";
import { byVotes, type Prompt } from "./rules";

// A board's summary as Markdown and CSV (and the printable page reads the same shape).
// Only for boards whose cards are revealed; authors appear only on boards that are not anonymous.

export interface SummaryInput {
  retro: { title: string; teamName: string | null; session: { sequence: number } | null; prompts: Prompt[]; phase: string; anonymous: boolean };
  cards: { prompt: string; text: string; groupId: string | null; author: string | null }[];
  groups: { id: string; title: string; notes: string; votes: number; position: number }[];
  actions: { text: string; ownerName: string | null; dueAt: string | null; status: string; teamName: string | null; carried: boolean }[];
  previousActions: { text: string; ownerName: string | null; status: string; reviewedHere: boolean }[];
}

export function promptLabel(t: TFunction, p: Prompt) {
  return p.label || t(`retro.prompt.${p.key}`);
}

export function boardTitle(t: TFunction, s: SummaryInput["retro"]) {
  const scope = s.teamName ?? t("retro.wholeSession");
  const session = s.session ? t("retro.ofSession", { n: s.session.sequence }) : "";
  return s.title || [t("retro.boardTitle", { scope }), session].filter(Boolean).join(" ");
}

const line = (s: string) => s.replace(/\s*\n\s*/g, " ");

export function toMarkdown(t: TFunction, s: SummaryInput, formatDate: (iso: string) => string): string {
  const out: string[] = [`# ${line(boardTitle(t, s.retro))}`, ""];
  if (s.previousActions.length > 0) {
    out.push(`## ${t("retro.phase.review")}`, "");
    for (const a of s.previousActions) out.push(`- ${t("format.withParen", { text: line(a.text), paren: t(`retro.actionStatus.${a.status}`) })}`);
    out.push("");
  }
  for (const p of s.retro.prompts) {
    out.push(`## ${promptLabel(t, p)}`, "");
    const cards = s.cards.filter((c) => c.prompt === p.key);
    if (cards.length === 0) out.push(`- ${t("retro.noCards")}`);
    for (const c of cards) out.push(`- ${c.author ? t("format.withParen", { text: line(c.text), paren: c.author }) : line(c.text)}`);
    out.push("");
  }
  out.push(`## ${t("retro.groupsByVotes")}`, "");
  for (const g of byVotes(s.groups)) {
    out.push(`### ${t("format.withParen", { text: line(g.title), paren: t("retro.votes", { count: g.votes }) })}`, "");
    for (const c of s.cards.filter((c) => c.groupId === g.id)) out.push(`- ${line(c.text)}`);
    if (g.notes) out.push("", ...g.notes.split("\n").map((l) => `> ${l}`));
    out.push("");
  }
  out.push(`## ${t("retro.phase.actions")}`, "");
  if (s.actions.length === 0) out.push(`- ${t("retro.noActions")}`);
  for (const a of s.actions) {
    const parts = [a.ownerName ? t("retro.owner", { name: a.ownerName }) : null, a.dueAt ? t("retro.due", { date: formatDate(a.dueAt) }) : null, a.teamName].filter(Boolean);
    out.push(`- [${a.status === "done" ? "x" : " "}] ${parts.length ? t("format.withParen", { text: line(a.text), paren: parts.join(t("format.list")) }) : line(a.text)}`);
  }
  out.push("");
  return out.join("\n");
}

export function toSummaryCsv(t: TFunction, s: SummaryInput, formatDate: (iso: string) => string): string {
  const groupTitle = new Map(s.groups.map((g) => [g.id, g.title]));
  const groupVotes = new Map(s.groups.map((g) => [g.id, g.votes]));
  const label = new Map(s.retro.prompts.map((p) => [p.key, promptLabel(t, p)]));
  const rows: (string | number | null)[][] = [[t("retro.csv.type"), t("retro.csv.prompt"), t("retro.csv.text"), t("retro.csv.group"), t("retro.csv.votes"), t("retro.csv.author"), t("retro.csv.owner"), t("retro.csv.due"), t("retro.csv.status")]];
  for (const c of s.cards) rows.push([t("retro.csv.card"), label.get(c.prompt) ?? c.prompt, c.text, c.groupId ? (groupTitle.get(c.groupId) ?? "") : "", c.groupId ? (groupVotes.get(c.groupId) ?? 0) : "", c.author ?? "", "", "", ""]);
  for (const a of s.actions) rows.push([t("retro.csv.action"), "", a.text, "", "", "", a.ownerName ?? "", a.dueAt ? formatDate(a.dueAt) : "", t(`retro.actionStatus.${a.status}`)]);
  for (const a of s.previousActions) rows.push([t("retro.csv.previousAction"), "", a.text, "", "", "", a.ownerName ?? "", "", t(`retro.actionStatus.${a.status}`)]);
  return toCsv(rows);
}
