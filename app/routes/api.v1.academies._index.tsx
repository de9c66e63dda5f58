import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, pageMeta, pageQuery, parseQuery, withApiToken } from "~/utils/api.server";
import { AcademyQuerySchema, listOpenAcademies } from "~/modules/api/open-data.server";

// GET /api/v1/academies?fiscal_year=&status=&prefecture=&page=&per_page= (README: JSON API)
export async function loader({ request }: LoaderFunctionArgs) {
  return withApiToken(request, async () => {
    const url = new URL(request.url);
    const page = pageQuery(url);
    if (!page) return apiError(400, "invalid_query", "page must be 1 or more and per_page between 1 and 100");
    const q = parseQuery(AcademyQuerySchema.strict(), url);
    if (!q.ok) return q.response;
    const { data, total } = await listOpenAcademies({ fiscalYear: q.value.fiscal_year ?? null, status: q.value.status ?? null, prefecture: q.value.prefecture ?? null }, page);
    return apiJson({ data, meta: pageMeta(url, page, total) });
  });
}
