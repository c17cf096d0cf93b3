/**
 * Splitting a line of PDF text into runs, each drawn with one font of a fallback chain (Latin
 * first, then Arabic, Javanese, CJK). A character goes to the first font that has it; spaces and
 * punctuation between two letters of the same font stay in that font's run, so an Arabic phrase
 * keeps its word order when the run is laid out right to left; combining marks and joiners stay
 * with the letter before them. A character no font has is folded to its compatibility form
 * ("𝐒" → "S", "ﬁ" → "fi") and, failing that, shown as "?".
 */
export type TextRun = { text: string; face: number };
export type Covers = (codePoint: number) => boolean;

const JOINING = /^(?:\p{M}|\u200C|\u200D|\p{Variation_Selector})$/u;
const NEUTRAL = /^[\s\p{P}\p{S}\p{N}]$/u;

type Slot = { ch: string; face: number; neutral: boolean };

function faceOf(ch: string, faces: readonly Covers[]): number {
  return faces.findIndex((covers) => covers(ch.codePointAt(0) ?? 0));
}

export function splitRuns(input: string, faces: readonly Covers[]): TextRun[] {
  const slots: Slot[] = [];
  for (const raw of input.normalize("NFC").replace(/[\t\n\r]/g, " ")) {
    const prev = slots[slots.length - 1];
    if (prev && JOINING.test(raw)) {
      if (faces[prev.face]?.(raw.codePointAt(0) ?? 0)) prev.ch += raw;
      continue;
    }
    const chars = faceOf(raw, faces) >= 0 ? [raw] : [...raw.normalize("NFKD").replace(/\p{M}/gu, "")];
    for (const c of chars.length ? chars : ["?"]) {
      const face = faceOf(c, faces);
      slots.push(face >= 0 ? { ch: c, face, neutral: NEUTRAL.test(c) } : { ch: "?", face: Math.max(0, faceOf("?", faces)), neutral: true });
    }
  }
  // A neutral between two letters of one font joins them; any other neutral keeps its own font.
  for (let i = 0; i < slots.length; i++) {
    if (!slots[i].neutral) continue;
    let j = i;
    while (j < slots.length && slots[j].neutral) j++;
    const before = slots[i - 1];
    const after = slots[j];
    if (before && after && before.face === after.face) {
      for (let k = i; k < j; k++) if (faces[before.face]?.(slots[k].ch.codePointAt(0) ?? 0)) slots[k].face = before.face;
    }
    i = j - 1;
  }
  const runs: TextRun[] = [];
  for (const s of slots) {
    const last = runs[runs.length - 1];
    if (last && last.face === s.face) last.text += s.ch;
    else runs.push({ text: s.ch, face: s.face });
  }
  return runs;
}
