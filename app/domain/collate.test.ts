import { expect, it } from "vitest";
import { compareText } from "./collate";

it("orders texts exactly as localeCompare in Indonesian with numeric ordering does", () => {
  const texts = ["Zebra Cross", "apotek desa", "Apotek Desa", "Éka", "eka", "Ekonomi", "Kebencanaan 2", "Kebencanaan 10", "ümkm", "UMKM", "Ojek", "oJek", "", " spasi", "ŝ", "s"];
  const byLocale = [...texts].sort((a, b) => a.localeCompare(b, "id", { numeric: true }));
  expect([...texts].sort(compareText)).toEqual(byLocale);
  for (const a of texts) for (const b of texts) expect(Math.sign(compareText(a, b))).toBe(Math.sign(a.localeCompare(b, "id", { numeric: true })));
});

it("reads numbers in a title by their value, as people number their teams and projects", () => {
  const titles = ["Layanan Warga 10", "Layanan Warga 2", "Layanan Warga 1", "Layanan Warga 102", "Layanan Warga 21", "layanan warga 3"];
  expect([...titles].sort(compareText)).toEqual(["Layanan Warga 1", "Layanan Warga 2", "layanan warga 3", "Layanan Warga 10", "Layanan Warga 21", "Layanan Warga 102"]);
  expect(compareText("Tim KIM 9", "Tim KIM 10")).toBeLessThan(0);
  expect(compareText("Dahlia", "Élang")).toBeLessThan(0);
});
