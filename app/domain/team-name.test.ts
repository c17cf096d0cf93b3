import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { teamNameKey } from "./team-name";

const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e", "\ufe0f", "\u180e"];
const TWINS: Record<string, string[]> = { a: ["а", "α"], e: ["е"], o: ["о", "ο", "0"], p: ["р", "ρ"], c: ["с"], x: ["х"], y: ["у"], i: ["і", "1", "l", "I"], s: ["ѕ"], k: ["κ", "к"] };
const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/);

describe("teamNameKey", () => {
  it("folds case, spacing, compatibility forms, accents and look-alikes", () => {
    expect(teamNameKey("  Tim   GARUDA ")).toBe("tim garuda");
    expect(teamNameKey("Tim\tGaruda")).toBe(teamNameKey("tim garuda"));
    expect(teamNameKey("Tim Gаruda")).toBe(teamNameKey("Tim Garuda"));
    expect(teamNameKey("Tim Ｇａｒｕｄａ")).toBe(teamNameKey("Tim Garuda"));
    expect(teamNameKey("Tím Garuda")).toBe(teamNameKey("Tim Garuda"));
    expect(teamNameKey("KlM L0ntar")).toBe(teamNameKey("KIM Lontar"));
    expect(teamNameKey("Tim rnawar")).toBe(teamNameKey("Tim Mawar"));
    expect(teamNameKey("Tim Garuda")).not.toBe(teamNameKey("Tim Garuda 2"));
    expect(teamNameKey("Tim Garuda")).not.toBe(teamNameKey("Tim Rajawali"));
    // An accented Cyrillic twin meets its Latin letter, so a stored key stays its own key.
    expect(teamNameKey("Ӑ")).toBe("a");
    expect(teamNameKey(teamNameKey("Ӑ"))).toBe(teamNameKey("Ӑ"));
  });

  it("ignores invisible characters anywhere", () => {
    fc.assert(
      fc.property(name, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 5 }), (n, inserts) => {
        const chars = [...n];
        for (const [at, c] of inserts) chars.splice(at % (chars.length + 1), 0, c);
        expect(teamNameKey(chars.join(""))).toBe(teamNameKey(n));
      }),
    );
  });

  it("gives a name and its look-alike spelling (any case) the same key", () => {
    fc.assert(
      fc.property(name, fc.infiniteStream(fc.nat()), fc.boolean(), (n, picks, upper) => {
        const twin = [...n.toLowerCase()].map((c) => {
          const options = TWINS[c];
          return options ? options[picks.next().value % options.length] : c;
        });
        const cased = upper ? n.toUpperCase() : n;
        expect(teamNameKey(twin.join(""))).toBe(teamNameKey(cased));
      }),
    );
  });

  it("is idempotent, so a stored key is its own key", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (n) => {
        expect(teamNameKey(teamNameKey(n))).toBe(teamNameKey(n));
      }),
    );
  });
});
