import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { itemErrors, PageIntro, PlainField, SavedNotice } from "~/components/event-forms";
import { ListEditor } from "~/components/list-editor";
import { CheckboxField, FieldErrors, FormAlert, SelectField, serverFormErrors, TextareaField, TextField, useZodForm } from "~/components/forms";
import { useFormatInEvent } from "~/components/team-ui";
import { UPLOAD_KINDS } from "~/domain/filetype";
import { RETENTION_DAYS, retentionEndsAt } from "~/domain/privacy";
import { normalizeWhatsApp } from "~/domain/links";
import { EVENT_TIME_ZONES, zoneAbbreviation } from "~/domain/time";
import { addFaq, deleteFaq, listFaqs, moveFaq, removeBanner, setBanner, updateFaq, updateSettings } from "~/models/event-setup.server";
import { checkUpload } from "~/services/filetype.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { badRequest, fieldError, idOf, intentOf, saved } from "~/services/organizer-actions.server";
import { faqSchema, settingsSchema } from "~/validation/event";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const faqs = await listFaqs(event.id);
  return {
    event: {
      slug: event.slug,
      name: event.name,
      summary: event.summary,
      description: event.description,
      rules: event.rules,
      timezone: event.timezone,
      contactEmail: event.contactEmail ?? "",
      contactWhatsapp: event.contactWhatsapp ?? "",
      signatoryName: event.signatoryName,
      signatoryTitle: event.signatoryTitle,
      privacyNotice: event.privacyNotice,
      contactRetentionDays: event.contactRetentionDays,
      isPublic: event.isPublic,
      bannerUrl: event.bannerKey ? `/acara/${event.slug}/banner?v=${event.bannerKey.slice(-8)}` : null,
    },
    faqs: faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer })),
    retention: { endsAt: retentionEndsAt(event.announcementAt, event.contactRetentionDays), erasedAt: event.contactsErasedAt },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const path = `/kelola/${event.slug}/pengaturan`;
  const id = idOf(formData);

  if (intent === "settings") {
    const submission = parseKnownFields(formData, settingsSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission));
    const v = submission.value;
    const result = await updateSettings(event.id, { ...v, contactEmail: v.contactEmail ?? null, contactWhatsapp: v.contactWhatsapp ? normalizeWhatsApp(v.contactWhatsapp) : null }, user);
    if (!result.ok) return badRequest(intent, reply(submission, { fieldErrors: { slug: ["event.errors.slugTaken"] } }));
    return saved(`/kelola/${v.slug}/pengaturan`, "settings");
  }
  if (intent === "banner") {
    const file = formData.get("banner");
    if (!(file instanceof File) || file.size === 0) return fieldError(intent, "banner", "validation.required");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = await checkUpload({ bytes, declaredName: file.name, declaredMime: file.type, ...UPLOAD_KINDS.image });
    if (!checked.ok) return fieldError(intent, "banner", `event.errors.upload.${checked.code}`);
    await setBanner(event.id, bytes, user);
    return saved(path, "banner");
  }
  if (intent === "banner-remove") {
    await removeBanner(event.id, user);
    return saved(path, "banner");
  }
  if (intent === "faq-add" || intent === "faq-update") {
    const submission = parseKnownFields(formData, faqSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission), id);
    const input = { question: submission.value.question, answer: submission.value.answer };
    if (intent === "faq-add") await addFaq(event.id, input, user);
    else if (!id || !(await updateFaq(event.id, id, input, user))) throw notFound();
    return saved(path, "faq");
  }
  if (intent === "faq-delete" && id) {
    if (!(await deleteFaq(event.id, id, user))) throw notFound();
    return saved(path, "faq");
  }
  if ((intent === "faq-up" || intent === "faq-down") && id) {
    if (!(await moveFaq(event.id, id, intent === "faq-up" ? "up" : "down", user))) throw notFound();
    return saved(path, "faq");
  }
  return fieldError(intent, "", "validation.invalid");
}

type ActionData = { intent: string; id: string | null; result: { error?: Record<string, string[] | null> } };

