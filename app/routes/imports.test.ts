// The organizer's import pages and the place-claiming link, through their loaders and actions:
// preview, confirm, repeat, broken files, the body limit, templates, who may use them.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/domain/csv";
import { action as judgeAction, loader as judgeLoader } from "~/routes/kelola.$slug.tim-panitia_.impor";
import { loader as judgeTemplate } from "~/routes/kelola.$slug.tim-panitia_.impor_.templat";
import { action as teamAction, loader as teamLoader } from "~/routes/kelola.$slug.tim_.impor";
import { loader as teamTemplate } from "~/routes/kelola.$slug.tim_.impor_.templat";
import { action as claimAction, loader as claimLoader } from "~/routes/gabung.tempat.$token";
import { loader as inviteLoader } from "~/routes/undangan.$token";
import { loader as teamPageLoader } from "~/routes/tim.$teamId._index";
import { loader as screeningTeamLoader } from "~/routes/kelola.$slug.tim_.$teamId";
import { db } from "~/services/db.server";
import { tFor } from "~/services/i18n.server";
import { guardAction } from "~/services/request-body.server";
import { databaseFingerprint } from "~/test/db-fingerprint";
import { args, makeUser, multipartRequest, organizedEvent, outbox } from "~/test/event-helpers";
import { BASE, call, formRequest, getRequest } from "~/test/request";
import { msg, readMessage } from "~/validation/message";

type Body = { intent?: string; error?: string; preview?: { payload: string; digest: string; result: { counts: Record<string, number> } }; changed?: boolean };

const judgesCsv = (rows: string[][]) => new File([toCsv(rows)], "juri.csv", { type: "text/csv" });
const JUDGES = [
  ["Nama", "Email", "Instansi", "Wilayah", "KIM"],
  ["Budi Santoso", "budi.impor@contoh.id", "Unmer", "Kota Madiun", ""],
  ["Sari Wulandari", "sari.impor@contoh.id", "", "35.19", "KIM Maju"],
  ["Tanpa Email", "", "", "", ""],
];

type Act = (a: ReturnType<typeof args>) => Promise<unknown>;

/** A message as the page shows it in `lang`. */
async function shown(message: string | undefined, lang: "id" | "en") {
  const { key, params } = readMessage(message ?? "");
  return (await tFor(lang))(key, params);
}

async function setup() {
  const { event, organizer } = await organizedEvent();
  const path = `/kelola/${event.slug}/tim-panitia/impor`;
  const teamPath = `/kelola/${event.slug}/tim/impor`;
  const upload = (file: File, cookie = organizer.cookie, at = path, act: Act = judgeAction) => {
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", file);
    return call(() => act(args(multipartRequest(at, form, cookie), { slug: event.slug })));
  };
  const confirm = (preview: { payload: string; digest: string }, cookie = organizer.cookie, at = path, act: Act = judgeAction) => {
    const form = new FormData();
    form.append("intent", "confirm");
    form.append("payload", preview.payload);
    form.append("digest", preview.digest);
    return call(() => act(args(multipartRequest(at, form, cookie), { slug: event.slug })));
  };
  return { event, organizer, path, teamPath, upload, confirm };
}

