import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageIntro, PlainField, SavedNotice } from "~/components/event-forms";
import { ListEditor } from "~/components/list-editor";
import { CheckboxField, FieldErrors, FormAlert, SelectField, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { RANKING_METHODS } from "~/domain/ranking";
import { addTrack, deleteTrack, getStructure, moveTrack, saveJudgingSettings, saveTeamRules, updateTrack, type ItemResult } from "~/models/structure.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { badRequest, fieldError, idOf, intentOf, saved } from "~/services/organizer-actions.server";
import { judgingSettingsSchema, teamRulesSchema, trackSchema } from "~/validation/structure";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const s = await getStructure(event.id);
  return {
    version: String(event.updatedAt.getTime()),
    tracks: s.tracks.map((tr) => ({ id: tr.id, name: tr.name, description: tr.description, teams: tr._count.teams })),
    teamRules: { minTeamSize: s.minTeamSize, maxTeamSize: s.maxTeamSize, pools: s.pools.map((p) => ({ key: p.key, label: p.label, quota: p.quota })) },
    judging: {
      blindJudging: s.blindJudging,
      conflictSameRegion: s.conflictSameRegion,
      conflictSameKim: s.conflictSameKim,
      conflictSameInstitution: s.conflictSameInstitution,
      requireProposal: s.requireProposal,
      requireVideo: s.requireVideo,
      galleryPublished: s.galleryPublished,
      rankingMethod: s.rankingMethod,
    },
  };
}

function itemReply(intent: string, id: string | null, result: ItemResult, ok: () => Response) {
  if (result.ok) return ok();
  if (result.code === "notFound") throw notFound();
  return fieldError(intent, "name", `structure.errors.${result.code}`, id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const id = idOf(formData);
  const done = () => saved(`/kelola/${event.slug}/struktur`, intent.startsWith("track") ? "tracks" : intent);

  if (intent === "track-add" || intent === "track-update") {
    const submission = parseKnownFields(formData, trackSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission), id);
    const input = { name: submission.value.name, description: submission.value.description };
    if (intent === "track-add") return itemReply(intent, id, await addTrack(event.id, input, user), done);
    if (!id) throw notFound();
    return itemReply(intent, id, await updateTrack(event.id, id, input, user), done);
  }
  if (intent === "track-delete" && id) return itemReply(intent, id, await deleteTrack(event.id, id, user), done);
  if ((intent === "track-up" || intent === "track-down") && id) {
    return itemReply(intent, id, await moveTrack(event.id, id, intent === "track-up" ? "up" : "down", user), done);
  }
  if (intent === "teamRules") {
    const submission = parseKnownFields(formData, teamRulesSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission), null, submission.status === "error" ? 400 : 200);
    await saveTeamRules(event.id, submission.value, user);
    return done();
  }
  if (intent === "judging") {
    const submission = parseKnownFields(formData, judgingSettingsSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission));
    await saveJudgingSettings(event.id, submission.value, user);
    return done();
  }
  return fieldError(intent, "", "validation.invalid");
}

type ActionData = { intent: string; id: string | null; result: { error?: Record<string, string[] | null> } };
type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function StructureGeneral() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <div className="space-y-6">
      <PageIntro title={t("structure.pages.general")} intro={t("structure.generalIntro")} />
      <SavedNotice hidden={Boolean(actionData)} />
      <Tracks tracks={data.tracks} actionData={actionData} />
      <TeamRules key={`rules-${data.version}`} defaults={data.teamRules} actionData={actionData} />
      <JudgingSettings key={`judging-${data.version}`} defaults={data.judging} actionData={actionData} />
    </div>
  );
}

function Tracks({ tracks, actionData }: { tracks: LoaderData["tracks"]; actionData?: ActionData }) {
  const { t } = useTranslation();
  return (
    <ListEditor
      kind="track"
      items={tracks}
      actionData={actionData}
      text={{ title: t("structure.tracks.title"), none: t("structure.tracks.none"), add: t("structure.tracks.add"), addSubmit: t("structure.tracks.addSubmit") }}
      move={{ up: (tr) => t("structure.moveUp", { name: tr.name }), down: (tr) => t("structure.moveDown", { name: tr.name }) }}
      fields={(tr, i, errors) => {
        const key = tr?.id ?? "new";
        return (
          <>
            <PlainField id={`track-name-${key}`} name="name" label={tr ? t("structure.tracks.name", { n: i + 1 }) : t("structure.tracks.newName")} defaultValue={tr?.name} errors={errors?.name} />
            <PlainField id={`track-desc-${key}`} name="description" label={t("structure.tracks.description")} defaultValue={tr?.description} errors={errors?.description} multiline />
            {tr?.teams ? <p className="text-sm text-slate-700">{t("structure.tracks.teams", { count: tr.teams })}</p> : null}
          </>
        );
      }}
    />
  );
}

