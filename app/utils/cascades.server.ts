// What a delete reaches, read from the schema itself (prisma/schema.prisma, beside the migrations
// the app applies at start; the PostgreSQL schema is made from it with the same relations):
// deleting a row of a model deletes the rows that point at it with `onDelete: Cascade` (and so
// on down), and writes the rows that point at it with `onDelete: SetNull` / `SetDefault` — the
// default of an optional relation. `Restrict` and `NoAction` refuse the delete instead.
// The read cache (read-cache.server.ts) forgets only the figures that count one of these tables,
// so removing a team member no longer forgets the KPI report (issue 28, decision 0015).
import fs from "node:fs";
import path from "node:path";

/** A model's relation that holds the foreign key: the model it points at and what a delete there does to it. */
interface Reference {
  from: string;
  to: string;
  onDelete: "Cascade" | "SetNull" | "SetDefault" | "Restrict" | "NoAction";
}

export function referencesOf(text: string): Reference[] {
  const references: Reference[] = [];
  let model: string | null = null;
  for (const line of text.split("\n")) {
    const start = line.match(/^model\s+(\w+)\s*\{/);
    if (start) {
      model = start[1]!;
      continue;
    }
    if (line.startsWith("}")) {
      model = null;
      continue;
    }
    if (!model) continue;
    const field = line.match(/^\s+\w+\s+(\w+)(\??)\s+.*@relation\(([^)]*fields:[^)]*)\)/);
    if (!field) continue;
    const [, to, optional, args] = field;
    const action = args!.match(/onDelete:\s*(\w+)/)?.[1] as Reference["onDelete"] | undefined;
    references.push({ from: model, to: to!, onDelete: action ?? (optional ? "SetNull" : "Restrict") });
  }
  return references;
}

/** For each model, the tables a delete of its rows may write (itself included), following cascades. */
export function deleteReach(references: readonly Reference[]) {
  const reach = new Map<string, Set<string>>();
  const of = (model: string): Set<string> => {
    const known = reach.get(model);
    if (known) return known;
    const tables = new Set([model]);
    reach.set(model, tables); // a cycle of cascades ends here
    for (const r of references) {
      if (r.to !== model) continue;
      if (r.onDelete === "Cascade") for (const table of of(r.from)) tables.add(table);
      else if (r.onDelete === "SetNull" || r.onDelete === "SetDefault") tables.add(r.from);
    }
    return tables;
  };
  return of;
}

let reachOfSchema: ((model: string) => Set<string>) | null | undefined;

/** The tables a delete of `model`'s rows may write; "everything" when the schema cannot be read. */
export function tablesADeleteWrites(model: string): readonly string[] | "everything" {
  if (reachOfSchema === undefined) {
    try {
      reachOfSchema = deleteReach(referencesOf(fs.readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8")));
    } catch {
      reachOfSchema = null;
    }
  }
  return reachOfSchema ? [...reachOfSchema(model)] : "everything";
}
