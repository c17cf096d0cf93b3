// Who may see an event's gallery: everyone once the organizer publishes it (on a public event);
// before that only the event's organizers, as a preview.
import { isOrganizer } from "~/domain/permissions";
import { actorFor, notFound, requireEvent } from "~/services/guards.server";
import { getUser } from "~/services/session.server";

export async function requireGallery(request: Request, slug: string | undefined) {
  const event = await requireEvent(slug);
  const published = event.isPublic && event.galleryPublished;
  if (published) return { event, preview: false };
  const user = await getUser(request);
  if (user && isOrganizer(await actorFor(user, event.id))) return { event, preview: true };
  throw notFound();
}
