// Indonesia's official administrative areas (Kemendagri codes) from the maintained `idn-area-data`
// package: the 38 provinces and their kabupaten/kota, read once per process.
import { getProvinces, getRegencies } from "idn-area-data";

export type Area = { code: string; name: string };

let provinces: Promise<Area[]> | null = null;
let regencies: Promise<(Area & { province: string })[]> | null = null;

export function listProvinces(): Promise<Area[]> {
  provinces ??= getProvinces().then((rows) => rows.map((p) => ({ code: p.code, name: p.name })).sort((a, b) => a.code.localeCompare(b.code)));
  return provinces;
}

/** The kabupaten/kota of one province in code order; null for a code that is not a province. */
export async function regenciesOf(provinceCode: string): Promise<{ province: Area; regions: Area[] } | null> {
  const province = (await listProvinces()).find((p) => p.code === provinceCode);
  if (!province) return null;
  regencies ??= getRegencies().then((rows) => rows.map((r) => ({ code: r.code, name: r.name, province: r.province_code })));
  const regions = (await regencies).filter((r) => r.province === provinceCode).map(({ code, name }) => ({ code, name }));
  return { province, regions: regions.sort((a, b) => a.code.localeCompare(b.code)) };
}
