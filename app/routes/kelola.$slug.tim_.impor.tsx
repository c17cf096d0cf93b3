// Team import: upload a CSV/XLSX (one row per member), see every team's and row's verdict, confirm
// to register the teams and email each member a link to claim their place. Nothing but an audit
// line of counts is written before the confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro, SavedNotice } from "~/components/event-forms";
import { TeamPreviewView, TemplateCard, UploadForm, type PageProblem } from "~/components/import-ui";
import { pageTitle, parentData } from "~/components/page-title";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type Preview, type TeamPreview } from "~/domain/import";
import { requireOrganizer } from "~/models/event-guards.server";
import { confirmTeamImport, previewTeamImport } from "~/models/import.server";
import { listPools } from "~/models/structure.server";
import { safeParseKnownFields } from "~/services/forms.server";
import { getT } from "~/services/i18n.server";
import { mailTeamSeat } from "~/services/invite-mail.server";
import { intentOf, saved } from "~/services/organizer-actions.server";
import { fileField } from "~/services/upload.server";
import { importConfirmSchema } from "~/validation/import";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "importTeams", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const pools = await listPools(event.id);
  return { slug: event.slug, maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS, pools: pools.length > 0 };
}

type ActionData = { intent: string; problem?: PageProblem; preview?: Preview<TeamPreview>; changed?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  if (intent === "confirm") {
    const form = safeParseKnownFields(formData, importConfirmSchema);
    if (!form.success) return data<ActionData>({ intent, problem: { code: "damaged" } }, { status: 400 });
    const outcome = await confirmTeamImport(event.id, form.data, user);
    if (!outcome.ok) {
      if (outcome.reason === "damaged") return data<ActionData>({ intent, problem: { code: "damaged" } }, { status: 400 });
      return data<ActionData>({ intent, preview: outcome.preview, changed: true }, { status: 409 });
    }
    const t = await getT(request);
    for (const seat of outcome.written.seats) await mailTeamSeat(t, seat, { eventName: event.name, inviter: user.name });
    return saved(`/kelola/${event.slug}/tim/impor`, "teamsImported");
  }
  const file = await fileField(formData, "file");
  if (intent !== "preview" || !file) return data<ActionData>({ intent: "preview", problem: { code: "noFile" } }, { status: 400 });
  const outcome = await previewTeamImport(event.id, file, user);
  if (!outcome.ok) return data<ActionData>({ intent, problem: outcome.problem }, { status: 400 });
  return data<ActionData>({ intent, preview: outcome.preview });
}

export default function ImportTeams() {
  const { t } = useTranslation();
  const { slug, maxBytes, maxRows, pools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
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
      <UploadForm kind="teams" maxBytes={maxBytes} maxRows={maxRows} problem={actionData?.problem} busy={busy} />
      {actionData?.preview ? <TeamPreviewView preview={actionData.preview} changed={Boolean(actionData.changed)} busy={busy} /> : null}
    </div>
  );
}
