import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDecimal } from "~/domain/number";
import { PageIntro, SavedNotice } from "~/components/event-forms";
import { FieldErrors, FormAlert, serverFormErrors, TextareaField, TextField, useZodForm } from "~/components/forms";
import { listRoundsWithCriteria, saveRubric } from "~/models/rubric.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { badRequest, idOf, saved } from "~/services/organizer-actions.server";
import { rubricSchema } from "~/validation/structure";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const rounds = await listRoundsWithCriteria(event.id);
  return {
    slug: event.slug,
    rounds: rounds.map((r) => ({
      id: r.id,
      name: r.name,
      version: r.criteria.map((c) => c.id).join(","),
      defaults: {
        roundId: r.id,
        judgesPerSubmission: r.judgesPerSubmission,
        criteria: r.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
      },
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, rubricSchema);
  const roundId = idOf(formData, "roundId");
  if (submission.status !== "success") return badRequest("rubric", reply(submission), roundId, submission.status === "error" ? 400 : 200);
  const result = await saveRubric(event.id, submission.value, user);
  if (!result.ok) {
    if (result.code === "notFound") throw notFound();
    return badRequest("rubric", reply(submission, { formErrors: ["structure.errors.criteria.locked"] }), roundId);
  }
  return saved(`/kelola/${event.slug}/struktur/rubrik`, "rubric");
}

type Round = Awaited<ReturnType<typeof loader>>["rounds"][number];
type ActionData = { intent: string; id: string | null; result: unknown };

export default function RubricPage() {
  const { t } = useTranslation();
  const { rounds, slug } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <div className="space-y-6">
      <PageIntro title={t("structure.rubric.title")} intro={t("structure.rubric.intro")} />
      <SavedNotice hidden={Boolean(actionData)} />
      {rounds.length === 0 ? (
        <p className="card">
          {t("structure.rubric.noRounds")}{" "}
          <Link to={`/kelola/${slug}/linimasa`} className="btn-link">
            {t("organizer.tabs.timeline")}
          </Link>
        </p>
      ) : null}
      {rounds.map((r) => (
        <RubricForm key={`${r.id}-${r.version}`} round={r} lastResult={actionData?.id === r.id ? actionData.result : undefined} />
      ))}
    </div>
  );
}

function RubricForm({ round, lastResult }: { round: Round; lastResult: unknown }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(rubricSchema, {
    id: `rubric-${round.id}`,
    lastResult: lastResult as never,
    defaultValue: round.defaults,
  });
  const criteria = fields.criteria.getFieldList();
  const total = criteria.reduce((sum, c) => sum + (Number(c.getFieldset().weight.value) || 0), 0);
  const totalOk = Math.abs(total - 100) < 1e-9;
  return (
    <section className="card" aria-labelledby={`round-${round.id}`}>
      <h3 id={`round-${round.id}`} className="text-lg font-bold">
        {t("structure.rubric.round", { name: round.name })}
      </h3>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input {...getInputProps(fields.roundId, { type: "hidden" })} key={fields.roundId.key} />
        <FormAlert errors={serverFormErrors(lastResult as never)} />
        <TextField label={t("structure.rubric.judgesPerSubmission")} hint={t("structure.rubric.judgesHint")} field={fields.judgesPerSubmission} type="number" inputMode="numeric" min="1" max="20" />
        <ol className="space-y-3">
          {criteria.map((criterion, index) => {
            const c = criterion.getFieldset();
            return (
              <li key={criterion.key} className="rounded-lg border border-slate-200 p-3">
                <input {...getInputProps(c.id, { type: "hidden" })} key={c.id.key} />
                <TextField label={t("structure.rubric.name", { n: index + 1 })} field={c.name} />
                <TextareaField label={`${t("structure.rubric.description")} (${t("common.optional")})`} field={c.description} rows={2} />
                <div className="grid grid-cols-3 gap-2">
                  <TextField label={t("structure.rubric.weight")} field={c.weight} type="number" inputMode="decimal" min="0" max="100" step="any" />
                  <TextField label={t("structure.rubric.scaleMin")} field={c.scaleMin} type="number" inputMode="numeric" />
                  <TextField label={t("structure.rubric.scaleMax")} field={c.scaleMax} type="number" inputMode="numeric" />
                </div>
                <div className="flex flex-wrap gap-2">
                  <button
                    {...form.reorder.getButtonProps({ name: fields.criteria.name, from: index, to: index - 1 })}
                    className="btn-secondary"
                    disabled={index === 0}
                    aria-label={t("structure.rubric.moveUp", { n: index + 1 })}
                  >
                    ↑
                  </button>
                  <button
                    {...form.reorder.getButtonProps({ name: fields.criteria.name, from: index, to: index + 1 })}
                    className="btn-secondary"
                    disabled={index === criteria.length - 1}
                    aria-label={t("structure.rubric.moveDown", { n: index + 1 })}
                  >
                    ↓
                  </button>
                  <button {...form.remove.getButtonProps({ name: fields.criteria.name, index })} className="btn-secondary text-red-800">
                    {t("structure.rubric.remove", { n: index + 1 })}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <p className={`font-semibold ${totalOk ? "text-green-800" : "text-amber-800"}`} aria-live="polite">
          {t("structure.rubric.total", { total: formatDecimal(total, i18n.language) })}
        </p>
        <FieldErrors id={fields.criteria.errorId} errors={fields.criteria.errors} />
        <div className="flex flex-wrap gap-2">
          <button {...form.insert.getButtonProps({ name: fields.criteria.name, defaultValue: { name: "", description: "", weight: undefined, scaleMin: 1, scaleMax: 10 } })} className="btn-secondary">
            {t("structure.rubric.add")}
          </button>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("structure.rubric.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
