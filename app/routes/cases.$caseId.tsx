import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/utils/use-translation";
import { publicCase } from "~/modules/case/case.server";
import { invariantFound } from "~/utils/http.server";
import { formatFiscalYear } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { pageTitle } from "~/utils/meta";
import { CaseBody } from "~/components/case/case-view";

// One published case, for anyone.
export async function loader({ params }: LoaderFunctionArgs) {
  return { c: invariantFound(await publicCase(String(params.caseId ?? ""))) };
}

export default function PublicCase() {
  const { c } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <p><Link to="/cases">{t("case.backToLibrary")}</Link></p>
      <p className="text-solid-gray-700">{formatFiscalYear(c.fiscalYear, locale, true)}</p>
      <h1>{c.title}</h1>
      <CaseBody c={c} />
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "case.libraryTitle");
