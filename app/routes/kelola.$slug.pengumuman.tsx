// Organizer announcements: posted on the public pages and emailed to a segment; audited.
import { getFormProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { formatInZone, eventZone } from "~/domain/time";
import { listAnnouncements, postAnnouncement } from "~/models/announcement.server";
import { env } from "~/services/env.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { getLanguage } from "~/services/i18n.server";
import { renderMarkdown } from "~/services/markdown.server";
import { announcementSchema, SEGMENTS } from "~/validation/results";
import { pageTitle, parentData } from "~/components/page-title";
import { msg } from "~/validation/message";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageAnnouncements", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const [items, lang] = await Promise.all([listAnnouncements(event.id, SEGMENTS, 50), getLanguage(request)]);
  const tz = eventZone(event.timezone);
  return {
    event: { slug: event.slug, name: event.name },
    items: items.map((a) => ({ id: a.id, title: a.title, html: renderMarkdown(a.body), segment: a.segment, date: formatInZone(a.createdAt, tz, lang), emailed: !!a.emailedAt })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const submission = parseKnownFields(await request.formData(), announcementSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const appUrl = env().APP_URL.replace(/\/$/, "");
  const { recipients } = await postAnnouncement({
    event,
    authorId: user.id,
    ...submission.value,
    appUrl,
    eventUrl: `${appUrl}/acara/${event.slug}`,
    now: new Date(),
  });
  return redirect(`/kelola/${event.slug}/pengumuman?terkirim=${recipients}`);
}

export default function Announcements() {
  const { t } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(announcementSchema, {
    lastResult,
    defaultValue: { segment: "all" },
  });
  const sent = params.get("terkirim");
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-bold sm:text-2xl">{t("announcement.manageTitle")}</h2>
      {sent !== null ? <FormAlert tone="success" errors={[msg("announcement.sent", { count: Number(sent) || 0 })]} /> : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <TextField label={t("announcement.fieldTitle")} field={fields.title} />
        <div>
          <label htmlFor={fields.body.id} className="field-label">
            {t("announcement.fieldBody")}
          </label>
          <textarea {...getTextareaProps(fields.body)} key={fields.body.key} rows={6} className="field-input" />
          <p className="field-hint">{t("announcement.markdownHint")}</p>
          <FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        <div>
          <label htmlFor={fields.segment.id} className="field-label">
            {t("announcement.fieldSegment")}
          </label>
          <select {...getSelectProps(fields.segment)} key={fields.segment.key} className="field-input">
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`announcement.segment.${s}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.segment.errorId} errors={fields.segment.errors} />
        </div>
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("announcement.submit")}
        </button>
      </Form>
      <Card id="daftar" title={t("announcement.listTitle")} plain className="space-y-3">
        {items.length === 0 ? <p className="text-slate-700">{t("announcement.empty")}</p> : null}
        {items.map((a) => (
          <article key={a.id} className="card">
            <h3 className="text-lg font-bold">{a.title}</h3>
            <p className="text-xs text-slate-600">
              {a.date} · {t(`announcement.segment.${a.segment}`)} {a.emailed ? `· ${t("announcement.emailed")}` : ""}
            </p>
            <div className="prose-kim mt-2" dangerouslySetInnerHTML={{ __html: a.html }} />
          </article>
        ))}
      </Card>
    </div>
  );
}
