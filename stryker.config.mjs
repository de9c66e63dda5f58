// Mutation testing of the access rules and the action gates (issue 27): StrykerJS changes one
// thing at a time in the files below (a condition flipped, a role dropped, a check removed) and
// runs the tests that cover it; a change no test notices — a surviving mutant — is a rule the
// suite does not hold. `npm run test:mutation` (also in .ci/run) prints each survivor and writes
// reports/mutation/access.html and .json. Below the break threshold it fails, so weakening an
// access test fails CI (docs/decisions/0018-sign-up-and-second-hardening.md). Mutants that cannot
// change what anyone may do are marked where they are, with the reason (`Stryker disable`).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // related: false — the matrices import their routes by name at run time, which the import graph
  // vitest uses for "related" tests cannot see; with it they would never run against a mutant
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: [
    // who holds which ability, in which academy
    "app/modules/account/permissions.ts",
    // the gate of every academy route, and the academy context it reads
    "app/utils/academy-context.server.ts",
    "app/modules/academy/context.server.ts",
    // signed in / global permission / anonymous-only
    "app/utils/session.server.ts:137-156",
    // who may see and write a retrospective board
    "app/modules/retro/access.server.ts",
    "app/modules/retro/changes.server.ts:56-56",
    // whose team it is (a team's work is written by its members only)
    "app/modules/deliverable/path.server.ts:24-44",
    // only published cases are public
    "app/modules/case/case.server.ts:179-179",
    "app/modules/case/case.server.ts:241-244",
  ],
  ignoreStatic: true,
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 60_000,
  // the first run (every access test, with coverage per test) takes minutes on a 2-core machine
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "html", "json", "progress-append-only"],
  htmlReporter: { fileName: "reports/mutation/access.html" },
  jsonReporter: { fileName: "reports/mutation/access.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
