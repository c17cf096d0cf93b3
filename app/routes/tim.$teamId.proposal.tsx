// The team's proposal PDF: only its members and the event's organizers may download it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTeamForViewer } from "~/models/team-view.server";
import { notFound } from "~/services/guards.server";
import { requireUser } from "~/services/session.server";
import { fileResponse, openFile } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getTeamForViewer(params.teamId ?? "", user);
  const key = found?.team.proposalKey;
  if (!found || !key) throw notFound();
  const file = await openFile(key);
  if (!file) throw notFound();
  return fileResponse(file, { filename: found.team.proposalName ?? "proposal.pdf", mime: "application/pdf" });
}

export { TeamErrorBoundary as ErrorBoundary } from "~/components/error-panel";
