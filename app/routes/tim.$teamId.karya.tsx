import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert, serverFormErrors, TextField, useErrorText, useZodForm } from "~/components/forms";
import { Countdown } from "~/components/countdown";
import { RevisionHistory } from "~/components/submission";
import { StatusBadge } from "~/components/status-badge";
import { UPLOAD_KINDS } from "~/domain/filetype";
import { effectiveClose } from "~/domain/phase";
import { MAX_ATTACHMENTS } from "~/domain/submission";
import { formatDecimal } from "~/domain/number";
import { eventZone, formatInZone, type DisplayLocale } from "~/domain/time";
import { addAttachment, removeAttachment, removeCover, setCover, type FileResult } from "~/models/submission-files.server";
import { getTeamForMember, isWriteDenied, listRevisions, revisionViews, saveSubmission, submissionExtensions, writeDenied, type SaveFailure, type WriteDenied } from "~/models/submission.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { notFound } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { renderMarkdown } from "~/services/markdown.server";
import { requireUser } from "~/services/session.server";
import { fileField, readForm } from "~/services/upload.server";
import { DESCRIPTION_MAX, submissionSchema, TAGLINE_MAX, TITLE_MAX } from "~/validation/submission";
import { pageTitle } from "~/components/page-title";
import { msg, type MessageParams, failureErrors } from "~/validation/message";
import { Breadcrumbs } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "teamSubmission") }];

const MIB = 1024 * 1024;
const FILE_INPUT =
  "block w-full text-sm text-slate-800 file:mr-3 file:min-h-[44px] file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:font-semibold file:text-slate-800 hover:file:bg-slate-100";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const user = await requireUser(request);
  const team = await getTeamForMember(params.teamId ?? "", user.id);
  if (!team) throw notFound();
  const lang = await getLanguage(request);
  const tz = eventZone(team.event.timezone);
  const at = (d: Date) => formatInZone(d, tz, lang);
  const denied = writeDenied(team, now);
  const closesAt = effectiveClose(team.event.submissionClosesAt, "submission", submissionExtensions(team));
  const s = team.submission;
  const trackNames = new Map(team.event.tracks.map((tr) => [tr.id, tr.name]));
  const revisions = s ? revisionViews(await listRevisions(s.id), trackNames, at) : [];
  return {
    now: now.toISOString(),
    closesAt: closesAt.toISOString(),
    closesAtLabel: at(closesAt),
    extended: closesAt.getTime() !== team.event.submissionClosesAt.getTime(),
    denied: denied ? deniedMessage(denied, tz, lang) : null,
    deniedCode: denied?.code ?? null,
    team: { id: team.id, name: team.name, eventName: team.event.name, eventSlug: team.event.slug },
    tracks: team.event.tracks.map((tr) => ({ id: tr.id, name: tr.name })),
    requireVideo: team.event.requireVideo,
    submission: s
      ? {
          id: s.id,
          status: s.status,
          title: s.title,
          tagline: s.tagline,
          description: s.description,
          trackId: s.trackId ?? "",
          repoUrl: s.repoUrl ?? "",
          demoUrl: s.demoUrl ?? "",
          videoUrl: s.videoUrl ?? "",
          submittedAtLabel: s.submittedAt ? at(s.submittedAt) : null,
          updatedAtLabel: at(s.updatedAt),
          coverUrl: s.coverKey ? `/berkas/sampul/${s.id}?v=${s.updatedAt.getTime()}` : null,
          attachments: s.attachments.map((a) => ({ id: a.id, filename: a.filename, kind: a.kind, size: a.size })),
          descriptionHtml: renderMarkdown(s.description),
        }
      : null,
    revisions,
  };
}

/** Why the team may not write now, with the deadline in the event's zone and the reader's language. */
function deniedMessage(denied: WriteDenied, tz: string, lang: DisplayLocale): string {
  const at = denied.params?.at;
  return msg(`submission.errors.${denied.code}`, at === undefined ? undefined : { at: formatInZone(new Date(at), eventZone(tz), lang) });
}

