// Academy lifecycle. Only these transitions are allowed (planning issue builds the UI).
export const ACADEMY_STATUSES = ["planning", "recruiting", "running", "finished", "archived"] as const;
export type AcademyStatus = (typeof ACADEMY_STATUSES)[number];

export const ACADEMY_TRANSITIONS: Record<AcademyStatus, AcademyStatus[]> = {
  planning: ["recruiting", "archived"],
  recruiting: ["planning", "running", "archived"],
  running: ["finished"],
  finished: ["running", "archived"],
  archived: ["planning"],
};

export function canTransition(from: string, to: string): boolean {
  return (ACADEMY_TRANSITIONS as Record<string, string[]>)[from]?.includes(to) ?? false;
}
