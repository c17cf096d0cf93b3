// "Download my data": one ZIP with everything held about the signed-in user (see
// app/models/account-data.server.ts). A GET link, so it works without JavaScript.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { accountArchive } from "~/models/account-data.server";
import { notFound } from "~/services/guards.server";
import { requireUser } from "~/services/session.server";
import { fileResponse } from "~/services/storage.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const zip = await accountArchive(user.id, now);
  if (!zip) throw notFound();
  const response = fileResponse(Buffer.from(zip), { filename: `data-saya-kim-hackathon-${now.toISOString().slice(0, 10)}.zip`, mime: "application/zip" });
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}
