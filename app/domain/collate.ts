// Alphabetical order of names and titles the way Indonesian readers expect it, with numbers in a
// text read as numbers ("Tim 2" before "Tim 10"). One collator for the process:
// `a.localeCompare(b, "id", …)` builds its comparison anew on every call, which is most of a
// sort's time on a judge's queue of a few hundred projects.
const indonesian = new Intl.Collator("id", { numeric: true });

/** Compares two texts in Indonesian alphabetical order, numbers by value: the same as `a.localeCompare(b, "id", { numeric: true })`. */
export function compareText(a: string, b: string): number {
  return indonesian.compare(a, b);
}
