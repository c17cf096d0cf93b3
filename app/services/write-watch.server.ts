// Which tables this instance has written to, as counters a cache can compare. Every statement the
// database adapters send passes through `noteStatement` (see db.server.ts), so a write made here
// is seen whichever code made it: a route, a background job, a script sharing the process. A
// cache that keeps a read for a moment records the counter when the read starts and trusts the
// read only while the counter has not moved. Writes made by other instances reach it through
// change notices instead (change-feed.server.ts).

/** INSERT / UPDATE / DELETE / REPLACE and the table it names, with or without a schema and quotes. */
const WRITE = /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:[`"]?\w+[`"]?\s*\.\s*)?[`"]?(\w+)[`"]?/i;

const TABLE_CACHE_SIZE = 2000;
const tableOf = new Map<string, string | null>();

/** The table a statement writes to, or null for a read (or anything else). */
export function writtenTable(sql: string): string | null {
  let table = tableOf.get(sql);
  if (table === undefined) {
    table = WRITE.exec(sql)?.[1] ?? null;
    if (tableOf.size >= TABLE_CACHE_SIZE) tableOf.delete(tableOf.keys().next().value as string);
    tableOf.set(sql, table);
  }
  return table;
}

type Watch = { tables: ReadonlySet<string>; count: number };
const watches: Watch[] = [];

/** Called with every statement sent to the database. */
export function noteStatement(sql: string): void {
  if (watches.length === 0) return;
  const table = writtenTable(sql);
  if (table === null) return;
  for (const watch of watches) if (watch.tables.has(table)) watch.count++;
}

/**
 * A counter of the statements this instance has sent that write to any of `tables`. Tables are
 * named as in the schema; a write that cascades (deleting a round deletes its assignments) counts
 * for the table the statement names, so watch the parents too.
 */
export function watchWrites(tables: readonly string[]): () => number {
  const watch: Watch = { tables: new Set(tables), count: 0 };
  watches.push(watch);
  return () => watch.count;
}
