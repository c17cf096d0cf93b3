// Uploads and downloads through the real routes with files in S3-compatible object storage: the
// bytes go to the bucket (not the data folder) and come back only to those allowed to see them.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoPdf } from "../../prisma/seed-submissions";
import { db } from "~/services/db.server";
import { resetEnvCache } from "~/services/env.server";
import { fileExists } from "~/services/storage.server";
import { cookieFor } from "~/test/judging-fixture";
import { args, BASE, call, getRequest } from "~/test/request";
import { startS3, type LocalS3 } from "~/test/s3-server";
import { makeEvent, makeTeam, makeUser, storedFiles } from "~/test/submission-fixtures";
import { loader as downloadLoader } from "./berkas.$attachmentId";
import { action as formAction } from "./tim.$teamId.karya";

const HOUR = 60 * 60 * 1000;

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startS3();
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
  resetEnvCache();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  resetEnvCache();
  await s3?.close();
});

describe("uploads with object storage", () => {
  it("an attachment uploaded through the project form is stored in the bucket and downloads through /berkas for the team only", async () => {
    const now = Date.now();
    const event = await makeEvent({ opensAt: new Date(now - 24 * HOUR), closesAt: new Date(now + 24 * HOUR) });
    const { team, captain } = await makeTeam(event.id, { regionId: event.regions[0]!.id });
    const cookie = await cookieFor(captain.id);
    const pdf = demoPdf("Proposal di bucket");
    const body = new FormData();
    body.set("intent", "attach");
    body.set("file", new File([new Uint8Array(pdf)], "Proposal Bucket.pdf", { type: "application/pdf" }));
    const upload = await call(async () =>
      formAction(args(new Request(`${BASE}/tim/${team.id}/karya?unggah=lampiran`, { method: "POST", headers: { Cookie: cookie, Origin: BASE }, body }), { teamId: team.id })),
    );
    expect(upload.status).toBe(302);

    const attachment = await db.attachment.findFirstOrThrow({ where: { submission: { teamId: team.id } } });
    expect(await fileExists(attachment.storageKey)).toBe(true);
    expect(storedFiles()).toEqual([]);

    const download = (c?: string) => downloadLoader(args(getRequest(`/berkas/${attachment.id}`, c), { attachmentId: attachment.id }));
    const own = await download(cookie);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("application/pdf");
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Proposal Bucket.pdf"/);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(new Uint8Array(pdf));

    expect((await call(() => download())).status).toBe(404);
    expect((await call(async () => download(await cookieFor((await makeUser()).id)))).status).toBe(404);
  });
});
