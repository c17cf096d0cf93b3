// The submission routes end to end at the HTTP boundary: the team's form (drafts, submit,
// uploads, bad input), file downloads, the organizer's list and CSV, and the public gallery.
import { strToU8 } from "fflate";
import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { demoPdf, demoPng } from "../../prisma/seed-submissions";
import { Countdown } from "~/components/countdown";
import { ProjectView } from "~/components/submission";
import { i18nConfig } from "~/i18n";
import { db } from "~/services/db.server";
import { cookieFor } from "~/test/judging-fixture";
import { args, BASE, call, formRequest, getRequest } from "~/test/request";
import { makeEvent, makeOrganizer, makeTeam, makeUser, storedFiles } from "~/test/submission-fixtures";
import { action as formAction, loader as formLoader } from "./tim.$teamId.karya";
import { loader as downloadLoader } from "./berkas.$attachmentId";
import { loader as coverLoader } from "./berkas.sampul.$submissionId";
import { action as organizerAction, loader as organizerLoader } from "./kelola.$slug.karya";
import { loader as csvLoader } from "./kelola.$slug.karya[.]csv";
import { loader as organizerDetailLoader } from "./kelola.$slug.karya_.$submissionId";
import { loader as galleryLoader } from "./acara.$slug_.galeri";
import { loader as projectLoader } from "./acara.$slug_.proyek.$submissionId";

const HOUR = 60 * 60 * 1000;
function multipart(path: string, fields: Record<string, string | File>, cookie: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(`${BASE}${path}`, { method: "POST", headers: { Cookie: cookie, Origin: BASE }, body });
}

const file = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

async function openEvent(settings: Parameters<typeof makeEvent>[1] = {}) {
  const now = Date.now();
  return makeEvent({ opensAt: new Date(now - 24 * HOUR), closesAt: new Date(now + 24 * HOUR) }, settings);
}

async function teamSetup(settings: Parameters<typeof makeEvent>[1] = {}) {
  const event = await openEvent(settings);
  const { team, captain, member } = await makeTeam(event.id, { regionId: event.regions[0]!.id });
  return { event, team, captain, member, cookie: await cookieFor(captain.id), path: `/tim/${team.id}/karya` };
}

const errorsOf = (body: unknown) => ((body as { result?: { error?: Record<string, string[]> } }).result?.error ?? {}) as Record<string, string[]>;

