import { expect, it } from "vitest";
import { compareText } from "./collate";

it("orders texts exactly as localeCompare in Indonesian does", () => {
  const texts = ["Zebra Cross", "apotek desa", "Apotek Desa", "Éka", "eka", "Ekonomi", "Kebencanaan 2", "Kebencanaan 10", "ümkm", "UMKM", "Ojek", "oJek", "", " spasi", "ŝ", "s"];
  const byLocale = [...texts].sort((a, b) => a.localeCompare(b, "id"));
  expect([...texts].sort(compareText)).toEqual(byLocale);
  for (const a of texts) for (const b of texts) expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b, "id")));
});
