import { useMemo } from "react";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro, PlainField, SavedNotice } from "~/components/event-forms";
import { ListEditor } from "~/components/list-editor";
import { CheckboxField, FieldErrors, FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { eventZone, utcToZonedLocal, zonedLocalToUtc, zoneAbbreviation, type EventTimeZone } from "~/domain/time";
import { addAward, deleteAward, listAwards, savePeoplesChoice, updateAward } from "~/models/rubric.server";
import type { ItemResult } from "~/models/structure.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getT } from "~/services/i18n.server";
import { badRequest, fieldError, idOf, intentOf, saved } from "~/services/organizer-actions.server";
import { AWARD_KINDS, awardSchema, peoplesChoiceSchema } from "~/validation/structure";

const zoneOf = (tz: string): EventTimeZone => eventZone(tz);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const tz = zoneOf(event.timezone);
  const awards = await listAwards(event.id);
  return {
    tz,
    version: String(event.updatedAt.getTime()),
    awards: awards.map((a) => ({ id: a.id, name: a.name, kind: a.kind, place: a.place, prize: a.prize, given: a._count.recipients })),
    peoplesChoice: {
      peoplesChoice: event.peoplesChoice,
      votingOpensAt: event.votingOpensAt ? utcToZonedLocal(event.votingOpensAt, tz) : "",
      votingClosesAt: event.votingClosesAt ? utcToZonedLocal(event.votingClosesAt, tz) : "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const id = idOf(formData);
  const done = () => saved(`/kelola/${event.slug}/struktur/penghargaan`, intent === "peoplesChoice" ? "peoplesChoice" : "awards");
  const answer = (result: ItemResult) => {
    if (result.ok) return done();
    if (result.code === "notFound") throw notFound();
    return fieldError(intent, "name", "structure.errors.award.inUse", id);
  };
  if (intent === "award-add" || intent === "award-update") {
    const submission = parseKnownFields(formData, awardSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission), id);
    if (intent === "award-add") return answer(await addAward(event.id, submission.value, user));
    if (!id) throw notFound();
    return answer(await updateAward(event.id, id, submission.value, user));
  }
  if (intent === "award-delete" && id) return answer(await deleteAward(event.id, id, user));
  if (intent === "peoplesChoice") {
    const tz = zoneOf(event.timezone);
    const submission = parseKnownFields(formData, peoplesChoiceSchema(tz));
    if (submission.status !== "success") return badRequest(intent, reply(submission));
    const v = submission.value;
    const at = (s?: string) => (s ? zonedLocalToUtc(s, tz) : null);
    const t = await getT(request);
    await savePeoplesChoice(event.id, { peoplesChoice: v.peoplesChoice, votingOpensAt: at(v.votingOpensAt), votingClosesAt: at(v.votingClosesAt) }, t("structure.awards.peoplesChoiceName"), user);
    return done();
  }
  return fieldError(intent, "", "validation.invalid");
}

type ActionData = { intent: string; id: string | null; result: { error?: Record<string, string[] | null> } };
type Award = Awaited<ReturnType<typeof loader>>["awards"][number];

function AwardFields({ prefix, award, errors }: { prefix: string; award?: Award; errors: Record<string, string[] | null> | null }) {
  const { t } = useTranslation();
  const kindId = `${prefix}-kind`;
  return (
    <div className="space-y-2">
      <PlainField id={`${prefix}-name`} name="name" label={t("structure.awards.name")} defaultValue={award?.name} errors={errors?.name} />
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={kindId} className="field-label">
            {t("structure.awards.kind")}
          </label>
          <select id={kindId} name="kind" defaultValue={award?.kind ?? "PLACE"} className="field-input">
            {AWARD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`structure.awards.kinds.${k}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${kindId}-error`} errors={errors?.kind ?? undefined} />
        </div>
        <PlainField
          id={`${prefix}-place`}
          name="place"
          type="number"
          inputMode="numeric"
          label={`${t("structure.awards.place")} (${t("common.optional")})`}
          defaultValue={award?.place}
          errors={errors?.place}
        />
      </div>
      <PlainField id={`${prefix}-prize`} name="prize" label={`${t("structure.awards.prize")} (${t("common.optional")})`} defaultValue={award?.prize} errors={errors?.prize} />
    </div>
  );
}

export default function AwardsPage() {
  const { t } = useTranslation();
  const { awards, peoplesChoice, tz, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <div className="space-y-6">
      <PageIntro title={t("structure.awards.title")} intro={t("structure.awards.intro")} />
      <SavedNotice hidden={Boolean(actionData)} />
      <ListEditor
        kind="award"
        items={awards}
        actionData={actionData}
        text={{ title: t("structure.awards.list"), none: t("structure.awards.none"), add: t("structure.awards.add"), addSubmit: t("structure.awards.addSubmit") }}
        fields={(a, _i, errors) => <AwardFields prefix={a ? `award-${a.id}` : "award-new"} award={a ?? undefined} errors={errors} />}
      />
      <PeoplesChoice key={version} defaults={peoplesChoice} tz={tz} actionData={actionData} />
    </div>
  );
}

function PeoplesChoice({ defaults, tz, actionData }: { defaults: Awaited<ReturnType<typeof loader>>["peoplesChoice"]; tz: EventTimeZone; actionData?: ActionData }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  // One schema per zone, so the form's validation builds its coercion once (see parse-form.ts).
  const schema = useMemo(() => peoplesChoiceSchema(tz), [tz]);
  const [form, fields] = useZodForm(schema, {
    id: "peoples-choice",
    lastResult: actionData?.intent === "peoplesChoice" ? (actionData.result as never) : undefined,
    defaultValue: defaults,
  });
  const zone = zoneAbbreviation(tz);
  return (
    <section className="card" aria-labelledby="pc-title">
      <h3 id="pc-title" className="text-lg font-bold">
        {t("structure.awards.peoplesChoice")}
      </h3>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="peoplesChoice" />
        <FormAlert errors={actionData?.intent === "peoplesChoice" ? serverFormErrors(actionData.result) : undefined} />
        <CheckboxField label={t("structure.awards.peoplesChoiceOn")} hint={t("structure.awards.peoplesChoiceHint")} field={fields.peoplesChoice} />
        <TextField label={`${t("structure.awards.votingOpensAt")} (${zone})`} field={fields.votingOpensAt} type="datetime-local" />
        <TextField label={`${t("structure.awards.votingClosesAt")} (${zone})`} field={fields.votingClosesAt} type="datetime-local" />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("common.save")}
        </button>
      </Form>
    </section>
  );
}