function TeamRules({ defaults, actionData }: { defaults: LoaderData["teamRules"]; actionData?: ActionData }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(teamRulesSchema, {
    id: "team-rules",
    lastResult: actionData?.intent === "teamRules" ? (actionData.result as never) : undefined,
    defaultValue: defaults,
  });
  const pools = fields.pools.getFieldList();
  return (
    <section className="card" aria-labelledby="rules-title">
      <h3 id="rules-title" className="text-lg font-bold">
        {t("structure.team.title")}
      </h3>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="teamRules" />
        <FormAlert errors={actionData?.intent === "teamRules" ? serverFormErrors(actionData.result) : undefined} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label={t("structure.team.min")} field={fields.minTeamSize} type="number" inputMode="numeric" min="1" max="50" />
          <TextField label={t("structure.team.max")} field={fields.maxTeamSize} type="number" inputMode="numeric" min="1" max="50" />
        </div>
        <h4 className="font-bold">{t("structure.team.pools")}</h4>
        <p className="text-sm text-slate-700">{t("structure.team.poolsHint")}</p>
        <FieldErrors id={fields.pools.errorId} errors={fields.pools.errors} />
        <ol className="space-y-3">
          {pools.map((pool, index) => {
            const p = pool.getFieldset();
            return (
              <li key={pool.key} className="rounded-lg border border-slate-200 p-3">
                <div className="grid gap-2 sm:grid-cols-3">
                  <TextField label={t("structure.team.poolKey")} field={p.key} autoComplete="off" />
                  <TextField label={t("structure.team.poolLabel")} field={p.label} />
                  <TextField label={t("structure.team.poolQuota")} field={p.quota} type="number" inputMode="numeric" min="1" />
                </div>
                <button {...form.remove.getButtonProps({ name: fields.pools.name, index })} className="btn-secondary text-sm text-red-800">
                  {t("structure.team.removePool", { n: index + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap gap-2">
          <button {...form.insert.getButtonProps({ name: fields.pools.name, defaultValue: { key: "", label: "", quota: undefined } })} className="btn-secondary">
            {t("structure.team.addPool")}
          </button>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("structure.team.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function JudgingSettings({ defaults, actionData }: { defaults: LoaderData["judging"]; actionData?: ActionData }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(judgingSettingsSchema, {
    id: "judging",
    lastResult: actionData?.intent === "judging" ? (actionData.result as never) : undefined,
    defaultValue: defaults,
  });
  return (
    <section className="card" aria-labelledby="judging-title">
      <h3 id="judging-title" className="text-lg font-bold">
        {t("structure.judging.title")}
      </h3>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="judging" />
        <SelectField
          label={t("structure.judging.rankingMethod")}
          hint={t("structure.judging.rankingHint")}
          field={fields.rankingMethod}
          options={RANKING_METHODS.map((m) => ({ value: m, label: t(`structure.ranking.${m}`) }))}
        />
        <CheckboxField label={t("structure.judging.blind")} hint={t("structure.judging.blindHint")} field={fields.blindJudging} />
        <fieldset className="space-y-1">
          <legend className="font-bold">{t("structure.judging.conflicts")}</legend>
          <CheckboxField label={t("structure.judging.sameRegion")} field={fields.conflictSameRegion} />
          <CheckboxField label={t("structure.judging.sameKim")} field={fields.conflictSameKim} />
          <CheckboxField label={t("structure.judging.sameInstitution")} field={fields.conflictSameInstitution} />
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="font-bold">{t("structure.judging.requirements")}</legend>
          <CheckboxField label={t("structure.judging.requireProposal")} field={fields.requireProposal} />
          <CheckboxField label={t("structure.judging.requireVideo")} field={fields.requireVideo} />
          <CheckboxField label={t("structure.judging.galleryPublished")} hint={t("structure.judging.galleryHint")} field={fields.galleryPublished} />
        </fieldset>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("structure.judging.save")}
        </button>
      </Form>
    </section>
  );
}
