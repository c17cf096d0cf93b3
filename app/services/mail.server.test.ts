import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "./env.server";
import { outboxDir, sendMail, setTransportForTests } from "./mail.server";
import { startSmtpCapture, type CapturedMail } from "~/test/smtp";

describe("mail", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let received: CapturedMail[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    received = smtp.received;
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    setTransportForTests(undefined);
    await smtp.close();
  });

  it("writes to the outbox when no SMTP server is configured", async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await sendMail({ to: "outbox@contoh.id", subject: "Uji outbox", text: "Halo dari KIM Hackathon" });
    const files = readdirSync(outboxDir()).filter((f) => f.includes("outbox@contoh.id"));
    expect(files).toHaveLength(1);
    const body = readFileSync(join(outboxDir(), files[0]), "utf8");
    expect(body).toContain("Subject: Uji outbox");
    expect(body).toContain("Halo dari KIM Hackathon");
  });

  it("delivers through a real SMTP server when SMTP_URL is set", async () => {
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();
    setTransportForTests(undefined);
    await sendMail({ to: "juri@contoh.id", subject: "Undangan juri", text: "Silakan terima undangan ini." });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["juri@contoh.id"]);
    expect(received[0].raw).toContain("Subject: Undangan juri");
    expect(received[0].raw).toContain("Silakan terima undangan ini.");
  });
});
