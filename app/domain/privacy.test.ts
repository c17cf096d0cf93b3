import { describe, expect, it } from "vitest";
import { certificateInitials, deletedEmail, isDeleteConfirmation, needsPrivacyConsent, openWithoutConsent, PRIVACY_VERSION } from "./privacy";

describe("privacy notice", () => {
  it("asks again whoever never agreed or agreed to an older version", () => {
    expect(needsPrivacyConsent(null)).toBe(true);
    expect(needsPrivacyConsent(undefined)).toBe(true);
    expect(needsPrivacyConsent(PRIVACY_VERSION - 1)).toBe(true);
    expect(needsPrivacyConsent(PRIVACY_VERSION)).toBe(false);
  });

  it("lets an unconsented user read the notice, log out, switch language and leave, and nothing else", () => {
    for (const path of ["/privasi", "/persetujuan", "/keluar", "/bahasa", "/akun/hapus", "/akun/data.zip"]) expect(openWithoutConsent(path)).toBe(true);
    for (const path of ["/", "/dasbor", "/akun", "/akun/sandi", "/privasi-lain", "/akun/hapus/x", "/tim/abc"]) expect(openWithoutConsent(path)).toBe(false);
  });
});

describe("deleted accounts", () => {
  it("keep only initials on certificates", () => {
    expect(certificateInitials("Dewi Kartika")).toBe("D. K.");
    expect(certificateInitials("  ni   luh  ayu ")).toBe("N. L. A.");
    expect(certificateInitials("Drs. Hadi Prasetyo, M.Si.")).toBe("D. H. P. M.");
    expect(certificateInitials("Élodie ŞAHIN")).toBe("É. Ş.");
    expect(certificateInitials("   ")).toBe("—");
  });

  it("accept HAPUS or DELETE in any case as the typed confirmation, nothing else", () => {
    for (const ok of ["HAPUS", "hapus", " Hapus ", "DELETE", "delete"]) expect(isDeleteConfirmation(ok)).toBe(true);
    for (const no of ["", "hapus akun", "HAPUSS", "ya", "DEL"]) expect(isDeleteConfirmation(no)).toBe(false);
  });

  it("get an address that is unique and can receive no mail", () => {
    expect(deletedEmail("abc")).toBe("dihapus-abc@akun-dihapus.invalid");
    expect(deletedEmail("abc")).not.toBe(deletedEmail("abd"));
  });
});
