// The event banner. Public once the event is public; before that only its organizers see it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { FILE_KIND_INFO } from "~/domain/filetype";
import { can } from "~/domain/permissions";
import { bannerKeyFor } from "~/models/public-event.server";
import { actorFor } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { sniffFileType } from "~/services/filetype.server";
import { getUser } from "~/services/session.server";
import { getFile } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await bannerKeyFor(params.slug ?? "");
  if (!event?.bannerKey) throw notFound();
  if (!event.isPublic) {
    const user = await getUser(request);
    if (!user || !can(await actorFor(user, event.id), "manage:event")) throw notFound();
  }
  const bytes = await getFile(event.bannerKey);
  if (!bytes) throw notFound();
  // The type comes from the bytes (checked at upload), never from anything the uploader said.
  const kind = await sniffFileType(bytes);
  if (kind !== "png" && kind !== "jpeg" && kind !== "webp") throw notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": FILE_KIND_INFO[kind].mime,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // The URL carries a version of the key, so a public banner can be cached; a private one never.
      "Cache-Control": event.isPublic ? "public, max-age=86400" : "private, no-store",
    },
  });
}
