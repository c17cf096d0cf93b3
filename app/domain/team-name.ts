// The key a team's name is unique by within an event. Two names that a reader cannot tell apart
// must clash, or a team can register "Tim Garuda" with a zero-width space or a Cyrillic "а" and
// pass for the real one on the leaderboard and in announcements. So the key is a skeleton in the
// spirit of Unicode's confusable detection (UTS #39), kept to what matters for Indonesian team
// names: compatibility forms, invisible characters, accents, case, Cyrillic and Greek letters
// shaped like Latin ones, and the classic digit and letter-pair look-alikes.

/** Cyrillic and Greek letters (both cases) that render like a Latin letter. */
const LATIN_TWIN: Record<string, string> = Object.fromEntries(
  [
    // Cyrillic
    "Аa аa Вb Еe еe Ёe ёe Кk кk Мm Нh Оo оo Рp рp Сc сc Тt Уy уy Хx хx Іi іi Їi їi Јj јj Ѕs ѕs Ԛq ԛq Ԝw ԝw ԁd Ӏl ӏl Һh һh Ԍg ԍg",
    // Greek
    "Αa αa Βb βb Εe Ζz Ηh Ιi ιi Κk κk Μm Νn νv Οo οo Ρp ρp Τt Υy υu Χx χx",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => [pair[0], pair.slice(1)]),
);

// Invisible characters (zero-width spaces and joiners, soft hyphens, bidi controls, variation
// selectors...) and every other format character.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
const MARKS = /\p{M}/gu;

export function teamNameKey(name: string): string {
  // Lower-case before taking accents off (so "İ" loses its dot too) and map the look-alikes after
  // (so an accented twin such as "Ӑ" meets its plain Latin letter): the key is then its own key.
  const bare = name.normalize("NFKC").replace(INVISIBLE, "").toLowerCase().normalize("NFKD").replace(MARKS, "");
  return (
    [...bare]
      .map((c) => LATIN_TWIN[c] ?? c)
      .join("")
      .replace(/\s+/g, " ")
      .trim()
      // Shapes that read alike once lower-cased: "I"/"l"/"1"/"|" and "0"/"o", "rn"/"m", "vv"/"w".
      .replace(/[l1|\u0131]/g, "i")
      .replace(/0/g, "o")
      .replace(/rn/g, "m")
      .replace(/vv/g, "w")
  );
}