describe("the team's project form", () => {
  it("is for team members only: anonymous visitors log in, outsiders and organizers get 404", async () => {
    const { event, team, path, cookie } = await teamSetup();
    const anon = await call(async () => formLoader(args(getRequest(path), { teamId: team.id })));
    expect(anon.status).toBe(302);
    expect(anon.headers.get("Location")).toMatch(/^\/masuk\?redirectTo=/);
    for (const user of [await makeUser(), await makeOrganizer(event.id)]) {
      const res = await call(async () => formLoader(args(getRequest(path, await cookieFor(user.id)), { teamId: team.id })));
      expect(res.status).toBe(404);
    }
    const ok = await call(async () => formLoader(args(getRequest(path, cookie), { teamId: team.id })));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ denied: null, submission: null, team: { id: team.id } });
  });

  it("saves a draft without JavaScript, then autosaves with the time shown in the event's zone", async () => {
    const { team, path, cookie } = await teamSetup();
    const saved = await call(async () => formAction(args(formRequest(path, { intent: "save", title: "Lapor Desa", repoUrl: "https://github.com/kim/lapor" }, { cookie }), { teamId: team.id })));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/tim/${team.id}/karya?tersimpan=1`);
    const auto = await call(async () => formAction(args(formRequest(path, { intent: "autosave", title: "Lapor Desa 2" }, { cookie }), { teamId: team.id })));
    expect(auto.status).toBe(200);
    expect((auto.body as { autosavedAt: string }).autosavedAt).toMatch(/^\d{2}\.\d{2} WIB$/);
    const row = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    expect([row.title, row.repoUrl, row.status]).toEqual(["Lapor Desa 2", null, "DRAFT"]);
  });

  it.each([
    ["repoUrl", "javascript:alert(1)"],
    ["demoUrl", "http://localhost:3000/admin"],
    ["videoUrl", "youtube.com/watch?v=dQw4w9WgXcQ"],
    ["repoUrl", "https://user:pass@github.com/x"],
  ])("refuses a bad %s (%s) with 400 and stores nothing", async (field, value) => {
    const { team, path, cookie } = await teamSetup();
    const res = await call(async () => formAction(args(formRequest(path, { intent: "save", title: "Judul", [field]: value }, { cookie }), { teamId: team.id })));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain("submission.errors.url");
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("asks for confirmation before submitting, then submits and records revision 1", async () => {
    const { event, team, path, cookie } = await teamSetup();
    const fields = { intent: "submit", title: "Lapor Desa", description: "## Masalah\nJalan rusak", trackId: event.tracks[0]!.id };
    const unconfirmed = await call(async () => formAction(args(formRequest(path, fields, { cookie }), { teamId: team.id })));
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed.body).confirm).toEqual(["submission.errors.confirm"]);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);

    const done = await call(async () => formAction(args(formRequest(path, { ...fields, confirm: "on" }, { cookie }), { teamId: team.id })));
    expect(done.headers.get("Location")).toBe(`/tim/${team.id}/karya?terkirim=1`);
    const edit = await call(async () => formAction(args(formRequest(path, { ...fields, intent: "save", title: "Lapor Desa Pintar" }, { cookie }), { teamId: team.id })));
    expect(edit.headers.get("Location")).toBe(`/tim/${team.id}/karya?direvisi=1`);

    const page = await call(async () => formLoader(args(getRequest(path, cookie), { teamId: team.id })));
    const body = page.body as { revisions: { number: number; changes: { field: string; parts: { op: string; text: string }[] }[] }[] };
    expect(body.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(body.revisions[0]?.changes).toEqual([
      {
        field: "title",
        parts: [
          { op: "equal", text: "Lapor Desa" },
          { op: "insert", text: " Pintar" },
        ],
      },
    ]);
  });

  it("refuses a track from another event", async () => {
    const { team, path, cookie } = await teamSetup();
    const other = await openEvent();
    const res = await call(async () => formAction(args(formRequest(path, { intent: "save", trackId: other.tracks[0]!.id }, { cookie }), { teamId: team.id })));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)).toEqual({ "": ["common.errorsInForm"], trackId: ["submission.errors.trackForeign"] });
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses a team that was not accepted, saying why", async () => {
    const event = await openEvent();
    const { team, captain } = await makeTeam(event.id, { status: "PENDING" });
    const cookie = await cookieFor(captain.id);
    const path = `/tim/${team.id}/karya`;
    const page = await call(async () => formLoader(args(getRequest(path, cookie), { teamId: team.id })));
    expect((page.body as { denied: string }).denied).toBe("submission.errors.notAccepted");
    const res = await call(async () => formAction(args(formRequest(path, { intent: "save", title: "x" }, { cookie }), { teamId: team.id })));
    expect(res.status).toBe(403);
    expect(errorsOf(res.body)[""]).toEqual(["submission.errors.notAccepted"]);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses every write after the deadline with the closing time, storing nothing", async () => {
    const now = Date.now();
    const event = await makeEvent({ opensAt: new Date(now - 48 * HOUR), closesAt: new Date(now - 1000) });
    const { team, captain } = await makeTeam(event.id);
    const cookie = await cookieFor(captain.id);
    const path = `/tim/${team.id}/karya`;
    const before = storedFiles().length;
    const save = await call(async () => formAction(args(formRequest(path, { intent: "save", title: "Terlambat" }, { cookie }), { teamId: team.id })));
    expect(save.status).toBe(403);
    expect(errorsOf(save.body)[""]?.[0]).toMatch(/^submission\.errors\.closed\|\{"at":".+ WIB"\}$/);
    const upload = await call(async () =>
      formAction(args(multipart(`${path}?unggah=lampiran`, { intent: "attach", file: file(demoPdf("x"), "x.pdf", "application/pdf") }, cookie), { teamId: team.id })),
    );
    expect(upload.status).toBe(403);
    expect((upload.body as { fileError: { message: string } }).fileError.message).toMatch(/^submission\.errors\.closed\|/);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
    expect(storedFiles().length).toBe(before);
  });

  it("says when submissions closed or open, in the event's zone and the reader's language", async () => {
    const closed = await makeEvent({ opensAt: new Date("2025-11-01T00:00:00.000Z"), closesAt: new Date("2025-11-23T16:59:00.000Z") });
    const late = await makeTeam(closed.id);
    const latePath = `/tim/${late.team.id}/karya`;
    const lateCookie = await cookieFor(late.captain.id);
    const save = await call(async () => formAction(args(formRequest(latePath, { intent: "save", title: "x" }, { cookie: lateCookie }), { teamId: late.team.id })));
    expect(errorsOf(save.body)[""]).toEqual([`submission.errors.closed|${JSON.stringify({ at: "Minggu, 23 November 2025 23.59 WIB" })}`]);
    await db.event.update({ where: { id: closed.id }, data: { timezone: "Asia/Makassar" } });
    const page = await call(async () => formLoader(args(getRequest(`${latePath}?lng=en`, lateCookie), { teamId: late.team.id })));
    expect((page.body as { denied: string }).denied).toBe(`submission.errors.closed|${JSON.stringify({ at: "Monday, 24 November 2025 00:59 WITA" })}`);

    const future = await makeEvent({ opensAt: new Date("2099-11-01T00:00:00.000Z"), closesAt: new Date("2099-11-23T16:59:00.000Z") });
    const early = await makeTeam(future.id);
    const earlyPath = `/tim/${early.team.id}/karya`;
    const earlyPage = await call(async () => formLoader(args(getRequest(`${earlyPath}?lng=en`, await cookieFor(early.captain.id)), { teamId: early.team.id })));
    expect((earlyPage.body as { denied: string }).denied).toBe(`submission.errors.notOpenYet|${JSON.stringify({ at: "Sunday, 1 November 2099 07:00 WIB" })}`);
  });

  it("shows every field a submit still needs, and refuses an autosave of a submitted project", async () => {
    const { event, team, path, cookie } = await teamSetup({ requireVideo: true });
    const submit = { intent: "submit", confirm: "on", tagline: "hanya ringkasan" };
    const refused = await call(async () => formAction(args(formRequest(path, submit, { cookie }), { teamId: team.id })));
    expect(refused.status).toBe(400);
    const required = ["submission.errors.requiredToSubmit"];
    expect(errorsOf(refused.body)).toEqual({ "": ["common.errorsInForm"], title: required, description: required, trackId: required, videoUrl: required });
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);

    const complete = { ...submit, title: "Lapor Desa", description: "Jalan rusak", trackId: event.tracks[0]!.id, videoUrl: "https://youtu.be/dQw4w9WgXcQ" };
    expect((await call(async () => formAction(args(formRequest(path, complete, { cookie }), { teamId: team.id })))).status).toBe(302);
    const auto = await call(async () => formAction(args(formRequest(path, { intent: "autosave", title: "" }, { cookie }), { teamId: team.id })));
    expect(auto.status).toBe(400);
    expect(errorsOf(auto.body)).toEqual({ "": ["submission.errors.autosaveSubmitted"] });
    expect((await db.submission.findUniqueOrThrow({ where: { teamId: team.id } })).title).toBe("Lapor Desa");
  });

  it("stores a script payload in a text field as text and never renders it as HTML", async () => {
    const { team, path, cookie } = await teamSetup();
    const payload = `<script>alert("x")</script>`;
    await call(async () => formAction(args(formRequest(path, { intent: "save", title: payload, description: `${payload}\n\n[klik](javascript:alert(1))` }, { cookie }), { teamId: team.id })));
    const page = await call(async () => formLoader(args(getRequest(path, cookie), { teamId: team.id })));
    const s = (page.body as { submission: { title: string; descriptionHtml: string } }).submission;
    expect(s.title).toBe(payload);
    expect(s.descriptionHtml).not.toMatch(/<script|href="javascript/i);
    expect(s.descriptionHtml).toContain("&lt;script&gt;");
  });
});

describe("uploads through the form", () => {
  it("takes a real PDF attachment and a PNG cover", async () => {
    const { team, path, cookie } = await teamSetup();
    const pdf = await call(async () =>
      formAction(args(multipart(`${path}?unggah=lampiran`, { intent: "attach", file: file(demoPdf("Proposal"), "Proposal Tim.pdf", "application/pdf") }, cookie), { teamId: team.id })),
    );
    expect(pdf.status).toBe(302);
    const cover = await call(async () =>
      formAction(args(multipart(`${path}?unggah=sampul`, { intent: "cover", file: file(demoPng(32, 18, [1, 2, 3], [200, 100, 50]), "sampul.png", "image/png") }, cookie), { teamId: team.id })),
    );
    expect(cover.status).toBe(302);
    const s = await db.submission.findUniqueOrThrow({ where: { teamId: team.id }, include: { attachments: true } });
    expect(s.attachments.map((a) => [a.filename, a.kind, a.mime])).toEqual([["Proposal Tim.pdf", "pdf", "application/pdf"]]);
    expect(s.coverKey).toMatch(/^covers\//);
  });

  it("refuses an attachment over 20 MB while parsing, with the limit in the message", async () => {
    const { team, path, cookie } = await teamSetup();
    const before = storedFiles().length;
    const big = new Uint8Array(20 * 1024 * 1024 + 10);
    big.set(demoPdf("besar"));
    const res = await call(async () => formAction(args(multipart(`${path}?unggah=lampiran`, { intent: "attach", file: file(big, "besar.pdf", "application/pdf") }, cookie), { teamId: team.id })));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ fileError: { target: "attach", message: `submission.errors.file.tooLarge|${JSON.stringify({ max: "20 MB" })}` } });
    expect(storedFiles().length).toBe(before);
    expect(await db.attachment.count({ where: { submission: { teamId: team.id } } })).toBe(0);
  });

  it("refuses a cover over 5 MB and a cover that is not an image", async () => {
    const { team, path, cookie } = await teamSetup();
    const before = storedFiles().length;
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(demoPng(2, 2, [0, 0, 0], [1, 1, 1]));
    const tooBig = await call(async () => formAction(args(multipart(`${path}?unggah=sampul`, { intent: "cover", file: file(big, "b.png", "image/png") }, cookie), { teamId: team.id })));
    expect(tooBig.status).toBe(400);
    expect((tooBig.body as { fileError: { message: string } }).fileError.message).toBe(`submission.errors.file.tooLarge|${JSON.stringify({ max: "5 MB" })}`);
    const html = await call(async () =>
      formAction(args(multipart(`${path}?unggah=sampul`, { intent: "cover", file: file(strToU8("<html><script>alert(1)</script>"), "sampul.png", "image/png") }, cookie), { teamId: team.id })),
    );
    expect(html.status).toBe(400);
    expect((html.body as { fileError: { message: string } }).fileError.message).toBe("submission.errors.file.contentMismatch");
    const empty = await call(async () =>
      formAction(args(multipart(`${path}?unggah=sampul`, { intent: "cover", file: file(new Uint8Array(0), "", "application/octet-stream") }, cookie), { teamId: team.id })),
    );
    expect((empty.body as { fileError: { message: string } }).fileError.message).toBe("submission.errors.file.missing");
    expect(storedFiles().length).toBe(before);
    expect(await db.submission.count({ where: { teamId: team.id } })).toBe(0);
  });
});

describe("downloads", () => {
  it("serves attachments as downloads to the team, organizers and assigned judges only", async () => {
    const { event, team, path, cookie } = await teamSetup();
    await call(async () => formAction(args(multipart(`${path}?unggah=lampiran`, { intent: "attach", file: file(demoPdf("P"), "Proposal.pdf", "application/pdf") }, cookie), { teamId: team.id })));
    const attachment = await db.attachment.findFirstOrThrow({ where: { submission: { teamId: team.id } } });
    const url = `/berkas/${attachment.id}`;
    const get = async (c?: string) => call(async () => downloadLoader(args(getRequest(url, c), { attachmentId: attachment.id })));

    const own = await get(cookie);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment; filename="Proposal.pdf"/);
    expect(own.headers.get("Content-Type")).toBe("application/pdf");
    expect((await get(await cookieFor((await makeOrganizer(event.id)).id))).status).toBe(200);

    const judge = await makeUser("Juri");
    await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    expect((await get(await cookieFor(judge.id))).status).toBe(404);
    const round = await db.round.findFirstOrThrow({ where: { eventId: event.id } });
    await db.assignment.create({ data: { roundId: round.id, judgeId: judge.id, submissionId: attachment.submissionId } });
    expect((await get(await cookieFor(judge.id))).status).toBe(200);

    expect((await get()).status).toBe(404);
    expect((await get(await cookieFor((await makeUser()).id))).status).toBe(404);
  });

  it("shows the cover to the public only once the project is in a published gallery", async () => {
    const { event, team, path, cookie } = await teamSetup();
    await call(async () =>
      formAction(args(multipart(`${path}?unggah=sampul`, { intent: "cover", file: file(demoPng(8, 8, [0, 0, 0], [9, 9, 9]), "s.png", "image/png") }, cookie), { teamId: team.id })),
    );
    const s = await db.submission.findUniqueOrThrow({ where: { teamId: team.id } });
    const get = (c?: string) => call(async () => coverLoader(args(getRequest(`/berkas/sampul/${s.id}`, c), { submissionId: s.id })));
    expect((await get(cookie)).status).toBe(200);
    expect((await get()).status).toBe(404);
    await db.event.update({ where: { id: event.id }, data: { galleryPublished: true } });
    expect((await get()).status).toBe(404); // still a draft
    await db.submission.update({ where: { id: s.id }, data: { status: "SUBMITTED" } });
    const pub = await get();
    expect(pub.status).toBe(200);
    expect(pub.headers.get("Content-Type")).toBe("image/png");
    expect(pub.headers.get("Content-Disposition")).toMatch(/^inline/);
  });
});

async function galleryEvent() {
  const event = await openEvent({ galleryPublished: true });
  const [t0, t1] = event.tracks;
  const [r0, r1] = event.regions;
  const make = async (title: string, status: "DRAFT" | "SUBMITTED", teamStatus: "ACCEPTED" | "PENDING", track = t0!, region = r0!, description = "Deskripsi") => {
    const { team } = await makeTeam(event.id, { status: teamStatus, regionId: region.id, members: 1 });
    return db.submission.create({
      data: {
        eventId: event.id,
        teamId: team.id,
        title,
        tagline: `${title} ringkas`,
        description,
        status,
        trackId: track.id,
        submittedAt: status === "SUBMITTED" ? new Date() : null,
        firstSubmittedAt: status === "SUBMITTED" ? new Date() : null,
      },
    });
  };
  const a = await make("Lapor Desa", "SUBMITTED", "ACCEPTED");
  const b = await make("Saring Kabar Ümat", "SUBMITTED", "ACCEPTED", t1!, r1!);
  const draft = await make("Draf Rahasia", "DRAFT", "ACCEPTED");
  const pending = await make("Tim Belum Lolos", "SUBMITTED", "PENDING");
  const hostile = await make(
    `<img src=x onerror=alert(1)>`,
    "SUBMITTED",
    "ACCEPTED",
    t0!,
    r0!,
    `<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n[x](javascript:alert(1))`,
  );
  return { event, a, b, draft, pending, hostile };
}

describe("the public gallery", () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({ ...i18nConfig, lng: "id" });
  });

  it("is 404 for the public until published, with a preview for organizers", async () => {
    const event = await openEvent();
    const anon = await call(async () => galleryLoader(args(getRequest(`/acara/${event.slug}/galeri`), { slug: event.slug })));
    expect(anon.status).toBe(404);
    const organizer = await makeOrganizer(event.id);
    const preview = await call(async () => galleryLoader(args(getRequest(`/acara/${event.slug}/galeri`, await cookieFor(organizer.id)), { slug: event.slug })));
    expect(preview.status).toBe(200);
    expect((preview.body as { preview: boolean }).preview).toBe(true);
  });

  it("lists only submitted projects of accepted teams, with track, region and accent-insensitive search", async () => {
    const { event, a, b } = await galleryEvent();
    const list = async (query = "") => {
      const res = await call(async () => galleryLoader(args(getRequest(`/acara/${event.slug}/galeri${query}`), { slug: event.slug })));
      return (res.body as { projects: { title: string }[] }).projects.map((p) => p.title);
    };
    expect((await list()).sort()).toEqual([a.title, b.title, `<img src=x onerror=alert(1)>`].sort());
    expect(await list(`?bidang=${b.trackId}`)).toEqual([b.title]);
    expect(await list(`?cari=&wilayah=&bidang=${b.trackId}`)).toEqual([b.title]);
    expect(await list(`?wilayah=${event.regions[1]!.id}`)).toEqual([b.title]);
    expect(await list("?cari=umat")).toEqual([b.title]);
    expect(await list("?cari=rahasia")).toEqual([]);
  });

  it("shows a project page only for public projects, and a hostile one renders no script", async () => {
    const { event, a, draft, pending, hostile } = await galleryEvent();
    const get = (id: string) => call(async () => projectLoader(args(getRequest(`/acara/${event.slug}/proyek/${id}`), { slug: event.slug, submissionId: id })));
    expect((await get(a.id)).status).toBe(200);
    expect((await get(draft.id)).status).toBe(404);
    expect((await get(pending.id)).status).toBe(404);

    const res = await get(hostile.id);
    const project = (res.body as { project: Parameters<typeof ProjectView>[0]["project"] }).project;
    const html = renderToStaticMarkup(createElement(ProjectView, { project }));
    expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("counts down from the server's clock and warns only in the last hour", () => {
    const close = new Date("2026-11-23T16:59:00.000Z");
    const at = (msBefore: number) => renderToStaticMarkup(createElement(Countdown, { look: "line", serverNowMs: close.getTime() - msBefore, targetMs: close.getTime() }));
    expect(at(2 * HOUR + 5 * 60_000)).toContain("2 jam 5 menit 0 detik");
    expect(at(2 * HOUR)).not.toContain("Kurang dari 1 jam lagi");
    expect(at(HOUR)).toContain("Kurang dari 1 jam lagi");
    expect(at(90_000)).toContain("1 menit 30 detik");
    expect(at(0)).toContain("Selesai");
  });

  it("embeds YouTube videos through the privacy-enhanced domain", async () => {
    const html = renderToStaticMarkup(
      createElement(ProjectView, {
        project: {
          title: "Video",
          tagline: "",
          teamName: "Tim",
          trackName: "",
          regionName: "",
          coverUrl: null,
          videoUrl: "https://youtu.be/dQw4w9WgXcQ",
          repoUrl: null,
          demoUrl: null,
          descriptionHtml: "",
        },
      }),
    );
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
  });
});

describe("the organizer's submissions page", () => {
  it("is only for the event's organizers", async () => {
    const event = await openEvent();
    const res = await call(async () => organizerLoader(args(getRequest(`/kelola/${event.slug}/karya`, await cookieFor((await makeUser()).id)), { slug: event.slug })));
    expect(res.status).toBe(404);
    const other = await openEvent();
    const foreign = await makeOrganizer(other.id);
    const csv = await call(async () => csvLoader(args(getRequest(`/kelola/${event.slug}/karya.csv`, await cookieFor(foreign.id)), { slug: event.slug })));
    expect(csv.status).toBe(404);
  });

  it("lists accepted teams with completeness checks and filters by status, track, lateness and extension", async () => {
    const { event, a } = await galleryEvent();
    const late = await makeTeam(event.id, { name: "Tim Terlambat" });
    await db.extension.create({
      data: { teamId: late.team.id, kind: "SUBMISSION", until: new Date(event.submissionClosesAt.getTime() + HOUR), reason: "Listrik padam", grantedById: late.captain.id },
    });
    await db.submission.create({
      data: {
        eventId: event.id,
        teamId: late.team.id,
        title: "Telat",
        status: "SUBMITTED",
        submittedAt: new Date(event.submissionClosesAt.getTime() + 1000),
        videoUrl: "https://youtu.be/dQw4w9WgXcQ",
      },
    });
    await makeTeam(event.id, { name: "Tim Belum Mulai" });
    const cookie = await cookieFor((await makeOrganizer(event.id)).id);
    type Row = { title: string; status: string; late: boolean; missing: string[]; teamName: string };
    const rows = async (query = "") => ((await call(async () => organizerLoader(args(getRequest(`/kelola/${event.slug}/karya${query}`, cookie), { slug: event.slug })))).body as { rows: Row[] }).rows;

    const all = await rows();
    expect(all.map((r) => r.title)).not.toContain("Tim Belum Lolos");
    expect(all.find((r) => r.title === a.title)?.missing).toEqual(["video", "file"]);
    expect(all.find((r) => r.title === "Telat")).toMatchObject({ late: true, missing: ["description", "file"] });
    expect((await rows("?status=DRAFT")).map((r) => r.title)).toEqual(["Draf Rahasia"]);
    // A GET form sends empty fields too; they (and unknown values) must not cancel the others.
    expect((await rows("?cari=&bidang=&wilayah=&status=DRAFT&waktu=")).map((r) => r.title)).toEqual(["Draf Rahasia"]);
    expect((await rows("?status=DRAFT&waktu=kapan-saja")).map((r) => r.title)).toEqual(["Draf Rahasia"]);
    expect((await rows("?status=NONE")).map((r) => r.teamName)).toEqual(["Tim Belum Mulai"]);
    expect((await rows("?waktu=terlambat")).map((r) => r.title)).toEqual(["Telat"]);
    expect((await rows("?waktu=perpanjangan")).map((r) => r.title)).toEqual(["Telat"]);
    expect((await rows(`?bidang=${event.tracks[1]!.id}`)).map((r) => r.title)).toEqual(["Saring Kabar Ümat"]);
  });

  it("exports CSV with a BOM, quoting and formula guarding", async () => {
    const event = await openEvent();
    const { team } = await makeTeam(event.id, { name: '=HYPERLINK("http://evil.example")' });
    await db.submission.create({ data: { eventId: event.id, teamId: team.id, title: 'Aplikasi "Desa", Pintar', tagline: "+62812 hubungi", status: "DRAFT" } });
    const cookie = await cookieFor((await makeOrganizer(event.id)).id);
    const res = await csvLoader(args(getRequest(`/kelola/${event.slug}/karya.csv`, cookie), { slug: event.slug }));
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFFTim,KIM,Wilayah,Bidang,Judul")).toBe(true);
    const line = text.split("\r\n")[1] ?? "";
    expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"")"`)).toBe(true);
    expect(line).toContain(`"Aplikasi ""Desa"", Pintar"`);
    expect(line).toContain(`'+62812 hubungi`);
  });

  it("publishes and unpublishes the gallery, auditing each change", async () => {
    const event = await openEvent();
    const organizer = await makeOrganizer(event.id);
    const cookie = await cookieFor(organizer.id);
    const post = (published: string) => call(async () => organizerAction(args(formRequest(`/kelola/${event.slug}/karya`, { intent: "gallery", published }, { cookie }), { slug: event.slug })));
    expect((await post("true")).status).toBe(302);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).galleryPublished).toBe(true);
    await post("false");
    const logs = await db.auditLog.findMany({ where: { eventId: event.id }, orderBy: { at: "asc" } });
    expect(logs.map((l) => [l.action, l.actorId, l.before, l.after])).toEqual([
      ["gallery.publish", organizer.id, '{"galleryPublished":false}', '{"galleryPublished":true}'],
      ["gallery.unpublish", organizer.id, '{"galleryPublished":true}', '{"galleryPublished":false}'],
    ]);
    const stranger = await cookieFor((await makeUser()).id);
    const refused = await call(async () => organizerAction(args(formRequest(`/kelola/${event.slug}/karya`, { intent: "gallery", published: "true" }, { cookie: stranger }), { slug: event.slug })));
    expect(refused.status).toBe(404);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).galleryPublished).toBe(false);
  });

  it("opens a project with its revision history, but not one from another event", async () => {
    const { event, a } = await galleryEvent();
    await db.submissionRevision.createMany({
      data: [
        { submissionId: a.id, number: 1, title: "Lapor", tagline: "", description: "baris satu\n", authorId: (await makeUser()).id },
        { submissionId: a.id, number: 2, title: "Lapor Desa", tagline: "", description: "baris satu\nbaris dua\n", authorId: (await makeUser("Sri")).id },
      ],
    });
    const cookie = await cookieFor((await makeOrganizer(event.id)).id);
    const res = await call(async () => organizerDetailLoader(args(getRequest(`/kelola/${event.slug}/karya/${a.id}`, cookie), { slug: event.slug, submissionId: a.id })));
    const revisions = (res.body as { revisions: { number: number; authorName: string; changes: { field: string }[] }[] }).revisions;
    expect(revisions.map((r) => [r.number, r.authorName, r.changes.map((c) => c.field)])).toEqual([
      [2, "Sri", ["title", "description"]],
      [1, "Peserta Uji", []],
    ]);
    const other = await openEvent();
    const otherCookie = await cookieFor((await makeOrganizer(other.id)).id);
    const foreign = await call(async () => organizerDetailLoader(args(getRequest(`/kelola/${other.slug}/karya/${a.id}`, otherCookie), { slug: other.slug, submissionId: a.id })));
    expect(foreign.status).toBe(404);
  });
});
