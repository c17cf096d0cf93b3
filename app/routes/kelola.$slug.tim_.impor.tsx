// Team import: upload a CSV/XLSX (one row per member), see every team's and row's verdict, confirm
// to register the teams and email each member a link to claim their place. Nothing but an audit
// line of counts is written before the confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro, SavedNotice } from "~/components/event-forms";
import { TeamPreviewView, TemplateCard, UploadForm } from "~/components/import-ui";
import { pageTitle, parentData } from "~/components/page-title";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type TeamPreview } from "~/domain/import";
import { requireOrganizer } from "~/models/event-guards.server";
import { confirmTeamImport, previewTeamImport } from "~/models/import.server";
import { listPools } from "~/models/structure.server";
import { importAction, type ImportReply } from "~/services/import-action.server";
import { mailTeamSeat } from "~/services/invite-mail.server";
import { saved } from "~/services/organizer-actions.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "importTeams", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const pools = await listPools(event.id);
  return { slug: event.slug, maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS, pools: pools.length > 0 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  return importAction(request, "teams", {
    preview: (file) => previewTeamImport(event.id, file, user),
    confirm: (form) => confirmTeamImport(event.id, form, user),
    written: async ({ seats }, t) => {
      for (const seat of seats) await mailTeamSeat(t, seat, { eventName: event.name, inviter: user.name });
      return saved(`/kelola/${event.slug}/tim/impor`, "teamsImported");
    },
  });
}

export default function ImportTeams() {
  const { t } = useTranslation();
  const { slug, maxBytes, maxRows, pools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ImportReply<TeamPreview> | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const base = `/kelola/${slug}/tim/impor`;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/kelola/${slug}/tim`} className="btn-link text-sm">
          ← {t("screening.title")}
        </Link>
      </p>
      <PageIntro title={t("import.teams.title")} intro={t("import.teams.intro")} />
      <SavedNotice hidden={Boolean(actionData)} />
      {params.get("tersimpan") && !actionData ? (
        <Link to={`/kelola/${slug}/tim`} className="btn-secondary">
          {t("import.teams.openList")}
        </Link>
      ) : null}
      <TemplateCard kind="teams" base={base} pools={pools} />
      <UploadForm maxBytes={maxBytes} maxRows={maxRows} error={actionData?.error} busy={busy} />
      {actionData?.preview ? <TeamPreviewView preview={actionData.preview} changed={Boolean(actionData.changed)} busy={busy} /> : null}
    </div>
  );
}
