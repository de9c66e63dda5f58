import { describe, expect, it } from "vitest";
import ja from "./ja/common.json";
import en from "./en/common.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("i18n catalogues", () => {
  it("English has every Japanese key and no extra ones", () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it("no string is left empty", () => {
    const empty = (o: object) => keys(o).filter((k) => k.split(".").reduce<any>((a, p) => a[p], o) === "");
    expect(empty(ja)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
