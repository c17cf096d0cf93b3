// Line and word diffs for the revision history of a submission. A plain longest-common-
// subsequence over tokens: the texts are short (a title, a few pages of markdown), so clarity
// wins over Myers' algorithm. Inputs are untrusted: beyond MAX_CELLS the middle (after trimming
// the common head and tail) is shown as one replacement instead of allocating a huge table.

export type DiffOp = "equal" | "insert" | "delete";
export type DiffPart = { op: DiffOp; text: string };

const MAX_CELLS = 2_000_000;

/** Splits into lines, keeping each line's "\n" so joining the parts restores the text. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Splits into words and the whitespace between them (both kept, so parts re-join exactly). */
export function splitWords(text: string): string[] {
  if (text === "") return [];
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(out: DiffPart[], op: DiffOp, text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Diff of two token lists; adjacent parts with the same op are merged. */
export function diffTokens(a: readonly string[], b: readonly string[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffPart[] = [];
  push(out, "equal", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(out, "delete", midA.join(""));
    push(out, "insert", midB.join(""));
  } else {
    for (const part of lcsDiff(midA, midB)) push(out, part.op, part.text);
  }
  push(out, "equal", a.slice(endA).join(""));
  return out;
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(out, "equal", a[i] ?? "");
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      push(out, "delete", a[i] ?? "");
      i++;
    } else {
      push(out, "insert", b[j] ?? "");
      j++;
    }
  }
  while (i < n) push(out, "delete", a[i++] ?? "");
  while (j < m) push(out, "insert", b[j++] ?? "");
  return out;
}

/**
 * Turns each run of changes into one deletion followed by one insertion, absorbing the
 * whitespace between changed words, so a rewritten sentence reads as "old → new" rather than
 * a confetti of single words matched only by the spaces between them.
 */
export function groupChanges(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    push(out, "delete", deleted);
    push(out, "insert", inserted);
    deleted = "";
    inserted = "";
  };
  parts.forEach((part, i) => {
    if (part.op === "delete") deleted += part.text;
    else if (part.op === "insert") inserted += part.text;
    else if ((deleted || inserted) && i < parts.length - 1 && part.text.trim() === "") {
      deleted += part.text;
      inserted += part.text;
    } else {
      flush();
      push(out, "equal", part.text);
    }
  });
  flush();
  return out;
}

/** Line diff; a missing final newline does not count as a change of the last line. */
export function diffLines(before: string, after: string): DiffPart[] {
  const terminated = (s: string) => (s === "" || s.endsWith("\n") ? s : `${s}\n`);
  return diffTokens(splitLines(terminated(before)), splitLines(terminated(after)));
}

export function diffWords(before: string, after: string): DiffPart[] {
  return groupChanges(diffTokens(splitWords(before), splitWords(after)));
}

export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.op !== "equal");
}
