// The action of the import pages (judges, teams): the preview of an uploaded file or the
// confirmation of one. A file that cannot be read, a missing file and a damaged confirmation
// answer 400 with one message for the upload form; a confirmation the event no longer matches
// answers 409 with the new preview; a written import goes where `written` sends it. The route
// checks who may import before any of this reads the body.
import { data } from "@remix-run/node";
import { COLUMN_SEPARATOR, columnHeader, columnsOf, type ConfirmOutcome, type FileFailure, type ImportKind, type ImportOutcome, type Preview } from "~/domain/import";
import type { Language } from "~/i18n";
import { importConfirmSchema } from "~/validation/import";
import { msg } from "~/validation/message";
import { safeParseKnownFields } from "./forms.server";
import { getLanguage, getT } from "./i18n.server";
import { intentOf } from "./organizer-actions.server";
import { sizeLabel } from "./request-body.server";
import { fileField } from "./upload.server";

/** What the import page gets back: a message for the upload form (made by `msg`), or a preview. */
export type ImportReply<P> = { intent: string; error?: string; preview?: Preview<P>; changed?: boolean };

type Uploaded = NonNullable<Awaited<ReturnType<typeof fileField>>>;
type Translate = Awaited<ReturnType<typeof getT>>;

export type ImportSteps<P, W> = {
  preview: (file: Uploaded) => Promise<ImportOutcome<P>>;
  confirm: (form: { payload: string; digest: string }) => Promise<ConfirmOutcome<P, W>>;
  /** After the confirmation wrote: mail what it made, then redirect. */
  written: (written: W, t: Translate) => Promise<Response>;
};

/** A file's refusal as the upload form says it: columns by their headers in the reader's language, the size limit in MB. */
export function fileMessage(kind: ImportKind, failure: FileFailure, lang: Language): string {
  const key = `import.file.${failure.code}`;
  const headers = (keys: readonly string[]) => keys.map((k) => columnHeader(kind, k, lang)).join(", ");
  switch (failure.code) {
    case "tooLarge":
      return msg(key, { size: sizeLabel(failure.params.max) });
    case "noHeader":
      return msg(key, {
        columns: headers(
          columnsOf(kind)
            .filter((c) => c.required)
            .map((c) => c.key),
        ),
      });
    case "missingColumns":
      return msg(key, { columns: headers(failure.params.columns.split(COLUMN_SEPARATOR)) });
    case "duplicateColumn":
      return msg(key, { column: columnHeader(kind, failure.params.column, lang) });
    default:
      return msg(key, failure.params);
  }
}

export async function importAction<P, W>(request: Request, kind: ImportKind, steps: ImportSteps<P, W>) {
  const formData = await request.formData();
  const intent = intentOf(formData);
  if (intent === "confirm") {
    const form = safeParseKnownFields(formData, importConfirmSchema);
    const outcome = form.success ? await steps.confirm(form.data) : ({ ok: false, code: "damaged" } as const);
    if (outcome.ok) return steps.written(outcome.written, await getT(request));
    if (outcome.code === "changed") return data<ImportReply<P>>({ intent, preview: outcome.preview, changed: true }, { status: 409 });
    return data<ImportReply<P>>({ intent, error: msg("import.file.damaged") }, { status: 400 });
  }
  const file = await fileField(formData, "file");
  if (intent !== "preview" || !file) return data<ImportReply<P>>({ intent: "preview", error: msg("import.file.noFile") }, { status: 400 });
  const outcome = await steps.preview(file);
  if (!outcome.ok) return data<ImportReply<P>>({ intent, error: fileMessage(kind, outcome, await getLanguage(request)) }, { status: 400 });
  return data<ImportReply<P>>({ intent, preview: outcome.preview });
}
