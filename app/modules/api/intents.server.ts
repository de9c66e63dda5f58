import { z } from "zod";
import { intent, orNotFound, OK, type Intents } from "~/utils/intents.server";
import { requiredText } from "~/utils/form-fields";
import { createApiToken, revokeApiToken } from "./tokens.server";
import { TokenNameSchema } from "./schemas";

// The API tokens page (decision 0024): a new token is answered on the page itself, shown once;
// a revoked one is gone. The route lets in only those who manage API tokens.

export interface TokensPage {
  actorId: string;
}

export const TOKEN_INTENTS: Intents<TokensPage> = {
  create: intent({
    schema: TokenNameSchema,
    run: async (v, p: TokensPage) => ({ ok: true as const, created: { name: v.name, token: (await createApiToken(p.actorId, v.name)).token } }),
  }),
  revoke: intent({
    schema: z.object({ tokenId: requiredText(64) }),
    run: async (v, p: TokensPage) => orNotFound((await revokeApiToken(p.actorId, v.tokenId)) && OK, "apiToken.error.notFound"),
    done: () => ({ message: "apiToken.revoked" }),
  }),
};
