// Judge import: upload a CSV/XLSX, see every row's verdict, confirm to send the invites. Nothing
// but an audit line of counts is written before the confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro } from "~/components/event-forms";
import { JudgePreviewView, TemplateCard, UploadForm, type PageProblem } from "~/components/import-ui";
import { pageTitle, parentData } from "~/components/page-title";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type JudgePreview, type Preview } from "~/domain/import";
import { requireOrganizer } from "~/models/event-guards.server";
import { confirmJudgeImport, previewJudgeImport } from "~/models/import.server";
import { getT } from "~/services/i18n.server";
import { mailInvite } from "~/services/invite-mail.server";
import { intentOf, saved } from "~/services/organizer-actions.server";
import { fileField } from "~/services/upload.server";
import { safeParseKnownFields } from "~/services/forms.server";
import { importConfirmSchema } from "~/validation/import";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "importJudges", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  return { slug: event.slug, maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS };
}

type ActionData = { intent: string; problem?: PageProblem; preview?: Preview<JudgePreview>; changed?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  if (intent === "confirm") {
    const form = safeParseKnownFields(formData, importConfirmSchema);
    if (!form.success) return data<ActionData>({ intent, problem: { code: "damaged" } }, { status: 400 });
    const outcome = await confirmJudgeImport(event.id, form.data, user, new Date());
    if (!outcome.ok) {
      if (outcome.reason === "damaged") return data<ActionData>({ intent, problem: { code: "damaged" } }, { status: 400 });
      return data<ActionData>({ intent, preview: outcome.preview, changed: true }, { status: 409 });
    }
    const t = await getT(request);
    for (const invite of outcome.written.invites) await mailInvite(t, invite, { eventName: event.name, role: "JUDGE", inviter: user.name });
    return saved(`/kelola/${event.slug}/tim-panitia`, "judgesImported");
  }
  const file = await fileField(formData, "file");
  if (intent !== "preview" || !file) return data<ActionData>({ intent: "preview", problem: { code: "noFile" } }, { status: 400 });
  const outcome = await previewJudgeImport(event.id, file, user, new Date());
  if (!outcome.ok) return data<ActionData>({ intent, problem: outcome.problem }, { status: 400 });
  return data<ActionData>({ intent, preview: outcome.preview });
}

export default function ImportJudges() {
  const { t } = useTranslation();
  const { slug, maxBytes, maxRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
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
      <UploadForm kind="judges" maxBytes={maxBytes} maxRows={maxRows} problem={actionData?.problem} busy={busy} />
      {actionData?.preview ? <JudgePreviewView preview={actionData.preview} changed={Boolean(actionData.changed)} busy={busy} /> : null}
    </div>
  );
}
