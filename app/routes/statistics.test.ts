import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as publicPage from "~/routes/acara.$slug_.statistik";
import * as page from "~/routes/kelola.$slug.statistik";
import { loader as csvLoader } from "~/routes/kelola.$slug.statistik[.]csv";
import { loader as pdfLoader } from "~/routes/kelola.$slug.statistik[.]pdf";
import { db } from "~/services/db.server";
import { args, makeUser, organizedEvent } from "~/test/event-helpers";
import { renderRoute } from "~/test/render-route";
import { call, formRequest, getRequest } from "~/test/request";

/**
 * An organized, public event with eight teams: three accepted in Surabaya (one submitted), one in
 * Pacitan, four pending without a region; pools mahasiswa/KIM; a judge with one open assignment.
 */
async function world(opts: { isPublic?: boolean } = {}) {
  const { event, organizer } = await organizedEvent({
    isPublic: opts.isPublic ?? true,
    pools: [
      { key: "mahasiswa", label: "Mahasiswa", quota: 5 },
      { key: "kim", label: "Anggota KIM", quota: 2 },
    ],
  });
  const regions = await db.region.findMany({ where: { eventId: event.id } });
  const region = (name: string) => regions.find((r) => r.name === name)!.id;
  const teams = [];
  for (let i = 0; i < 8; i++) {
    const code = randomBytes(6).toString("hex");
    const status = i < 3 ? "ACCEPTED" : "PENDING";
    const regionId = i < 3 ? region("Kota Surabaya") : i === 3 ? region("Kabupaten Pacitan") : null;
    const team = await db.team.create({ data: { eventId: event.id, name: `Tim ${code}`, nameKey: `tim ${code}`, inviteCode: code, inviteToken: `tok-${code}`, status, regionId } });
    const member = await makeUser({ name: `Anggota Rahasia ${i}` });
    await db.teamMember.create({ data: { teamId: team.id, eventId: event.id, userId: member.id, role: "CAPTAIN", pool: i % 2 ? "kim" : "mahasiswa" } });
    teams.push({ team, member });
  }
  const submission = await db.submission.create({ data: { eventId: event.id, teamId: teams[0]!.team.id, title: "Karya Uji", status: "SUBMITTED" } });
  const judge = await makeUser({ name: "Juri Bernama Jelas" });
  await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
  const round = await db.round.findFirstOrThrow({ where: { eventId: event.id }, orderBy: { order: "asc" } });
  await db.assignment.create({ data: { roundId: round.id, judgeId: judge.id, submissionId: submission.id } });
  return { event, organizer, judge, participant: teams[0]!.member, submission };
}

async function publish(eventId: string, actorId: string) {
  await db.publication.create({ data: { eventId, method: "zscore", document: "{}", sha256: randomBytes(32).toString("hex"), publishedById: actorId, publishedAt: new Date() } });
}

const path = (slug: string, rest = "") => `/kelola/${slug}/statistik${rest}`;

