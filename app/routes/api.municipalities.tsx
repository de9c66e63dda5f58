import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/session.server";
import { searchMunicipalities } from "~/modules/municipality/municipality.server";

/** Search the municipality register by code, name or kana (for pickers). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const results = await searchMunicipalities(q, 20);
  return Response.json({
    results: results.map((m) => ({ code: m.code, name: m.name, kana: m.kana, prefecture: m.prefecture.name })),
  });
}
