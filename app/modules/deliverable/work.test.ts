import { describe, expect, it } from "vitest";
import { assignIds, parseWork, readWork, submissionGaps, workFromFields } from "./work";

describe("structured work from form fields", () => {
  it("builds lists in index order and drops rows with nothing typed", () => {
    const raw = workFromFields("problem_definition", {
      problemStatement: "健診受診率が低い",
      "hypotheses.2.text": "三番目",
      "hypotheses.0.text": "一番目",
      "hypotheses.1.text": "   ",
      "hypotheses.0.id": "h1",
      "dataNeeded.0.text": "",
    });
    expect(raw.hypotheses).toEqual([{ text: "一番目", id: "h1" }, { text: "三番目" }]);
    expect(raw.dataNeeded).toEqual([]);
  });

  it("ignores unknown list keys, far-out indexes and fields of other stages", () => {
    const raw = workFromFields("problem_definition", { "hypotheses.0.evil": "x", "hypotheses.999.text": "x", "kpis.0.name": "x", policy: "p" });
    expect(raw.hypotheses).toEqual([]);
    expect(raw).not.toHaveProperty("kpis");
    const parsed = parseWork("problem_definition", raw);
    expect(parsed.ok && parsed.work).not.toHaveProperty("policy");
  });

  it("rejects over-long text with the field named", () => {
    const parsed = parseWork("problem_definition", workFromFields("problem_definition", { problemStatement: "あ".repeat(2001) }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.fieldErrors.problemStatement).toBeTruthy();
  });

  it("rejects a made-up item id (ids link stages together)", () => {
    const parsed = parseWork("problem_definition", workFromFields("problem_definition", { "hypotheses.0.text": "x", "hypotheses.0.id": "<script>" }));
    expect(parsed.ok).toBe(false);
  });

  it("reads back broken or old stored work as empty instead of failing", () => {
    expect(readWork("analysis", "not json")).toEqual({ method: "", findings: [], otherFindings: "" });
    expect(readWork("proposal", JSON.stringify({ policy: 42 })).policy).toBe("");
  });

  it("gives every new list item an id and keeps existing ones", () => {
    let n = 0;
    const work = assignIds({ hypotheses: [{ id: "", text: "a" }, { id: "keep", text: "b" }], problemStatement: "x" }, () => `id${++n}`);
    expect(work.hypotheses).toEqual([{ id: "id1", text: "a" }, { id: "keep", text: "b" }]);
  });
});

describe("what a submission needs", () => {
  it("a problem definition needs a problem statement and at least one hypothesis", () => {
    const gaps = submissionGaps("problem_definition", readWork("problem_definition", "{}"));
    expect(Object.keys(gaps).sort()).toEqual(["hypotheses", "problemStatement"]);
  });

  it("an analysis must answer every hypothesis of the problem definition", () => {
    const hypotheses = [{ id: "h1" }, { id: "h2" }];
    const oneAnswered = { method: "", otherFindings: "", findings: [{ hypothesisId: "h1", hypothesisText: "", verdict: "supported", evidence: "" }] };
    expect(submissionGaps("analysis", oneAnswered, hypotheses)).toHaveProperty("findings");
    const both = { ...oneAnswered, findings: [...oneAnswered.findings, { hypothesisId: "h2", hypothesisText: "", verdict: "unclear", evidence: "" }] };
    expect(submissionGaps("analysis", both, hypotheses)).toEqual({});
  });

  it("a proposal needs a policy and a KPI with a target", () => {
    const noTarget = { policy: "p", kpis: [{ id: "k", name: "受診率", baseline: "30%", target: "", measurement: "" }], expectedEffect: "", measurement: "" };
    expect(submissionGaps("proposal", noTarget)).toHaveProperty("kpis");
    expect(submissionGaps("proposal", { ...noTarget, kpis: [{ ...noTarget.kpis[0]!, target: "40%" }] })).toEqual({});
  });
});
