import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, pageMeta, pageQuery, parseQuery, withApiToken } from "~/utils/api.server";
import { listOpenSessions, SessionQuerySchema } from "~/modules/api/open-data.server";
import { fromTokyoInputs } from "~/utils/dates";

// GET /api/v1/sessions?fiscal_year=&academy_id=&from=&to=&page=&per_page= (README: JSON API)
export async function loader({ request }: LoaderFunctionArgs) {
  return withApiToken(request, async () => {
    const url = new URL(request.url);
    const page = pageQuery(url);
    if (!page) return apiError(400, "invalid_query", "page must be 1 or more and per_page between 1 and 100");
    const q = parseQuery(SessionQuerySchema.strict(), url);
    if (!q.ok) return q.response;
    // dates are days in Tokyo; "to" is inclusive
    const from = q.value.from ? fromTokyoInputs(q.value.from) : null;
    const to = q.value.to ? new Date(fromTokyoInputs(q.value.to).getTime() + 86_400_000) : null;
    const { data, total } = await listOpenSessions({ fiscalYear: q.value.fiscal_year ?? null, academyId: q.value.academy_id ?? null, from, to }, page);
    return apiJson({ data, meta: pageMeta(url, page, total) });
  });
}
