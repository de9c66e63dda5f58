import { z } from "zod";

/** An API token's name (shared by the form and its intent). */
export const TokenNameSchema = z.object({
  name: z.string().trim().min(1, "apiToken.error.nameRequired").max(80, "apiToken.error.nameTooLong"),
});
