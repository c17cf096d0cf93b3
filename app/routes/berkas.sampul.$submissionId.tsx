// A project's cover image, inline. Public once the project is in a published gallery; before
// that only for the team, organizers and assigned judges.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { FILE_KIND_INFO } from "~/domain/filetype";
import { coverForViewer } from "~/models/submission-files.server";
import { notFound } from "~/services/guards.server";
import { sniffFileType } from "~/services/filetype.server";
import { getUser } from "~/services/session.server";
import { fileResponse, getFile } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const key = await coverForViewer(params.submissionId ?? "", user, new Date());
  const bytes = key ? await getFile(key) : null;
  if (!bytes) throw notFound();
  // Covers were type-checked on upload; the type is re-derived from the bytes, not stored.
  const kind = await sniffFileType(bytes);
  if (kind !== "png" && kind !== "jpeg" && kind !== "webp") throw notFound();
  return fileResponse(bytes, { filename: `sampul.${FILE_KIND_INFO[kind].ext}`, mime: FILE_KIND_INFO[kind].mime, inline: true });
}
