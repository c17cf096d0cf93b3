import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { itemErrors, PageIntro, PlainField, SavedNotice } from "~/components/event-forms";
import { FieldErrors } from "~/components/forms";
import { addProvinceRegions, addRegion, deleteRegion, listRegions, renameRegion, type ItemResult } from "~/models/structure.server";
import { listProvinces, regenciesOf } from "~/services/areas.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { badRequest, fieldError, idOf, intentOf, saved } from "~/services/organizer-actions.server";
import { regionSchema } from "~/validation/structure";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const [regions, provinces] = await Promise.all([listRegions(event.id), listProvinces()]);
  return { regions: regions.map((r) => ({ id: r.id, name: r.name, code: r.code ?? "", teams: r._count.teams, judges: r._count.judges })), provinces };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const id = idOf(formData);
  const answer = (result: ItemResult) => {
    if (result.ok) return saved(`/kelola/${event.slug}/struktur/wilayah`, "regions");
    if (result.code === "notFound") throw notFound();
    return fieldError(intent, "name", result.code === "inUse" ? "structure.errors.regionInUse" : "structure.errors.nameTaken", id);
  };
  if (intent === "region-add" || intent === "region-update") {
    const submission = parseKnownFields(formData, regionSchema);
    if (submission.status !== "success") return badRequest(intent, reply(submission), id);
    const input = { name: submission.value.name, code: submission.value.code };
    if (intent === "region-add") return answer(await addRegion(event.id, input, user));
    if (!id) throw notFound();
    return answer(await renameRegion(event.id, id, input, user));
  }
  if (intent === "region-delete" && id) return answer(await deleteRegion(event.id, id, user));
  if (intent === "region-province") {
    const found = await regenciesOf(String(formData.get("province") ?? "").trim());
    if (!found) return fieldError(intent, "province", "structure.errors.provinceUnknown");
    const { added, skipped } = await addProvinceRegions(event.id, found.province, found.regions, user);
    return redirect(`/kelola/${event.slug}/struktur/wilayah?${new URLSearchParams({ tersimpan: "regions", ditambah: String(added), dilewati: String(skipped) })}`);
  }
  return fieldError(intent, "", "validation.invalid");
}

type ActionData = { intent: string; id: string | null; result: { error?: Record<string, string[] | null> } };

export default function RegionsPage() {
  const { t } = useTranslation();
  const { regions, provinces } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const addErrors = itemErrors(actionData, "region-add", null);
  const provinceErrors = itemErrors(actionData, "region-province", null);
  return (
    <div className="space-y-6">
      <PageIntro title={t("structure.regions.title")} intro={t("structure.regions.intro", { count: regions.length })} />
      <SavedNotice hidden={Boolean(actionData)} />
      {params.get("ditambah") ? (
        <p role="status" className="card text-slate-800">
          {t("structure.regions.provinceDone", { added: Number(params.get("ditambah")) || 0, skipped: Number(params.get("dilewati")) || 0 })}
        </p>
      ) : null}
      <Form method="post" className="card space-y-2">
        <h3 className="text-lg font-bold">{t("structure.regions.province")}</h3>
        <p className="text-sm text-slate-700">{t("structure.regions.provinceHint")}</p>
        <label htmlFor="province" className="field-label">
          {t("structure.regions.provinceLabel")}
        </label>
        <select id="province" name="province" className="field-input" aria-describedby="province-error" aria-invalid={provinceErrors?.province?.length ? true : undefined} defaultValue="">
          <option value="">{t("team.fields.choose")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name} ({p.code})
            </option>
          ))}
        </select>
        <FieldErrors id="province-error" errors={provinceErrors?.province ?? undefined} />
        <button type="submit" name="intent" value="region-province" className="btn-secondary">
          {t("structure.regions.provinceSubmit")}
        </button>
      </Form>
      <Form method="post" key={regions.length} className="card space-y-2">
        <h3 className="text-lg font-bold">{t("structure.regions.add")}</h3>
        <PlainField id="region-name-new" name="name" label={t("structure.regions.name")} errors={addErrors?.name} />
        <PlainField id="region-code-new" name="code" label={`${t("structure.regions.code")} (${t("common.optional")})`} errors={addErrors?.code} />
        <button type="submit" name="intent" value="region-add" className="btn-secondary">
          {t("structure.regions.addSubmit")}
        </button>
      </Form>
      <ul className="card divide-y divide-slate-200 !p-0">
        {regions.map((r) => {
          const errors = itemErrors(actionData, "region-update", r.id) ?? itemErrors(actionData, "region-delete", r.id);
          return (
            <li key={r.id}>
              <details open={Boolean(errors)} className="group">
                <summary className="flex min-h-[48px] cursor-pointer items-center justify-between gap-2 px-4 py-2">
                  <span className="font-medium">{r.name}</span>
                  <span className="text-sm text-slate-600">{t("structure.regions.usage", { teams: r.teams, judges: r.judges })}</span>
                </summary>
                <Form method="post" className="space-y-2 px-4 pb-4">
                  <input type="hidden" name="id" value={r.id} />
                  <PlainField id={`region-name-${r.id}`} name="name" label={t("structure.regions.name")} defaultValue={r.name} errors={errors?.name} />
                  <PlainField id={`region-code-${r.id}`} name="code" label={`${t("structure.regions.code")} (${t("common.optional")})`} defaultValue={r.code} errors={errors?.code} />
                  <div className="flex flex-wrap gap-2">
                    <button type="submit" name="intent" value="region-update" className="btn-secondary">
                      {t("common.save")}
                    </button>
                    <button type="submit" name="intent" value="region-delete" className="btn-secondary text-red-800" formNoValidate>
                      {t("common.delete")}
                    </button>
                  </div>
                </Form>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
