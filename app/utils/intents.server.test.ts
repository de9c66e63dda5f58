import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fail } from "./result";
import { intent, intentNames, runIntent, type Intents } from "./intents.server";

// The one answer of a declared action (decision 0024): what the page shows and puts back.

interface Viewer {
  writes: boolean;
  done: string[];
}

const INTENTS: Intents<Viewer> = {
  rename: intent({
    may: (v: Viewer) => v.writes,
    refusal: "test.notYours",
    schema: z.object({ title: z.string().trim().min(1, "validation.required").max(10, "validation.tooLong") }),
    run: (input, viewer: Viewer) => {
      if (input.title === "他人の") return fail("test.notYours");
      if (input.title === "重複") return fail("test.taken", { title: "test.taken" });
      viewer.done.push(input.title);
      return { ok: true as const };
    },
  }),
};

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("runIntent", () => {
  it("runs the change with the parsed form", async () => {
    const viewer = { writes: true, done: [] as string[] };
    expect(await runIntent(INTENTS, viewer, form({ intent: "rename", title: "  新しい名前 " }))).toEqual({ ok: true });
    expect(viewer.done).toEqual(["新しい名前"]);
  });

  it("refuses someone without the ability before reading the form, keeping what was typed", async () => {
    const viewer = { writes: false, done: [] as string[] };
    const got = await runIntent(INTENTS, viewer, form({ intent: "rename", title: "" }));
    expect(got).toMatchObject({ ok: false, reason: "test.notYours", status: 403, fieldErrors: {}, values: { intent: "rename", title: "" } });
    expect(viewer.done).toEqual([]);
  });

  it("answers bad input per field with what was typed, and changes nothing", async () => {
    const viewer = { writes: true, done: [] as string[] };
    const got = await runIntent(INTENTS, viewer, form({ intent: "rename", title: "とても長すぎる名前です" }));
    expect(got).toMatchObject({ ok: false, reason: "validation.tooLong", status: 400, fieldErrors: { title: "validation.tooLong" }, values: { title: "とても長すぎる名前です" } });
    expect(viewer.done).toEqual([]);
  });

  it("passes on the change's refusal; the intent's own refusal counts as forbidden", async () => {
    const viewer = { writes: true, done: [] as string[] };
    expect(await runIntent(INTENTS, viewer, form({ intent: "rename", title: "重複" }))).toMatchObject({ ok: false, reason: "test.taken", fieldErrors: { title: "test.taken" }, status: 400, values: { title: "重複" } });
    expect(await runIntent(INTENTS, viewer, form({ intent: "rename", title: "他人の" }))).toMatchObject({ ok: false, reason: "test.notYours", status: 403 });
  });

  it("names no intent it does not declare, including the object's own properties", async () => {
    const viewer = { writes: true, done: [] as string[] };
    for (const name of ["", "delete", "toString", "__proto__", "constructor"]) {
      expect(await runIntent(INTENTS, viewer, form({ intent: name, title: "x" }))).toMatchObject({ ok: false, reason: "form.unknownIntent", status: 400 });
    }
    expect(intentNames(INTENTS)).toEqual(["rename"]);
    // someone who may use none of the page's intents is refused as such, whatever the form names
    expect(await runIntent(INTENTS, { writes: false, done: [] as string[] }, form({ intent: "", title: "x" }))).toMatchObject({ ok: false, reason: "form.notAllowed", status: 403 });
  });
});
