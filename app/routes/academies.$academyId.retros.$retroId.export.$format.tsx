import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { findRetroAccess } from "~/modules/retro/access.server";
import { boardView } from "~/modules/retro/live.server";
import { cardsRevealed } from "~/modules/retro/rules";
import { boardTitle, toMarkdown, toSummaryCsv } from "~/modules/retro/summary";
import { invariantFound, notFound } from "~/utils/http.server";
import { textDownload } from "~/utils/download.server";
import { serverT } from "~/utils/i18n.server";
import { resolveLocale } from "~/utils/locale.server";
import { formatDate, toTokyoDateInput } from "~/utils/dates";

// The board's summary as Markdown or CSV (UTF-8 with BOM). Only once the cards are revealed.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireAcademyContext(request, params.academyId);
  const access = invariantFound(await findRetroAccess(context, params.retroId));
  const format = params.format;
  if (format !== "md" && format !== "csv") notFound();
  const view = await boardView(access);
  if (!cardsRevealed(view.retro.phase)) notFound();
  const locale = await resolveLocale(request, context.user);
  const t = serverT(locale);
  const date = (iso: string) => formatDate(new Date(iso), locale);
  const name = `${boardTitle(t, view.retro)}.${format}`.replace(/[\\/:*?"<>|]/g, "_");
  // CSV dates as yyyy-mm-dd so a spreadsheet reads them as dates
  return format === "md" ? textDownload(name, "text/markdown", toMarkdown(t, view, date)) : textDownload(name, "text/csv", toSummaryCsv(t, view, (iso) => toTokyoDateInput(new Date(iso))));
}
