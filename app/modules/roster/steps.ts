import type { ColumnMapping, HeaderCandidate, RawRow, RowError } from "./parse.server";
import type { PreviewRow, SimilarTeam } from "./roster.server";

// The roster import's steps as the page receives them (decision 0024: a step is the answer of
// an intent; a refused step is a refusal that may carry the step to show again).

export type Preview = {
  step: "preview";
  fileName: string;
  encoding: string;
  total: number;
  rows: PreviewRow[];
  errors: RowError[];
  /** rows with errors as written, to fix here */
  invalid: RawRow[];
  similar: SimilarTeam[];
  payload: string;
  signature: string;
  undecided?: string[];
};
export type RosterStep =
  | { step: "mapping"; fileName: string; headers: string[]; guessed: ColumnMapping; missing: string[]; token: string; headerRow: number; candidates: HeaderCandidate[] }
  | Preview;

