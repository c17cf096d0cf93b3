import type { ReactNode } from "react";

export type Column = { label: ReactNode; numeric?: boolean; hidden?: boolean };

/**
 * The header row of a data table: each column a `<th scope="col">`; numeric columns align right;
 * a hidden column keeps its name for screen readers only. `dense` is the statistics look (small
 * padding, muted), otherwise the ruled look of the organizer tables. A null column is left out.
 */
export function ColumnHeads({ columns, dense = false }: { columns: (Column | null)[]; dense?: boolean }) {
  const shown = columns.filter((c): c is Column => c !== null);
  return (
    <thead>
      <tr className={dense ? "text-left text-slate-700" : "border-b border-slate-300"}>
        {shown.map((c, i) => {
          const last = i === shown.length - 1;
          const pad = dense ? `py-1 ${last ? "" : "pr-2"}` : `py-2 ${last ? "" : "pr-3"}`;
          return (
            <th key={i} scope="col" className={`${pad} ${c.numeric ? "text-right" : ""}`}>
              {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
