// Attachment download: only for the team, the event's organizers and assigned judges. Always a
// download (never rendered inline) with the type detected at upload, never the declared one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForViewer } from "~/models/submission-files.server";
import { notFound } from "~/services/guards.server";
import { getUser } from "~/services/session.server";
import { fileResponse, openFile } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const attachment = await attachmentForViewer(params.attachmentId ?? "", user);
  if (!attachment) throw notFound();
  const file = await openFile(attachment.storageKey);
  if (!file) throw notFound();
  return fileResponse(file, { filename: attachment.filename, mime: attachment.mime });
}
