// HTTP wrapping of an iCalendar body; the calendar module only builds the text.

/** An .ics download that calendar programs accept and proxies never cache. */
export function icsResponse(body: string, fileName: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