export default function EventSettings() {
  const { t } = useTranslation();
  const { event, faqs, retention } = useLoaderData<typeof loader>();
  const formatInEvent = useFormatInEvent(event.timezone);
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(settingsSchema, {
    id: "settings",
    lastResult: actionData?.intent === "settings" ? (actionData.result as never) : undefined,
    defaultValue: event,
  });
  const bannerErrors = itemErrors(actionData, "banner", null)?.banner ?? undefined;
  return (
    <div className="space-y-6">
      <PageIntro title={t("event.settings.title")} intro={t("event.settings.intro")} />
      <SavedNotice hidden={Boolean(actionData)} />
      <Form method="post" {...getFormProps(form)} className="card space-y-3">
        <input type="hidden" name="intent" value="settings" />
        <FormAlert errors={actionData?.intent === "settings" ? serverFormErrors(actionData.result) : undefined} />
        <TextField label={t("event.settings.name")} field={fields.name} />
        <TextField label={t("event.settings.slug")} hint={t("event.settings.slugHint")} field={fields.slug} autoComplete="off" />
        <TextareaField label={t("event.settings.summary")} hint={t("event.settings.summaryHint")} field={fields.summary} rows={2} />
        <TextareaField label={t("event.settings.description")} hint={t("event.settings.markdownHint")} field={fields.description} rows={8} />
        <TextareaField label={t("event.settings.rules")} hint={t("event.settings.markdownHint")} field={fields.rules} rows={6} />
        <SelectField
          label={t("event.settings.timezone")}
          hint={t("event.settings.timezoneHint")}
          field={fields.timezone}
          options={EVENT_TIME_ZONES.map((z) => ({ value: z, label: `${zoneAbbreviation(z)} — ${t(`event.zones.${zoneAbbreviation(z)}`)}` }))}
        />
        <TextField label={`${t("event.settings.contactEmail")} (${t("common.optional")})`} field={fields.contactEmail} type="email" inputMode="email" />
        <TextField label={`${t("event.settings.contactWhatsapp")} (${t("common.optional")})`} hint={t("auth.whatsappHint")} field={fields.contactWhatsapp} type="tel" inputMode="tel" />
        <TextField label={`${t("event.settings.signatoryName")} (${t("common.optional")})`} hint={t("event.settings.signatoryNameHint")} field={fields.signatoryName} />
        <TextField label={t("event.settings.signatoryTitle")} field={fields.signatoryTitle} />
        <TextareaField label={`${t("privacy.eventNotice.settingsLabel")} (${t("common.optional")})`} hint={t("privacy.eventNotice.settingsHint")} field={fields.privacyNotice} rows={4} />
        <TextField
          label={t("privacy.retention.settingsLabel")}
          hint={
            retention.erasedAt
              ? t("privacy.retention.erasedHint", { at: formatInEvent(retention.erasedAt) })
              : t("privacy.retention.settingsHint", { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max, at: formatInEvent(retention.endsAt) })
          }
          field={fields.contactRetentionDays}
          type="number"
          inputMode="numeric"
          min={String(RETENTION_DAYS.min)}
          max={String(RETENTION_DAYS.max)}
          step="1"
        />
        <CheckboxField label={t("event.settings.isPublic")} hint={t("event.settings.isPublicHint")} field={fields.isPublic} />
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("common.save")}
        </button>
      </Form>

      <section className="card space-y-3" aria-labelledby="banner-title">
        <h3 id="banner-title" className="text-lg font-bold">
          {t("event.settings.banner")}
        </h3>
        {event.bannerUrl ? (
          <img src={event.bannerUrl} alt={t("event.settings.bannerCurrent")} className="aspect-[3/1] w-full rounded-lg object-cover" />
        ) : (
          <p className="text-slate-700">{t("event.settings.noBanner")}</p>
        )}
        <Form method="post" encType="multipart/form-data" className="space-y-2">
          <label htmlFor="banner" className="field-label">
            {t("event.settings.bannerUpload")}
          </label>
          <input
            id="banner"
            name="banner"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby="banner-hint banner-error"
            aria-invalid={bannerErrors?.length ? true : undefined}
            className="block w-full text-sm"
          />
          <p id="banner-hint" className="field-hint">
            {t("event.settings.bannerHint")}
          </p>
          <FieldErrors id="banner-error" errors={bannerErrors} />
          <div className="flex flex-wrap gap-2">
            <button type="submit" name="intent" value="banner" className="btn-secondary" disabled={busy}>
              {t("event.settings.bannerSubmit")}
            </button>
            {event.bannerUrl ? (
              <button type="submit" name="intent" value="banner-remove" className="btn-secondary" formEncType="application/x-www-form-urlencoded">
                {t("event.settings.bannerRemove")}
              </button>
            ) : null}
          </div>
        </Form>
      </section>

      <ListEditor
        kind="faq"
        items={faqs}
        actionData={actionData}
        text={{ title: t("event.faq.title"), none: t("event.faq.none"), add: t("event.faq.add"), addSubmit: t("event.faq.addSubmit") }}
        move={{ up: (_f, i) => t("event.faq.moveUp", { n: i + 1 }), down: (_f, i) => t("event.faq.moveDown", { n: i + 1 }) }}
        fields={(f, i, errors) => {
          const key = f?.id ?? "new";
          return (
            <>
              <PlainField id={`faq-q-${key}`} name="question" label={f ? t("event.faq.question", { n: i + 1 }) : t("event.faq.newQuestion")} defaultValue={f?.question} errors={errors?.question} />
              <PlainField id={`faq-a-${key}`} name="answer" label={t("event.faq.answer")} defaultValue={f?.answer} errors={errors?.answer} multiline />
            </>
          );
        }}
      />
    </div>
  );
}
