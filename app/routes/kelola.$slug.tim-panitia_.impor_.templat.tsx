// The judge import template: ?format=xlsx (default; Text columns and an instructions sheet) or csv.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganizer } from "~/models/event-guards.server";
import { templateLists } from "~/models/import.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { templateResponse } from "~/services/import-template.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const [lists, lang, t] = await Promise.all([templateLists(event.id), getLanguage(request), getT(request)]);
  return templateResponse("judges", format, lang, t, lists);
}
