import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "./env.server";
import { outboxDir, sendMail, setTransportForTests } from "./mail.server";

describe("mail", () => {
  const received: { to: string[]; raw: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    setTransportForTests(undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    setTransportForTests(undefined);
    await sendMail({ to: "juri@contoh.id", subject: "Undangan juri", text: "Silakan terima undangan ini." });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["juri@contoh.id"]);
    expect(received[0].raw).toContain("Subject: Undangan juri");
    expect(received[0].raw).toContain("Silakan terima undangan ini.");
  });
});
