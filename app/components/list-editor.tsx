// The editor of an organizer's ordered list (tracks, FAQ, awards): every item is its own small
// form with save, optional move up/down and delete, followed by a form that adds one. Each form
// posts an `intent` of `<kind>-<verb>` and the item's `id`; the action answers errors for one
// item (see itemErrors), so a refusal shows beside the item it concerns. Works without scripts.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { itemErrors } from "./event-forms";

export type ItemErrors = Record<string, string[] | null> | null;

type Props<T extends { id: string }> = {
  /** The intent prefix: `track` posts `track-update`, `track-up`, `track-add`… */
  kind: string;
  items: readonly T[];
  actionData: unknown;
  text: { title: string; none: string; add: string; addSubmit: string };
  /** The item's fields (`item` null for the add form); `index` counts from 0. */
  fields: (item: T | null, index: number, errors: ItemErrors) => ReactNode;
  /** When given, the items can be moved; the labels name the item for screen readers. */
  move?: { up: (item: T, index: number) => string; down: (item: T, index: number) => string };
};

export function ListEditor<T extends { id: string }>({ kind, items, actionData, text, fields, move }: Props<T>) {
  const { t } = useTranslation();
  const titleId = `${kind}-list-title`;
  return (
    <section className="card space-y-4" aria-labelledby={titleId}>
      <h3 id={titleId} className="text-lg font-bold">
        {text.title}
      </h3>
      {items.length === 0 ? <p className="text-slate-700">{text.none}</p> : null}
      <ol className="space-y-3">
        {items.map((item, i) => {
          const errors = itemErrors(actionData, `${kind}-update`, item.id) ?? itemErrors(actionData, `${kind}-delete`, item.id);
          return (
            <li key={item.id} className="rounded-lg border border-slate-200 p-3">
              <Form method="post" className="space-y-2">
                <input type="hidden" name="id" value={item.id} />
                {fields(item, i, errors)}
                <div className="flex flex-wrap gap-2">
                  <button type="submit" name="intent" value={`${kind}-update`} className="btn-secondary">
                    {t("common.save")}
                  </button>
                  {move ? (
                    <>
                      <button type="submit" name="intent" value={`${kind}-up`} className="btn-secondary" disabled={i === 0} formNoValidate aria-label={move.up(item, i)}>
                        ↑
                      </button>
                      <button type="submit" name="intent" value={`${kind}-down`} className="btn-secondary" disabled={i === items.length - 1} formNoValidate aria-label={move.down(item, i)}>
                        ↓
                      </button>
                    </>
                  ) : null}
                  <button type="submit" name="intent" value={`${kind}-delete`} className="btn-secondary text-red-800" formNoValidate>
                    {t("common.delete")}
                  </button>
                </div>
              </Form>
            </li>
          );
        })}
      </ol>
      <Form method="post" key={items.length} className="space-y-2 border-t border-slate-200 pt-4">
        <h4 className="font-bold">{text.add}</h4>
        {fields(null, items.length, itemErrors(actionData, `${kind}-add`, null))}
        <button type="submit" name="intent" value={`${kind}-add`} className="btn-secondary">
          {text.addSubmit}
        </button>
      </Form>
    </section>
  );
}
