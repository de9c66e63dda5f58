import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// The tests StrykerJS runs against each mutant of the access modules (stryker.config.mjs):
// those that exercise who may see and change what.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        "app/modules/account/permissions.test.ts",
        "app/modules/academy/*.property.test.ts",
        "app/routes/access.test.ts",
        "app/routes/write-gates.test.ts",
        "app/routes/authorization-matrix.test.ts",
        "app/routes/intent-matrix.test.ts",
        "app/routes/retro.test.ts",
        "app/routes/cases.test.ts",
        "app/routes/team-path.test.ts",
        "app/routes/team.test.ts",
      ],
    },
  }),
);
