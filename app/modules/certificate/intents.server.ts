import { z } from "zod";
import { intent, notFound, OK, type Intents } from "~/utils/intents.server";
import { fail } from "~/utils/result";
import { requiredText } from "~/utils/form-fields";
import { env } from "~/utils/env.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { certificatesPage, issueCertificates, revokeCertificate, setIssuer } from "./certificate.server";
import { IssuerSchema } from "./schemas";

// An academy's certificates page (decision 0024): those who manage the academy name the issuer,
// issue the certificates of everyone who completed, and revoke one. Its readers (survey results)
// only look.

export interface CertificatesPage {
  context: AcademyContext;
}

const manager = { may: (p: CertificatesPage) => p.context.can.manageAcademy, refusal: "form.notAllowed" } as const;

export const CERTIFICATE_INTENTS: Intents<CertificatesPage> = {
  issuer: intent({
    ...manager,
    schema: IssuerSchema,
    run: async (v, p: CertificatesPage) => (await setIssuer(p.context.user.id, p.context.academy.id, v.certificateIssuer), OK),
    done: () => ({ message: "certificate.issuerSaved" }),
  }),
  issue: intent({
    ...manager,
    schema: z.object({}),
    run: async (_v, p: CertificatesPage) => {
      // a certificate names who issues it: the academy's own issuer, or the installation's
      const issuer = (await certificatesPage(p.context.academy.id)).issuer || env().certificateIssuer;
      if (!issuer) return fail("certificate.error.noIssuer");
      return issueCertificates(p.context.user.id, p.context.academy.id);
    },
    done: (r) => ({ message: "certificate.issued", params: { count: r.count } }),
  }),
  revoke: intent({
    ...manager,
    schema: z.object({ certificateId: requiredText(64) }),
    run: async (v, p: CertificatesPage) => {
      const result = await revokeCertificate(p.context.user.id, p.context.academy.id, v.certificateId);
      return result.ok ? result : notFound(result.reason);
    },
    done: () => ({ message: "certificate.revoked" }),
  }),
};
