// Who may see an event's gallery: everyone once the organizer publishes it (on a public event)
// and blind judging is over; before that only the event's organizers, as a preview.
import { blindPeriod } from "~/domain/blind";
import { isOrganizer } from "~/domain/permissions";
import { actorFor, requireEvent } from "./event-guards.server";
import { notFound } from "~/services/guards.server";
import { getUser } from "~/services/session.server";

export async function requireGallery(request: Request, slug: string | undefined, now: Date) {
  const event = await requireEvent(slug);
  const published = event.isPublic && event.galleryPublished && !blindPeriod(event, now);
  if (published) return { event, preview: false };
  const user = await getUser(request);
  if (user && isOrganizer(await actorFor(user, event.id))) return { event, preview: true };
  throw notFound();
}