describe("the organizer's statistics page", () => {
  it("shows the key figures, the funnel, the tile map with its table, pools and judging, with text alternatives, in both languages", async () => {
    const { event, organizer } = await world();
    const id = await renderRoute(page, "/kelola/:slug/statistik", getRequest(path(event.slug), organizer.cookie));
    expect(id.status).toBe(200);
    expect(id.html).toContain("Tim terdaftar");
    // The funnel: an SVG with a summary of every stage, numbers the Indonesian way (37,5%).
    expect(id.html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Grafik tahap peserta\. Terdaftar: 8 tim \(100%[^"]*Diterima: 3 tim \(37,5% dari yang terdaftar\)[^"]*Pemenang: diketahui setelah hasil diumumkan\."/,
    );
    // The map: one square per region, each with its own title, and the same numbers as a table.
    expect(id.html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Peta petak 38 kabupaten\/kota/);
    expect(id.html).toContain("<title>Kota Surabaya: 3 tim</title>");
    expect(id.html.match(/<title>[^<]*: \d+ tim<\/title>/g)).toHaveLength(38);
    expect(id.html).toMatch(/<th scope="row"[^>]*>Kota Surabaya<\/th><td[^>]*>3<\/td><td[^>]*>3<\/td><td[^>]*>3<\/td>/);
    expect(id.html).toContain("Tanpa wilayah");
    // Registrations: a chart with a summary and a table behind it.
    expect(id.html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Grafik pendaftaran: 8 tim dari/);
    expect(id.html).toContain("Anggota KIM");
    expect(id.html).toContain("0 dari 1 penilaian final (0%)");
    expect(id.html).toContain("Juri Bernama Jelas");
    expect(id.html).toContain(`href="/kelola/${event.slug}/statistik.csv"`);
    expect(id.html).toContain(`href="/kelola/${event.slug}/statistik.pdf"`);
    expect(id.html).toContain("Tidak tampil untuk publik.");

    const en = await renderRoute(page, "/kelola/:slug/statistik", getRequest(path(event.slug, "?lng=en"), organizer.cookie), { language: "en" });
    expect(en.html).toContain("Accepted: 3 teams (37.5% of those registered)");
    expect(en.html).toContain("<title>Kota Surabaya: 3 teams</title>");
    expect(en.html).toContain("Teams registered");
  });

  it("is there for organizers only: judges and participants get 404, anonymous visitors go to log in", async () => {
    const { event, judge, participant } = await world();
    const [judgeCookie, participantCookie] = [judge.cookie, participant.cookie];
    for (const loader of [page.loader, csvLoader, pdfLoader]) {
      for (const cookie of [judgeCookie, participantCookie]) expect((await call(() => loader(args(getRequest(path(event.slug), cookie), { slug: event.slug })))).status).toBe(404);
      const anonymous = await call(() => loader(args(getRequest(path(event.slug)), { slug: event.slug })));
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toMatch(/^\/masuk\?redirectTo=/);
    }
    const write = await call(() => page.action(args(formRequest(path(event.slug), { on: "1" }, { cookie: judgeCookie }), { slug: event.slug })));
    expect(write.status).toBe(404);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).statisticsPublic).toBe(false);
  });

  it("downloads every figure as one CSV with a section column, recorded in the audit log", async () => {
    const { event, organizer } = await world();
    const res = await csvLoader(args(getRequest(path(event.slug, ".csv"), organizer.cookie), { slug: event.slug }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain(`statistik-${event.slug}.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    // UTF-8 with a byte-order mark, so Excel reads the names right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("section,item,code,measure,value");
    expect(lines).toContain("totals,Seluruhnya,,teams,8");
    expect(lines).toContain("funnel,Diterima,accepted,share,0.375");
    expect(lines).toContain("funnel,Pemenang,winner,teams,");
    expect(lines).toContain("regions,Kota Surabaya,35.78,teams,3");
    expect(lines).toContain("regions,Tanpa wilayah,,teams,4");
    expect(lines).toContain("pools,Anggota KIM,kim,people,4");
    expect(lines).toContain("judges,Juri Bernama Jelas,,assignments,1");
    const log = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "personal.export" } });
    expect(log.actorId).toBe(organizer.id);
    expect(JSON.parse(log.after ?? "{}")).toEqual({ export: "statistics", format: "csv", rows: lines.length - 1 });
  });

  it("prints a one-page PDF report", async () => {
    const { event, organizer } = await world();
    const res = await pdfLoader(args(getRequest(path(event.slug, ".pdf"), organizer.cookie), { slug: event.slug }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`Laporan statistik — ${event.name}`);
    expect(doc.getSubject()).toMatch(/^Dibuat \w+, \d+ \w+ \d{4} \d{2}\.\d{2} WIB$/);
  });

  it("switches the public page on and off; bad input gets a localized 400 and writes nothing", async () => {
    const { event, organizer } = await world();
    const post = (fields: Record<string, string>) => call(() => page.action(args(formRequest(path(event.slug), fields, { cookie: organizer.cookie }), { slug: event.slug })));
    for (const fields of [{}, { on: "ya" }] as Record<string, string>[]) {
      const bad = await post(fields);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain("validation.invalid");
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).statisticsPublic).toBe(false);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "statistics.update" } })).toBe(0);

    const on = await post({ on: "1" });
    expect(on.status).toBe(302);
    expect(on.headers.get("Location")).toBe(`${path(event.slug)}?tersimpan=on`);
    const shown = await renderRoute(page, "/kelola/:slug/statistik", getRequest(path(event.slug, "?tersimpan=on"), organizer.cookie));
    expect(shown.html).toContain("Statistik publik dinyalakan.");
    expect(shown.html).toContain("Menyala: tampil setelah hasil diumumkan.");
    expect(shown.html).toContain("Sembunyikan dari publik");
    expect((await post({ on: "0" })).status).toBe(302);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).statisticsPublic).toBe(false);
  });
});

describe("the public statistics page", () => {
  const open = (slug: string, cookie?: string) => call(() => publicPage.loader(args(getRequest(`/acara/${slug}/statistik`, cookie), { slug })));

  it("is 404 until the organizers switch it on and the results are published, then shows counts without names", async () => {
    const { event, organizer } = await world();
    expect((await open(event.slug)).status).toBe(404);
    await db.event.update({ where: { id: event.id }, data: { statisticsPublic: true } });
    expect((await open(event.slug)).status).toBe(404);
    expect((await open(event.slug, organizer.cookie)).status).toBe(404);
    await publish(event.id, organizer.id);
    const res = await open(event.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("public");
    const body = JSON.stringify(res.body);
    expect(body).not.toContain("Juri Bernama Jelas");
    expect(body).not.toContain("Anggota Rahasia");
    expect(body).not.toContain("judges");

    const html = (await renderRoute(publicPage, "/acara/:slug/statistik", getRequest(`/acara/${event.slug}/statistik`))).html;
    expect(html).toContain("<h1");
    expect(html).toContain("<title>Kota Surabaya: 3 tim</title>");
    expect(html).toContain("Pemenang: 0 tim (0% dari yang terdaftar)");
    expect(html).not.toContain("Juri Bernama Jelas");
    expect(html).not.toContain("Anggota Rahasia");

    await db.event.update({ where: { id: event.id }, data: { statisticsPublic: false } });
    expect((await open(event.slug)).status).toBe(404);
  });

  it("stays 404 for a private event even when switched on and published", async () => {
    const { event, organizer } = await world({ isPublic: false });
    await db.event.update({ where: { id: event.id }, data: { statisticsPublic: true } });
    await publish(event.id, organizer.id);
    expect((await open(event.slug)).status).toBe(404);
    expect((await open("tidak-ada-acara-ini")).status).toBe(404);
  });
});