/** Conform's errors for a refused save: each refused field under its own key, else one form error. */
function saveErrors(failure: SaveFailure): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const { fieldErrors, formErrors = [] } = failureErrors(failure, (code) => `submission.errors.${code}`);
  return fieldErrors ? { formErrors: ["common.errorsInForm"], fieldErrors } : { formErrors, fieldErrors: {} };
}

type FileTarget = "cover" | "attach";

const fileRefusal = (target: FileTarget, code: string, params?: MessageParams) => ({ fileError: { target, message: msg(`submission.errors.file.${code}`, params) } });

function fileReply(result: FileResult, target: FileTarget, tz: string, lang: DisplayLocale, teamId: string) {
  if (result.ok) return redirect(`/tim/${teamId}/karya?berkas=${target}#berkas`);
  if (result.code === "notFound") throw notFound();
  if (isWriteDenied(result)) return data({ fileError: { target, message: deniedMessage(result, tz, lang) } }, { status: 403 });
  return data(fileRefusal(target, result.code, result.params), { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The deadline is judged at the moment the request arrives, before a slow upload is read.
  const now = new Date();
  const user = await requireUser(request);
  const teamId = params.teamId ?? "";
  const team = await getTeamForMember(teamId, user.id);
  if (!team) throw notFound();
  const lang = await getLanguage(request);
  const tz = team.event.timezone;

  const upload = new URL(request.url).searchParams.get("unggah");
  const target: FileTarget = upload === "sampul" ? "cover" : "attach";
  const policy = target === "cover" ? UPLOAD_KINDS.image : UPLOAD_KINDS.attachments;
  const parsed = await readForm(request, policy.maxBytes);
  if (!parsed.ok) {
    if (parsed.code === "tooLarge") return data(fileRefusal(target, "tooLarge", { max: `${policy.maxBytes / MIB} MB` }), { status: 400 });
    return data({ fileError: { target, message: "validation.invalid" } }, { status: 400 });
  }
  const formData = parsed.formData;
  const intent = formData.get("intent");
  const args = { teamId, userId: user.id, now };

  if (intent === "cover" || intent === "attach") {
    const file = await fileField(formData, "file");
    if (!file) return data(fileRefusal(intent, "missing"), { status: 400 });
    const result = intent === "cover" ? await setCover({ ...args, file }) : await addAttachment({ ...args, file });
    return fileReply(result, intent, tz, lang, teamId);
  }
  if (intent === "removeCover") return fileReply(await removeCover(args), "cover", tz, lang, teamId);
  if (intent === "removeAttachment") {
    return fileReply(await removeAttachment({ ...args, attachmentId: String(formData.get("attachmentId") ?? "") }), "attach", tz, lang, teamId);
  }

  const submission = parseKnownFields(formData, submissionSchema);
  if (submission.status !== "success") return data({ result: reply(submission) }, { status: 400 });
  const { intent: mode, confirm, ...input } = submission.value;
  if (mode === "submit" && confirm !== "on") {
    return data({ result: reply(submission, { fieldErrors: { confirm: ["submission.errors.confirm"] } }) }, { status: 400 });
  }
  const result = await saveSubmission({ ...args, team, mode: mode === "save" ? "draft" : mode, input });
  if (!result.ok) {
    if (result.code === "notFound") throw notFound();
    if (isWriteDenied(result)) return data({ result: reply(submission, { formErrors: [deniedMessage(result, tz, lang)] }) }, { status: 403 });
    return data({ result: reply(submission, saveErrors(result)) }, { status: 400 });
  }
  if (mode === "autosave") return { autosavedAt: formatInZone(result.savedAt, eventZone(tz), lang, "time") };
  const done = mode === "submit" ? "terkirim" : result.status === "SUBMITTED" ? "direvisi" : "tersimpan";
  return redirect(`/tim/${teamId}/karya?${done}=1`);
}

// An autosave changes nothing the page shows; reloading the data would only cost a query.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => (formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate);

const AUTOSAVE_DELAY_MS = 1500;

function useAutosave(enabled: boolean) {
  const fetcher = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    // Ticking the confirmation is the step before submitting, not an edit: an autosave queued by
    // it would land after the submit, be refused, and report a draft problem that does not exist.
    if (!enabled || (event.target as HTMLInputElement).name === "confirm") return;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const fd = new FormData(form);
      fd.set("intent", "autosave");
      fd.delete("confirm");
      fetcher.submit(fd, { method: "post" });
    }, AUTOSAVE_DELAY_MS);
  };
  // A save or submit carries everything an autosave would.
  const onSubmit = () => window.clearTimeout(timer.current);
  const body = fetcher.data as { autosavedAt?: string; result?: unknown } | undefined;
  const state = !enabled ? "idle" : fetcher.state !== "idle" ? "saving" : body?.autosavedAt ? "saved" : body?.result ? "failed" : "idle";
  return { formRef, onInput, onSubmit, state, savedAt: body?.autosavedAt ?? null } as const;
}

