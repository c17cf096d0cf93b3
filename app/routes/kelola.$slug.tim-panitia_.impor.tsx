// Judge import: upload a CSV/XLSX, see every row's verdict, confirm to send the invites. Nothing
// but an audit line of counts is written before the confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { JudgePreviewView, TemplateCard, UploadForm } from "~/components/import-ui";
import { pageTitle, parentData } from "~/components/page-title";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type JudgePreview } from "~/domain/import";
import { requireOrganizer } from "~/models/event-guards.server";
import { confirmJudgeImport, previewJudgeImport } from "~/models/import.server";
import { importAction, type ImportReply } from "~/services/import-action.server";
import { mailInvite } from "~/services/invite-mail.server";
import { saved } from "~/services/organizer-actions.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "importJudges", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  return { slug: event.slug, maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  return importAction(request, "judges", {
    preview: (file) => previewJudgeImport(event.id, file, user, new Date()),
    confirm: (form) => confirmJudgeImport(event.id, form, user, new Date()),
    written: async ({ invites }, t) => {
      for (const invite of invites) await mailInvite(t, invite, { eventName: event.name, role: "JUDGE", inviter: user.name });
      return saved(`/kelola/${event.slug}/tim-panitia`, "judgesImported");
    },
  });
}

export default function ImportJudges() {
  const { t } = useTranslation();
  const { slug, maxBytes, maxRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ImportReply<JudgePreview> | undefined;
  const busy = useNavigation().state === "submitting";
  const base = `/kelola/${slug}/tim-panitia/impor`;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/kelola/${slug}/tim-panitia`} className="btn-link text-sm">
          ← {t("organizer.staff.title")}
        </Link>
      </p>
      <PageIntro title={t("import.judges.title")} intro={t("import.judges.intro")} />
      <TemplateCard kind="judges" base={base} pools={false} />
      <UploadForm maxBytes={maxBytes} maxRows={maxRows} error={actionData?.error} busy={busy} />
      {actionData?.preview ? <JudgePreviewView preview={actionData.preview} changed={Boolean(actionData.changed)} busy={busy} /> : null}
    </div>
  );
}
