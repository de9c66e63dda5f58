import { z } from "zod";

/** Who issues the academy's certificates (shared by the form and its intent). */
export const IssuerSchema = z.object({
  certificateIssuer: z.string().trim().max(100, "certificate.error.issuerTooLong"),
});