function fileSize(bytes: number, lang: string) {
  const mb = bytes / MIB;
  return mb >= 0.1 ? `${formatDecimal(mb, lang, 1)} MB` : `${formatDecimal(Math.max(1, Math.round(bytes / 1024)), lang, 1)} KB`;
}

export default function SubmissionPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errorText = useErrorText();
  const busy = useNavigation().state === "submitting";
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const fileError = actionData && "fileError" in actionData ? actionData.fileError : undefined;
  const s = d.submission;
  const submitted = s?.status === "SUBMITTED";
  const locked = d.denied !== null;
  const { formRef: autosaveFormRef, ...autosave } = useAutosave(!locked && !submitted);
  const [form, fields] = useZodForm(submissionSchema, {
    lastResult,
    defaultValue: {
      title: s?.title ?? "",
      tagline: s?.tagline ?? "",
      description: s?.description ?? "",
      trackId: s?.trackId ?? "",
      repoUrl: s?.repoUrl ?? "",
      demoUrl: s?.demoUrl ?? "",
      videoUrl: s?.videoUrl ?? "",
    },
  });
  const formProps = getFormProps(form);
  const notice = params.has("terkirim") ? "submitted" : params.has("direvisi") ? "revised" : params.has("tersimpan") ? "saved" : params.has("berkas") ? "files" : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Breadcrumbs
        trail={[
          { to: `/acara/${d.team.eventSlug}`, label: d.team.eventName },
          { to: `/tim/${d.team.id}`, label: d.team.name },
        ]}
      />
      <div className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("submission.form.title")}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <StatusBadge status={s?.status ?? "NONE"} />
          {s?.submittedAtLabel ? <span>{t("submission.form.submittedAt", { at: s.submittedAtLabel })}</span> : null}
        </div>
      </div>

      {notice ? <FormAlert tone="success" errors={[`submission.notice.${notice}`]} /> : null}

      <Card id="tenggat" title={t("submission.form.deadline")} className="space-y-2">
        <p className="text-slate-800">
          {d.closesAtLabel}
          {d.extended ? <span className="badge ml-2 bg-purple-100 text-purple-900">{t("submission.form.extended")}</span> : null}
        </p>
        {locked ? (
          <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm font-semibold text-red-800">
            {errorText(d.denied ?? "")}
          </div>
        ) : (
          <Countdown look="line" serverNowMs={Date.parse(d.now)} targetMs={Date.parse(d.closesAt)} />
        )}
      </Card>

      <Form
        method="post"
        {...formProps}
        ref={autosaveFormRef}
        onInput={autosave.onInput}
        onSubmit={(event) => {
          autosave.onSubmit();
          formProps.onSubmit(event);
        }}
        className="card space-y-1"
        aria-labelledby="data-karya"
      >
        <h2 id="data-karya" className="mb-3 text-lg font-bold">
          {t("submission.form.project")}
        </h2>
        <FormAlert errors={serverFormErrors(lastResult)} />
        <fieldset disabled={locked} className="space-y-1">
          <legend className="sr-only">{t("submission.form.project")}</legend>
          <TextField label={t("submission.fields.title")} hint={t("submission.form.maxChars", { max: TITLE_MAX })} field={fields.title} />
          <TextField label={t("submission.fields.tagline")} hint={t("submission.form.maxChars", { max: TAGLINE_MAX })} field={fields.tagline} />
          <div>
            <label htmlFor={fields.description.id} className="field-label">
              {t("submission.fields.description")}
            </label>
            <textarea
              {...getTextareaProps(fields.description, { ariaAttributes: true })}
              key={fields.description.key}
              aria-describedby={[fields.description.errorId, `${fields.description.id}-hint`].join(" ")}
              rows={12}
              maxLength={DESCRIPTION_MAX}
              className="field-input font-mono text-sm"
            />
            <p id={`${fields.description.id}-hint`} className="field-hint">
              {t("submission.form.markdownHint")}
            </p>
            <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
          </div>
          <div>
            <label htmlFor={fields.trackId.id} className="field-label">
              {t("submission.fields.trackId")}
            </label>
            <select {...getSelectProps(fields.trackId, { ariaAttributes: true })} key={fields.trackId.key} className="field-input">
              <option value="">{t("submission.form.chooseTrack")}</option>
              {d.tracks.map((tr) => (
                <option key={tr.id} value={tr.id}>
                  {tr.name}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.trackId.errorId} errors={fields.trackId.errors} />
          </div>
          <TextField label={t("submission.fields.repoUrl")} field={fields.repoUrl} type="url" inputMode="url" placeholder="https://github.com/…" />
          <TextField label={t("submission.fields.demoUrl")} field={fields.demoUrl} type="url" inputMode="url" placeholder="https://…" />
          <TextField
            label={`${t("submission.fields.videoUrl")}${d.requireVideo ? "" : ` (${t("common.optional")})`}`}
            hint={t("submission.form.videoHint")}
            field={fields.videoUrl}
            type="url"
            inputMode="url"
            placeholder="https://youtu.be/…"
          />
          {locked ? null : (
            <>
              <div className="flex flex-wrap items-center gap-3 pt-2">
                <button type="submit" name="intent" value="save" className="btn-secondary" disabled={busy}>
                  {submitted ? t("submission.form.saveChanges") : t("submission.form.saveDraft")}
                </button>
                <p className="text-sm text-slate-700" aria-live="polite">
                  {autosave.state === "saving"
                    ? t("submission.form.autosaving")
                    : autosave.state === "saved"
                      ? t("submission.form.autosaved", { at: autosave.savedAt })
                      : autosave.state === "failed"
                        ? t("submission.form.autosaveFailed")
                        : null}
                </p>
              </div>
              {submitted ? (
                <p className="field-hint">{t("submission.form.revisionHint")}</p>
              ) : (
                <div className="mt-4 space-y-3 rounded-lg border border-brand-200 bg-brand-50 p-4">
                  <h3 className="font-bold">{t("submission.form.submitTitle")}</h3>
                  <p className="text-sm text-slate-800">{t("submission.form.submitIntro")}</p>
                  <div>
                    <label className="flex items-start gap-3 text-sm font-semibold text-slate-900">
                      <input {...getInputProps(fields.confirm, { type: "checkbox", ariaAttributes: true })} key={fields.confirm.key} className="mt-0.5 h-6 w-6 shrink-0 accent-brand-600" />
                      <span>{t("submission.form.confirm")}</span>
                    </label>
                    <FieldErrors id={fields.confirm.errorId} errors={fields.confirm.errors} />
                  </div>
                  <button type="submit" name="intent" value="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
                    {t("submission.form.submit")}
                  </button>
                </div>
              )}
            </>
          )}
        </fieldset>
      </Form>

      <section id="berkas" aria-labelledby="judul-sampul" className="card space-y-3">
        <h2 id="judul-sampul" className="text-lg font-bold">
          {t("submission.files.coverTitle")}
        </h2>
        {s?.coverUrl ? <img src={s.coverUrl} alt={t("submission.files.coverAlt")} className="aspect-video w-full max-w-md rounded-lg border border-slate-200 object-cover" /> : null}
        <FormAlert errors={fileError?.target === "cover" ? [fileError.message] : undefined} />
        {locked ? null : (
          <div className="space-y-3">
            {/* Keyed by what was stored, so a successful upload leaves an empty file picker behind. */}
            <Form key={s?.coverUrl ?? "none"} method="post" encType="multipart/form-data" action="?unggah=sampul" className="space-y-2">
              <input type="hidden" name="intent" value="cover" />
              <label htmlFor="berkas-sampul" className="field-label">
                {t("submission.files.chooseCover")}
              </label>
              <input id="berkas-sampul" type="file" name="file" accept="image/png,image/jpeg,image/webp" required aria-describedby="berkas-sampul-hint" className={FILE_INPUT} />
              <p id="berkas-sampul-hint" className="field-hint">
                {t("submission.files.coverHint", { max: `${UPLOAD_KINDS.image.maxBytes / MIB} MB` })}
              </p>
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t("submission.files.uploadCover")}
              </button>
            </Form>
            {s?.coverUrl ? (
              <Form method="post">
                <input type="hidden" name="intent" value="removeCover" />
                <button type="submit" className="btn-link text-sm">
                  {t("submission.files.removeCover")}
                </button>
              </Form>
            ) : null}
          </div>
        )}
      </section>

      <Card id="judul-lampiran" title={t("submission.files.attachmentsTitle")} className="space-y-3">
        {s?.attachments.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
            {s.attachments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <a href={`/berkas/${a.id}`} className="btn-link break-all" download>
                  {a.filename}
                </a>
                <span className="flex items-center gap-3 text-sm text-slate-700">
                  {a.kind.toUpperCase()} · {fileSize(a.size, i18n.language)}
                  {locked ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="removeAttachment" />
                      <input type="hidden" name="attachmentId" value={a.id} />
                      <button type="submit" className="btn-link text-sm" aria-label={t("submission.files.removeNamed", { name: a.filename })}>
                        {t("common.delete")}
                      </button>
                    </Form>
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("submission.files.noAttachments")}</p>
        )}
        <FormAlert errors={fileError?.target === "attach" ? [fileError.message] : undefined} />
        {locked || (s?.attachments.length ?? 0) >= MAX_ATTACHMENTS ? null : (
          <Form key={s?.attachments.map((a) => a.id).join(",") ?? "none"} method="post" encType="multipart/form-data" action="?unggah=lampiran" className="space-y-2">
            <input type="hidden" name="intent" value="attach" />
            <label htmlFor="berkas-lampiran" className="field-label">
              {t("submission.files.chooseAttachment")}
            </label>
            <input id="berkas-lampiran" type="file" name="file" accept=".pdf,.pptx,.png,.jpg,.jpeg,.webp,.zip" required aria-describedby="berkas-lampiran-hint" className={FILE_INPUT} />
            <p id="berkas-lampiran-hint" className="field-hint">
              {t("submission.files.attachmentHint", { max: `${UPLOAD_KINDS.attachments.maxBytes / MIB} MB`, count: MAX_ATTACHMENTS })}
            </p>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t("submission.files.upload")}
            </button>
          </Form>
        )}
      </Card>

      {s?.descriptionHtml ? (
        <Card id="pratinjau" title={t("submission.form.preview")} className="space-y-3">
          <div className="prose-kim break-words" dangerouslySetInnerHTML={{ __html: s.descriptionHtml }} />
        </Card>
      ) : null}

      <Card id="riwayat" title={t("submission.revision.title")} className="space-y-3">
        <RevisionHistory revisions={d.revisions} />
      </Card>
    </div>
  );
}

export { TeamErrorBoundary as ErrorBoundary } from "~/components/error-panel";
