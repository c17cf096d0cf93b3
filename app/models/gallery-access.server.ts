// Who may see an event's gallery: everyone once the organizer publishes it (on a public event)
// and blind judging is over; before that only the event's organizers, as a preview.
import { blindPeriod } from "~/domain/blind";
import { can } from "~/domain/permissions";
import { actorFor, requireEvent } from "./event-guards.server";
import { notFound } from "~/services/guards.server";
import { getUser } from "~/services/session.server";

export async function requireGallery(request: Request, slug: string | undefined, now: Date) {
  const event = await requireEvent(slug);
  const published = event.isPublic && event.galleryPublished && !blindPeriod(event, now);
  if (published) return { event, preview: false };
  const user = await getUser(request);
  if (user && can(await actorFor(user, event.id), "manage:event")) return { event, preview: true };
  throw notFound();
}
