import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { invariantFound } from "~/utils/http.server";
import { findRetroAccess } from "~/modules/retro/access.server";
import { boardStream } from "~/modules/retro/live.server";

// The board's live stream (Server-Sent Events): the same access as the board itself; each event
// carries the whole board as this viewer may see it (live.server.ts).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = invariantFound(await findRetroAccess(context, params.retroId));
  return new Response(boardStream(request.signal, access), {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
