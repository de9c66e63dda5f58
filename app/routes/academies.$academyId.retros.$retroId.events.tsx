import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { invariantFound } from "~/utils/http.server";
import { findRetroAccess } from "~/modules/retro/access.server";
import { revisionStream } from "~/modules/retro/live.server";

// The board's live stream (Server-Sent Events): the same access as the board itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = invariantFound(await findRetroAccess(context, params.retroId));
  return new Response(revisionStream(request.signal, access.retro.id), {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
