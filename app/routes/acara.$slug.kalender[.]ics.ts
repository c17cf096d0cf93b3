// The event timeline as an iCalendar feed (RFC 5545): one entry per deadline, times in the event's
// zone. Public events only; `?tenggat=<id>` gives one deadline as its own file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEventBySlug, toTimeline } from "~/models/event.server";
import { calendarFile, calendarItems } from "~/services/calendar.server";
import { notFound } from "~/services/guards.server";
import { getLanguage, tFor } from "~/services/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getEventBySlug(params.slug ?? "");
  if (!event?.isPublic) throw notFound();
  const lang = await getLanguage(request);
  const t = await tFor(lang);
  const calendar = { id: event.id, slug: event.slug, name: event.name, timezone: event.timezone, timeline: toTimeline(event) };
  const all = calendarItems(calendar, t, lang);
  const only = new URL(request.url).searchParams.get("tenggat");
  const items = only === null ? all : all.filter((i) => i.id === only);
  if (!items.length) throw notFound();
  const body = calendarFile(calendar, items, t, new Date());
  const file = only === null ? event.slug : `${event.slug}-${items[0]!.id}`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${file}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