describe("importing judges", () => {
  it("shows a preview, writes nothing until confirmed, then mails the invites and lands on the staff page", async () => {
    const { event, upload, confirm, path, organizer } = await setup();
    const page = await call(() => judgeLoader(args(getRequest(path, organizer.cookie), { slug: event.slug })));
    expect(page.status).toBe(200);
    const before = await databaseFingerprint({ except: ["AuditLog", "RateLimiterFlexible"] });
    const previewed = await upload(judgesCsv(JUDGES));
    expect(previewed.status).toBe(200);
    const body = previewed.body as Body;
    expect(body.preview?.result.counts).toEqual({ rows: 3, ready: 2, skipped: 0, errors: 1 });
    expect(await databaseFingerprint({ except: ["AuditLog", "RateLimiterFlexible"] })).toEqual(before);

    const mailsBefore = outbox().length;
    const done = await confirm(body.preview!);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/kelola/${event.slug}/tim-panitia?tersimpan=judgesImported`);
    const mails = outbox().slice(mailsBefore);
    expect(mails.filter((m) => /To: (budi|sari)\.impor@contoh\.id/.test(m.text) && m.text.includes("/undangan/"))).toHaveLength(2);
    expect(await db.invite.count({ where: { eventId: event.id } })).toBe(2);

    // The same file again: every row already invited, nothing new, no mail.
    const again = (await upload(judgesCsv(JUDGES))).body as Body;
    expect(again.preview?.result.counts).toEqual({ rows: 3, ready: 0, skipped: 2, errors: 1 });
    const mailsThen = outbox().length;
    expect((await confirm(again.preview!)).status).toBe(302);
    expect(outbox().length).toBe(mailsThen);
    expect(await db.invite.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("shows the judge the affiliation the organizer recorded instead of asking for it", async () => {
    const { upload, confirm } = await setup();
    const judge = await makeUser();
    const previewed = (await upload(judgesCsv([JUDGES[0]!, ["Juri", judge.email, "Diskominfo", "Kota Madiun", "KIM Pecel"]]))).body as Body;
    const mailsBefore = outbox().length;
    await confirm(previewed.preview!);
    const link = outbox()
      .slice(mailsBefore)
      .map((m) => /\/undangan\/([\w-]+)/.exec(m.text)?.[1])
      .find(Boolean)!;
    const page = await call(() => inviteLoader(args(getRequest(`/undangan/${link}`, judge.cookie), { token: link })));
    expect(page.body).toMatchObject({ state: "valid", invite: { recorded: "Kota Madiun · KIM Pecel · Diskominfo" }, regions: [] });
  });

  it("answers a broken or missing file with its localized reason and writes nothing", async () => {
    const { upload, path, event, organizer } = await setup();
    const before = await databaseFingerprint({ except: ["RateLimiterFlexible"] });
    const missing = await upload(
      judgesCsv([
        ["Nama", "Kabupaten/Kota"],
        ["Budi", "Kota Batu"],
      ]),
    );
    expect(missing.status).toBe(400);
    expect((missing.body as Body).error).toBe(msg("import.file.missingColumns", { columns: "Email" }));
    const headless = await upload(judgesCsv([["Budi", "budi@contoh.id"]]));
    expect(headless.status).toBe(400);
    expect((headless.body as Body).error).toBe(msg("import.file.noHeader", { columns: "Nama, Email" }));
    const twice = await upload(
      judgesCsv([
        ["Nama", "Name", "Email"],
        ["Budi", "Budi", "budi@contoh.id"],
      ]),
    );
    expect((twice.body as Body).error).toBe(msg("import.file.duplicateColumn", { column: "Nama" }));
    const quote = await upload(new File(['Nama,Email\n"Budi,budi@contoh.id\n'], "juri.csv"));
    expect((quote.body as Body).error).toBe(msg("import.file.unclosedQuote", { line: 2 }));
    const old = await upload(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3])], "juri.xls"));
    expect((old.body as Body).error).toBe("import.file.oldExcel");
    const none = await call(() => judgeAction(args(formRequest(path, { intent: "preview" }, { cookie: organizer.cookie }), { slug: event.slug })));
    expect(none.status).toBe(400);
    expect((none.body as Body).error).toBe("import.file.noFile");
    const damaged = await call(() => judgeAction(args(formRequest(path, { intent: "confirm", payload: "[]", digest: "x" }, { cookie: organizer.cookie }), { slug: event.slug })));
    expect(damaged.status).toBe(400);
    expect((damaged.body as Body).error).toBe("import.file.damaged");
    const altered = await call(() => judgeAction(args(formRequest(path, { intent: "confirm", payload: "{bukan json", digest: "a".repeat(64) }, { cookie: organizer.cookie }), { slug: event.slug })));
    expect(altered.status).toBe(400);
    expect((altered.body as Body).error).toBe("import.file.damaged");
    expect(await databaseFingerprint({ except: ["RateLimiterFlexible"] })).toEqual(before);
  });

  it("tells a file just over the import size apart from a body over the route's limit", async () => {
    const { event, organizer, path } = await setup();
    const post = (bytes: number) => {
      const form = new FormData();
      form.append("intent", "preview");
      form.append("file", new File([new Uint8Array(bytes).fill(0x61)], "besar.csv"));
      return call(async () => guardAction("routes/kelola.$slug.tim-panitia_.impor", judgeAction)(args(multipartRequest(path, form, organizer.cookie), { slug: event.slug })));
    };
    const over = await post(2 * 1024 * 1024 + 10);
    expect(over.status).toBe(400);
    expect((over.body as Body).error).toBe(msg("import.file.tooLarge", { size: "2 MB" }));
    expect(await shown((over.body as Body).error, "id")).toBe("Berkas terlalu besar (maksimal 2 MB). Bagi menjadi beberapa berkas.");
    expect((await post(3 * 1024 * 1024)).status).toBe(413);
  });

  it("shows the new preview instead of writing when the event changed since", async () => {
    const { event, organizer, upload, confirm } = await setup();
    const previewed = (await upload(judgesCsv(JUDGES))).body as Body;
    const judge = await makeUser();
    await db.user.update({ where: { id: judge.id }, data: { email: "sari.impor@contoh.id" } });
    await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    const res = await confirm(previewed.preview!, organizer.cookie);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ changed: true, preview: { result: { counts: { ready: 1, skipped: 1 } } } });
    expect(await db.invite.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("is the event's organizers' only: others get 404 (anonymous visitors the login page) and nothing is written", async () => {
    const { event, path, upload, confirm } = await setup();
    const previewed = (await upload(judgesCsv(JUDGES))).body as Body;
    const participant = await makeUser();
    const { organizer: elsewhere } = await organizedEvent();
    const before = await databaseFingerprint({ except: ["RateLimiterFlexible"] });
    for (const cookie of [participant.cookie, elsewhere.cookie]) {
      expect((await call(() => judgeLoader(args(getRequest(path, cookie), { slug: event.slug })))).status).toBe(404);
      expect((await upload(judgesCsv(JUDGES), cookie)).status).toBe(404);
      expect((await confirm(previewed.preview!, cookie)).status).toBe(404);
      expect((await call(() => judgeTemplate(args(getRequest(`${path}/templat`, cookie), { slug: event.slug })))).status).toBe(404);
    }
    const anonymous = await call(() => judgeAction(args(formRequest(path, { intent: "confirm", payload: previewed.preview!.payload, digest: previewed.preview!.digest }), { slug: event.slug })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/masuk\?redirectTo=/);
    expect(await databaseFingerprint({ except: ["RateLimiterFlexible"] })).toEqual(before);
  });
});

describe("templates", () => {
  it("downloads CSV with the headers in the reader's language and XLSX with Text columns and the event's lists", async () => {
    const { event, organizer, path, teamPath } = await setup();
    const csvId = await judgeTemplate(args(getRequest(`${path}/templat?format=csv`, organizer.cookie), { slug: event.slug }));
    expect(csvId.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await csvId.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("Nama,Email,Instansi,Wilayah,KIM\r\n");
    const csvEn = await teamTemplate(args(getRequest(`${teamPath}/templat?format=csv&lng=en`, organizer.cookie), { slug: event.slug }));
    expect(await csvEn.text()).toBe("Team name,Track,Region,KIM name,Institution,Member name,Member email,WhatsApp,Pool\r\n");
    const xlsx = await teamTemplate(args(getRequest(`${teamPath}/templat`, organizer.cookie), { slug: event.slug }));
    expect(xlsx.headers.get("Content-Disposition")).toContain("templat-impor-tim.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const [sheet, help] = workbook.worksheets;
    expect(sheet!.getRow(1).values).toEqual([undefined, "Nama tim", "Bidang", "Wilayah", "Nama KIM", "Instansi", "Nama anggota", "Email anggota", "WhatsApp", "Kelompok"]);
    expect(sheet!.getColumn(8).numFmt).toBe("@");
    const helpText = help!.getSheetValues().flat().join("|");
    expect(helpText).toContain("Kabupaten Madiun|35.19");
    expect(helpText).toContain("Layanan Publik");
  });
});

const TEAMS = [
  ["Nama tim", "Bidang", "Wilayah", "Nama anggota", "Email anggota", "WhatsApp"],
  ["Tim Lumbung", "Layanan Publik", "Kota Batu", "Rina Kapten", "rina.lumbung@contoh.id", "081234567890"],
  ["Tim Lumbung", "", "", "Agus", "agus.lumbung@contoh.id", ""],
  ["Tim Lumbung", "", "", "Wati", "wati.lumbung@contoh.id", ""],
];

describe("importing teams and claiming a place", () => {
  it("registers the team, mails each member a link, and the right account claims its place", async () => {
    const { event, organizer, teamPath, upload, confirm } = await setup();
    const file = new File([toCsv(TEAMS)], "tim.csv");
    const previewed = (await upload(file, undefined, teamPath, teamAction)).body as Body;
    expect(previewed.preview?.result.counts).toMatchObject({ teamsReady: 1, ready: 3 });
    const mailsBefore = outbox().length;
    const done = await confirm(previewed.preview!, undefined, teamPath, teamAction);
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${teamPath}?tersimpan=teamsImported`);
    const mails = outbox().slice(mailsBefore);
    expect(mails).toHaveLength(3);
    const rinaMail = mails.find((m) => m.text.includes("To: rina.lumbung@contoh.id"))!;
    const token = /\/gabung\/tempat\/([\w-]+)/.exec(rinaMail.text)![1]!;
    const path = `/gabung/tempat/${token}`;

    const anonymousPage = await call(() => claimLoader(args(getRequest(path), { token })));
    expect(anonymousPage.body).toMatchObject({ invalid: false, signedIn: false, role: "CAPTAIN", team: { name: "Tim Lumbung" }, whatsapp: true });
    const anonymous = await call(() => claimAction(args(formRequest(path, {}), { token })));
    expect(anonymous.headers.get("Location")).toBe(`/masuk?redirectTo=${encodeURIComponent(path)}`);

    const stranger = await makeUser();
    const refused = await call(() => claimAction(args(formRequest(path, {}, { cookie: stranger.cookie }), { token })));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { "": ["seat.errors.wrongAccount"] } });

    const rina = await makeUser({ name: "Rina" });
    await db.user.update({ where: { id: rina.id }, data: { email: "rina.lumbung@contoh.id" } });
    const claimed = await call(() => claimAction(args(formRequest(path, {}, { cookie: rina.cookie }), { token })));
    expect(claimed.status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { eventId: event.id, name: "Tim Lumbung" } });
    expect(claimed.headers.get("Location")).toBe(`/tim/${team.id}?gabung=1`);
    expect(await db.teamMember.findFirstOrThrow({ where: { teamId: team.id, userId: rina.id } })).toMatchObject({ role: "CAPTAIN" });
    const used = await call(() => claimLoader(args(getRequest(path, rina.cookie), { token })));
    expect(used.status).toBe(404);

    // The team sees who is still to come by name; the organizers also see the addresses.
    const teamPage = await call(() => teamPageLoader(args(getRequest(`/tim/${team.id}`, rina.cookie), { teamId: team.id })));
    expect((teamPage.body as { waiting: unknown[] }).waiting).toEqual([expect.objectContaining({ name: "Agus", role: "MEMBER" }), expect.objectContaining({ name: "Wati" })]);
    expect(JSON.stringify((teamPage.body as { waiting: unknown[] }).waiting)).not.toContain("@");
    const screening = await call(() => screeningTeamLoader(args(getRequest(`/kelola/${event.slug}/tim/${team.id}`, organizer.cookie), { slug: event.slug, teamId: team.id })));
    expect((screening.body as { waiting: { email: string }[] }).waiting.map((w) => w.email)).toEqual(["agus.lumbung@contoh.id", "wati.lumbung@contoh.id"]);

    // The same file again: the team is registered already, nothing changes.
    const again = (await upload(new File([toCsv(TEAMS)], "tim.csv"), undefined, teamPath, teamAction)).body as Body;
    expect(again.preview?.result.counts).toMatchObject({ teamsReady: 0, teamsSkipped: 1 });
  });

  it("asks the captain, and only the captain, to agree to the event's own privacy notice", async () => {
    const { event, teamPath, upload, confirm } = await setup();
    await db.event.update({ where: { id: event.id }, data: { privacyNotice: "Foto kegiatan dipublikasikan." } });
    const previewed = (await upload(new File([toCsv(TEAMS.map((r) => r.map((c) => c.replace("lumbung@", "notice@"))))], "tim.csv"), undefined, teamPath, teamAction)).body as Body;
    const mailsBefore = outbox().length;
    await confirm(previewed.preview!, undefined, teamPath, teamAction);
    const tokenFor = (address: string) =>
      /\/gabung\/tempat\/([\w-]+)/.exec(
        outbox()
          .slice(mailsBefore)
          .find((m) => m.text.includes(`To: ${address}`))!.text,
      )![1]!;
    const member = await makeUser();
    await db.user.update({ where: { id: member.id }, data: { email: "agus.notice@contoh.id" } });
    const agus = tokenFor("agus.notice@contoh.id");
    expect((await call(() => claimLoader(args(getRequest(`/gabung/tempat/${agus}`, member.cookie), { token: agus })))).body).toMatchObject({ role: "MEMBER", notice: "" });
    expect((await call(() => claimAction(args(formRequest(`/gabung/tempat/${agus}`, {}, { cookie: member.cookie }), { token: agus })))).status).toBe(302);
    const rina = await makeUser();
    await db.user.update({ where: { id: rina.id }, data: { email: "rina.notice@contoh.id" } });
    const captainToken = tokenFor("rina.notice@contoh.id");
    const page = await call(() => claimLoader(args(getRequest(`/gabung/tempat/${captainToken}`, rina.cookie), { token: captainToken })));
    expect(page.body).toMatchObject({ role: "CAPTAIN", notice: "Foto kegiatan dipublikasikan." });
    const refused = await call(() => claimAction(args(formRequest(`/gabung/tempat/${captainToken}`, {}, { cookie: rina.cookie }), { token: captainToken })));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: { agreeEventNotice: ["privacy.eventNotice.required"] } });
    const agreed = await call(() => claimAction(args(formRequest(`/gabung/tempat/${captainToken}`, { agreeEventNotice: "on" }, { cookie: rina.cookie }), { token: captainToken })));
    expect(agreed.status).toBe(302);
    expect(await db.teamMember.findFirstOrThrow({ where: { userId: rina.id } })).toMatchObject({ role: "CAPTAIN", noticeAcceptedAt: expect.any(Date) });
  });

  it("names the missing columns as the reader's template names them", async () => {
    const { teamPath, upload } = await setup();
    const file = () => new File([toCsv(TEAMS.map((r) => r.slice(0, 4)))], "tim.csv");
    const id = (await upload(file(), undefined, teamPath, teamAction)).body as Body;
    expect(id.error).toBe(msg("import.file.missingColumns", { columns: "Email anggota" }));
    const en = await upload(file(), undefined, `${teamPath}?lng=en`, teamAction);
    expect(en.status).toBe(400);
    expect(await shown((en.body as Body).error, "en")).toBe("Required columns not found: Member email. Check the headers in the first row or use the template.");
  });

  it("refuses team imports to a judge of the event and to anonymous visitors", async () => {
    const { event, teamPath, upload } = await setup();
    const judge = await makeUser();
    await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    const before = await databaseFingerprint({ except: ["RateLimiterFlexible"] });
    expect((await upload(new File([toCsv(TEAMS)], "tim.csv"), judge.cookie, teamPath, teamAction)).status).toBe(404);
    expect((await call(() => teamLoader(args(getRequest(teamPath, judge.cookie), { slug: event.slug })))).status).toBe(404);
    const anonymous = await call(() => teamLoader(args(new Request(`${BASE}${teamPath}`), { slug: event.slug })));
    expect(anonymous.status).toBe(302);
    expect(await databaseFingerprint({ except: ["RateLimiterFlexible"] })).toEqual(before);
  });
});
