// Which tables this instance has written to, as counters a cache can compare. Every statement the
// database adapters send passes through `noteStatement` (see db.server.ts), so a write made here
// is seen whichever code made it: a route, a background job, a script sharing the process. A
// cache that keeps a read for a moment records the counter when the read starts and trusts the
// read only while the counter has not moved. Writes made by other instances reach it through
// change notices instead (change-feed.server.ts).

/** INSERT / UPDATE / DELETE / REPLACE and the table it names, with or without a schema and quotes. */
const WRITE = /^\s*(?:insert(?:\s+or\s+\w+)?\s+into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:[`"]?\w+[`"]?\s*\.\s*)?[`"]?(\w+)[`"]?/i;
/**
 * The same anywhere in a statement that starts with WITH: a PostgreSQL statement whose common
 * table expressions write (`WITH "saved" AS (UPDATE …), "logged" AS (INSERT INTO …) SELECT …`)
 * writes every table they name. A write keyword inside a text value also counts: a write seen
 * where there is none only costs a cache its entry, one missed would keep a stale read.
 */
const WRITE_ANYWHERE = /(?:^|[\s(,])(?:insert\s+into|update|delete\s+from)\s+(?:[`"]?\w+[`"]?\s*\.\s*)?[`"]?(\w+)[`"]?/gi;
const WITH = /^\s*with\s/i;

const TABLE_CACHE_SIZE = 2000;
const tablesOf = new Map<string, readonly string[]>();

/** The tables a statement writes to: none for a read (or anything else). */
export function writtenTables(sql: string): readonly string[] {
  let tables = tablesOf.get(sql);
  if (tables === undefined) {
    if (WITH.test(sql)) {
      // "… DO UPDATE SET …" of an upsert names no table.
      tables = [...new Set([...sql.matchAll(WRITE_ANYWHERE)].map((m) => m[1]).filter((t) => t.toUpperCase() !== "SET"))];
    } else {
      const table = WRITE.exec(sql)?.[1];
      tables = table ? [table] : [];
    }
    if (tablesOf.size >= TABLE_CACHE_SIZE) tablesOf.delete(tablesOf.keys().next().value as string);
    tablesOf.set(sql, tables);
  }
  return tables;
}

type Watch = { tables: ReadonlySet<string>; count: number };
const watches: Watch[] = [];

/** Called with every statement sent to the database. */
export function noteStatement(sql: string): void {
  if (watches.length === 0) return;
  for (const table of writtenTables(sql)) {
    for (const watch of watches) if (watch.tables.has(table)) watch.count++;
  }
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
