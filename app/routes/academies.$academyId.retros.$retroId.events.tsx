import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { requireRetro } from "~/modules/retro/access.server";
import { revisionStream } from "~/modules/retro/live.server";

// The board's live stream (Server-Sent Events): the same access as the board itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = await requireRetro(context, params.retroId);
  return revisionStream(request, access.retro.id);
}
