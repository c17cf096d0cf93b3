import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("has working defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/kim.db");
    expect(env.PORT).toBe(3000);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PRIVACY_OPERATOR).toBe("Dinas Komunikasi dan Informatika Provinsi Jawa Timur");
    expect(parseEnv({ PRIVACY_OPERATOR: "  Dinas Kominfo Kabupaten Malang " }).PRIVACY_OPERATOR).toBe("Dinas Kominfo Kabupaten Malang");
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/kim"],
    ["PORT", "tujuh"],
    ["APP_URL", "bukan url"],
    ["SMTP_URL", "mail.contoh.id"],
    ["ADMIN_EMAIL", "admin"],
    ["PRIVACY_OPERATOR", " "],
    ["PRIVACY_CONTACT", "dpo"],
    ["TRUST_PROXY", "kadang"],
    ["TRUST_PROXY", "true"],
  ])("refuses a bad %s with a message naming it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
