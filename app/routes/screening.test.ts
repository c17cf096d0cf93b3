import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as listRoute from "~/routes/kelola.$slug.tim";
import { action as listAction, loader as listLoader } from "~/routes/kelola.$slug.tim";
import { action as teamAction, loader as teamLoader } from "~/routes/kelola.$slug.tim_.$teamId";
import { loader as exportLoader } from "~/routes/kelola.$slug.tim_.ekspor";
import { action as joinAction } from "~/routes/gabung.$token";
import { utcToZonedLocal } from "~/domain/time";
import { db } from "~/services/db.server";
import { formActions, renderRoute } from "~/test/render-route";
import { BASE, call, formRequest, getRequest } from "~/test/request";
import { args, errorsOf, makeEvent, organizerOf, person, type Person } from "~/test/teams";

type Ev = Awaited<ReturnType<typeof makeEvent>>;

async function setup() {
  const ev = await makeEvent({ minTeamSize: 2, maxTeamSize: 3 });
  const org = await organizerOf(ev.id);
  const mk = async (name: string, fields: Partial<{ kimName: string; institution: string; regionId: string; members: number }> = {}) => {
    const members: Person[] = [];
    for (let i = 0; i < (fields.members ?? 2); i++) members.push(await person(`${name} ${i + 1}`));
    const team = await db.team.create({
      data: {
        eventId: ev.id,
        name,
        nameKey: name.toLowerCase(),
        kimName: fields.kimName ?? "KIM Sejahtera",
        institution: fields.institution ?? "Universitas Brawijaya",
        regionId: fields.regionId ?? ev.regionId,
        inviteCode: Math.random().toString(36).slice(2, 10).toUpperCase(),
        inviteToken: `tok-${Math.random().toString(36).slice(2)}${Date.now()}`,
        members: { create: members.map((m, i) => ({ eventId: ev.id, userId: m.id, role: i === 0 ? "CAPTAIN" : "MEMBER" })) },
      },
    });
    return { team, members };
  };
  return { ev, org, mk };
}

const list = (ev: Ev, who: Person, query = "") => call(() => listLoader(args(getRequest(`/kelola/${ev.slug}/tim${query}`, who.cookie), { slug: ev.slug })));
const bulk = (ev: Ev, who: Person, fields: [string, string][]) => {
  const body = new URLSearchParams(fields).toString();
  const req = new Request(`http://localhost:3000/kelola/${ev.slug}/tim`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: who.cookie, Origin: "http://localhost:3000" },
  });
  return call(() => listAction(args(req, { slug: ev.slug })));
};
const decide = (ev: Ev, who: Person, teamId: string, fields: Record<string, string>) =>
  call(() => teamAction(args(formRequest(`/kelola/${ev.slug}/tim/${teamId}`, fields, { cookie: who.cookie }), { slug: ev.slug, teamId })));

function mailsTo(email: string): string[] {
  const dir = join(process.env.DATA_DIR ?? "", "outbox");
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files.filter((f) => f.includes(email)).map((f) => readFileSync(join(dir, f), "utf8"));
}

type ListBody = {
  teams: { id: string; name: string; complete: boolean; status: string }[];
  counts: Record<string, number>;
  paging: { matching: number; page: number; pages: number; offset: number };
};

/** `n` teams without members, written at once, named "Tim 01" … with every third accepted. */
async function manyTeams(ev: Ev, n: number) {
  const teams = Array.from({ length: n }, (_, i) => {
    const name = `Tim ${String(i + 1).padStart(2, "0")}`;
    return {
      id: `tm${i}${Math.random().toString(36).slice(2, 10)}`,
      eventId: ev.id,
      name,
      nameKey: name.toLowerCase(),
      kimName: i === 40 ? "KIM Sumber Rejéki" : "KIM Sejahtera",
      institution: "Universitas Brawijaya",
      regionId: i % 2 ? ev.region2Id : ev.regionId,
      inviteCode: `C${i}${Math.random().toString(36).slice(2, 9)}`.toUpperCase(),
      inviteToken: `tok-${i}-${Math.random().toString(36).slice(2)}`,
      status: i % 3 === 0 ? ("ACCEPTED" as const) : ("PENDING" as const),
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    };
  });
  await db.team.createMany({ data: teams });
  return teams;
}

describe("screening list", () => {
  it("is for organizers only", async () => {
    const { ev } = await setup();
    expect((await list(ev, await person())).status).toBe(404);
    const member = (await (await setup()).mk("Tim X")).members[0];
    expect((await list(ev, member)).status).toBe(404);
  });

  it("filters by status, region, completeness and searches name/KIM/institution ignoring case", async () => {
    const { ev, org, mk } = await setup();
    const a = await mk("Tim Garuda", { kimName: "KIM Sumber Rejeki" });
    const b = await mk("Tim Elang", { institution: "Politeknik Negeri Malang", regionId: ev.region2Id });
    const c = await mk("Tim Merpati", { members: 1 });
    await db.team.update({ where: { id: b.team.id }, data: { status: "ACCEPTED" } });
    const names = async (q: string) => ((await list(ev, org, q)).body as ListBody).teams.map((t) => t.name).sort();
    expect(await names("")).toEqual(["Tim Elang", "Tim Garuda", "Tim Merpati"]);
    expect(await names("?status=ACCEPTED")).toEqual(["Tim Elang"]);
    expect(await names(`?wilayah=${ev.region2Id}`)).toEqual(["Tim Elang"]);
    expect(await names("?lengkap=incomplete")).toEqual(["Tim Merpati"]);
    expect(await names("?lengkap=complete&status=PENDING")).toEqual(["Tim Garuda"]);
    expect(await names("?cari=sumber%20REJEKI")).toEqual(["Tim Garuda"]);
    expect(await names("?cari=politeknik")).toEqual(["Tim Elang"]);
    expect(await names("?cari=GARUDA")).toEqual(["Tim Garuda"]);
    expect(((await list(ev, org)).body as ListBody).counts).toMatchObject({ total: 3, PENDING: 2, ACCEPTED: 1 });
    void a;
    void c;
  });
});

describe("screening window", () => {
  it("shows 25 teams a page with counts per status over the whole event; filters and search page too", async () => {
    const { ev, org } = await setup();
    const teams = await manyTeams(ev, 60);
    const view = async (q = "") => (await list(ev, org, q)).body as ListBody;
    const first = await view();
    expect(first.teams).toHaveLength(25);
    expect(first.paging).toEqual({ matching: 60, page: 1, pages: 3, offset: 0 });
    expect(first.counts).toMatchObject({ total: 60, ACCEPTED: 20, PENDING: 40, REJECTED: 0 });
    const pages = [first, await view("?halaman=2"), await view("?halaman=3")];
    expect(pages.map((p) => p.teams.length)).toEqual([25, 25, 10]);
    expect(pages.flatMap((p) => p.teams.map((t) => t.id))).toEqual(teams.map((t) => t.id));
    expect((await view("?halaman=9")).paging.page).toBe(3);
    expect((await view("?halaman=-1")).paging.page).toBe(1);

    const pending = await view("?status=PENDING&halaman=2");
    expect(pending.paging).toMatchObject({ matching: 40, page: 2, pages: 2 });
    expect(pending.teams.every((t) => t.status === "PENDING")).toBe(true);
    // Counts stay those of the whole event whatever is shown.
    expect(pending.counts).toMatchObject({ total: 60, ACCEPTED: 20, PENDING: 40 });
    expect((await view(`?wilayah=${ev.region2Id}&status=ACCEPTED`)).paging.matching).toBe(10);
    expect((await view("?cari=sumber%20rejeki")).teams.map((t) => t.name)).toEqual(["Tim 41"]);
    expect((await view("?cari=TIM%2005")).teams.map((t) => t.name)).toEqual(["Tim 05"]);
  });

  it("renders status links with counts and page links that keep the filters, in both languages", async () => {
    const { ev, org } = await setup();
    await manyTeams(ev, 60);
    const page = (q: string, language: "id" | "en" = "id") => renderRoute(listRoute, "/kelola/:slug/tim", getRequest(`/kelola/${ev.slug}/tim${q}`, org.cookie), { language });
    const id = await page("?status=PENDING&cari=tim&halaman=1");
    expect(id.status).toBe(200);
    expect(id.html).toContain("Menampilkan 1–25 dari 40 tim");
    expect(id.html).toMatch(/aria-current="page"[^>]*><span>Menunggu seleksi<\/span> <span class="tabular-nums">\(<!-- -->40<!-- -->\)/);
    expect(id.html).toContain(`href="/kelola/${ev.slug}/tim?status=PENDING&amp;cari=tim&amp;halaman=2"`);
    expect(id.html).toContain(`href="/kelola/${ev.slug}/tim?cari=tim"`);
    expect(formActions(id.html)).toEqual([`/kelola/${ev.slug}/tim?status=PENDING&cari=tim&halaman=1`]);
    const en = await page("?halaman=3", "en");
    expect(en.html).toContain("Showing 51–60 of 60 teams");
    expect(en.html).toContain('<span>All teams</span> <span class="tabular-nums">(<!-- -->60<!-- -->)');
  });

  it("a bulk decision taken on a page returns to that page with its filters", async () => {
    const { ev, org } = await setup();
    const teams = await manyTeams(ev, 60);
    const chosen = teams.filter((t) => t.status === "PENDING").slice(25, 27);
    const req = new Request(`${BASE}/kelola/${ev.slug}/tim?status=PENDING&halaman=2`, {
      method: "POST",
      body: new URLSearchParams([
        ["teamIds", chosen[0].id],
        ["teamIds", chosen[1].id],
        ["decision", "REJECTED"],
        ["reason", "Berkas tidak lengkap"],
      ]).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: org.cookie, Origin: BASE },
    });
    const res = await call(() => listAction(args(req, { slug: ev.slug })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/kelola/${ev.slug}/tim?status=PENDING&halaman=2&diubah=2`);
    const after = (await list(ev, org, "?status=PENDING&halaman=2")).body as ListBody;
    expect(after.paging).toMatchObject({ matching: 38, page: 2 });
    expect(after.counts).toMatchObject({ PENDING: 38, REJECTED: 2 });
  });
});

describe("decisions", () => {
  it("requires a reason to reject; then shows it, emails every member and audits the change", async () => {
    const { ev, org, mk } = await setup();
    const { team, members } = await mk("Tim Rajawali");
    const noReason = await decide(ev, org, team.id, { decision: "REJECTED", reason: "" });
    expect(noReason.status).toBe(400);
    expect(errorsOf((noReason.body as { result: unknown }).result).reason).toContain("screening.errors.reasonRequired");
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).status).toBe("PENDING");
    expect(await db.auditLog.count({ where: { entityId: team.id } })).toBe(0);

    const res = await decide(ev, org, team.id, { decision: "REJECTED", reason: "Proposal tidak sesuai tema" });
    expect(res.status).toBe(302);
    const after = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(after).toMatchObject({ status: "REJECTED", statusReason: "Proposal tidak sesuai tema", reviewedById: org.id });
    for (const m of members) {
      const mails = mailsTo(m.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain("Proposal tidak sesuai tema");
      expect(mails[0]).toContain(`/tim/${team.id}`);
    }
    const log = await db.auditLog.findFirstOrThrow({ where: { entityId: team.id, action: "team.review" } });
    expect(JSON.parse(log.before ?? "{}")).toEqual({ status: "PENDING", statusReason: null });
    expect(JSON.parse(log.after ?? "{}")).toEqual({ status: "REJECTED", statusReason: "Proposal tidak sesuai tema" });

    expect((await decide(ev, org, team.id, { decision: "ACCEPTED" })).status).toBe(302);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ status: "ACCEPTED", statusReason: null });
    expect(mailsTo(members[0].email)).toHaveLength(2);
  });

  it("accepts or rejects a selection in bulk, only within the event", async () => {
    const { ev, org, mk } = await setup();
    const [a, b, c] = [await mk("Tim A"), await mk("Tim B"), await mk("Tim C")];
    const elsewhere = await (await setup()).mk("Tim Lain");

    const noReason = await bulk(ev, org, [
      ["teamIds", a.team.id],
      ["teamIds", b.team.id],
      ["decision", "REJECTED"],
      ["reason", ""],
    ]);
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ errors: ["screening.errors.reasonRequired"] });
    const none = await bulk(ev, org, [["decision", "ACCEPTED"]]);
    expect(none.status).toBe(400);
    expect(await db.team.count({ where: { eventId: ev.id, status: { not: "PENDING" } } })).toBe(0);

    const res = await bulk(ev, org, [
      ["teamIds", a.team.id],
      ["teamIds", b.team.id],
      ["teamIds", elsewhere.team.id],
      ["decision", "ACCEPTED"],
    ]);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("diubah=2");
    const statuses = await db.team.findMany({ where: { id: { in: [a.team.id, b.team.id, c.team.id, elsewhere.team.id] } }, select: { name: true, status: true }, orderBy: { name: "asc" } });
    expect(statuses).toEqual([
      { name: "Tim A", status: "ACCEPTED" },
      { name: "Tim B", status: "ACCEPTED" },
      { name: "Tim C", status: "PENDING" },
      { name: "Tim Lain", status: "PENDING" },
    ]);
    expect(await db.auditLog.count({ where: { eventId: ev.id, action: "team.review" } })).toBe(2);

    const single = await bulk(ev, org, [
      ["teamIds", c.team.id],
      ["decision", "REJECTED"],
      ["reason", "Anggota kurang"],
    ]);
    expect(single.status).toBe(302);
    expect((await db.team.findUniqueOrThrow({ where: { id: c.team.id } })).statusReason).toBe("Anggota kurang");
  });

  it("asks before accepting a team below the minimum size, alone or in bulk", async () => {
    const { ev, org, mk } = await setup();
    const short = await mk("Tim Kecil", { members: 1 });
    const full = await mk("Tim Lengkap");
    const page = await call(() => teamLoader(args(getRequest(`/kelola/${ev.slug}/tim/${short.team.id}`, org.cookie), { slug: ev.slug, teamId: short.team.id })));
    expect(page.body).toMatchObject({ missing: 1, event: { minTeamSize: 2 } });

    const asked = await decide(ev, org, short.team.id, { decision: "ACCEPTED" });
    expect(asked.status).toBe(400);
    expect(errorsOf((asked.body as { result: unknown }).result).acceptIncomplete).toEqual(["screening.errors.acceptIncomplete"]);
    const bulkAsked = await bulk(ev, org, [
      ["teamIds", short.team.id],
      ["teamIds", full.team.id],
      ["decision", "ACCEPTED"],
    ]);
    expect(bulkAsked.status).toBe(400);
    expect(bulkAsked.body).toMatchObject({ errors: ['screening.errors.incompleteSelected|{"count":1}'] });
    expect(await db.team.count({ where: { eventId: ev.id, status: "ACCEPTED" } })).toBe(0);

    expect((await decide(ev, org, full.team.id, { decision: "ACCEPTED" })).status).toBe(302);
    expect((await decide(ev, org, short.team.id, { decision: "ACCEPTED", acceptIncomplete: "on" })).status).toBe(302);
    expect(await db.team.count({ where: { eventId: ev.id, status: "ACCEPTED" } })).toBe(2);
  });

  it("refuses other people's decisions", async () => {
    const { ev, mk } = await setup();
    const { team, members } = await mk("Tim Sendiri");
    const res = await decide(ev, members[0], team.id, { decision: "ACCEPTED" });
    expect(res.status).toBe(404);
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).status).toBe("PENDING");
  });
});

describe("extensions", () => {
  it("grants a per-team registration extension with a reason, audited, that reopens joining for that team only", async () => {
    const { ev, org, mk } = await setup();
    const { team } = await mk("Tim Terlambat", { members: 1 });
    const other = await mk("Tim Lain", { members: 1 });
    await db.event.update({ where: { id: ev.id }, data: { registrationClosesAt: new Date(Date.now() - 60_000) } });
    const untilLocal = utcToZonedLocal(new Date(Date.now() + 2 * 86400_000), "Asia/Jakarta").slice(0, 16);

    const noReason = await decide(ev, org, team.id, { intent: "extension", until: untilLocal, reason: "" });
    expect(noReason.status).toBe(400);
    const past = await decide(ev, org, team.id, { intent: "extension", until: "2020-01-01T10:00", reason: "Sakit" });
    expect(errorsOf((past.body as { result: unknown }).result).until).toContain("screening.errors.untilPast");
    const garbage = await decide(ev, org, team.id, { intent: "extension", until: "besok", reason: "Sakit" });
    expect(errorsOf((garbage.body as { result: unknown }).result).until).toContain("validation.invalid");
    expect(await db.extension.count()).toBe(0);

    const ok = await decide(ev, org, team.id, { intent: "extension", until: untilLocal, reason: "Ketua sakit saat pendaftaran" });
    expect(ok.status).toBe(302);
    const ext = await db.extension.findFirstOrThrow({ where: { teamId: team.id } });
    expect(ext).toMatchObject({ kind: "REGISTRATION", reason: "Ketua sakit saat pendaftaran", grantedById: org.id });
    expect(await db.auditLog.count({ where: { action: "team.extension", entityId: ext.id } })).toBe(1);

    const joiner = await person();
    const joined = await call(() => joinAction(args(formRequest(`/gabung/${team.inviteToken}`, {}, { cookie: joiner.cookie }), { token: team.inviteToken })));
    expect(joined.status).toBe(302);
    const late = await person();
    const blocked = await call(() => joinAction(args(formRequest(`/gabung/${other.team.inviteToken}`, {}, { cookie: late.cookie }), { token: other.team.inviteToken })));
    expect(blocked.status).toBe(400);

    const page = await call(() => teamLoader(args(getRequest(`/kelola/${ev.slug}/tim/${team.id}`, org.cookie), { slug: ev.slug, teamId: team.id })));
    expect(page.body).toMatchObject({ extension: { reason: "Ketua sakit saat pendaftaran", untilLocal } });
  });
});

describe("CSV export", () => {
  it("exports teams and members as UTF-8 with BOM, escaped and safe from formulas", async () => {
    const { ev, org, mk } = await setup();
    await mk('=HYPERLINK("http://evil.example","klik")', { kimName: "KIM Sumber, Rejeki" });
    await mk("Tim Ñusantara", { members: 1, institution: "@kampus" });
    const res = await call(() => exportLoader(args(getRequest(`/kelola/${ev.slug}/tim/ekspor`, org.cookie), { slug: ev.slug })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain(`tim-${ev.slug}.csv`);
    const raw = new Uint8Array(await ((await exportLoader(args(getRequest(`/kelola/${ev.slug}/tim/ekspor`, org.cookie), { slug: ev.slug }))) as Response).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(raw).slice(1);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Nama tim,Nama KIM,Kabupaten\/kota/);
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")","KIM Sumber, Rejeki"`);
    expect(text).toContain("'@kampus");
    expect(text).toContain("Tim Ñusantara");
    expect(lines[1]).toContain(",Menunggu seleksi,,Ya,2,");
    expect(lines[1]).toContain(",Ketua,");
    const anonymous = await call(() => exportLoader(args(getRequest(`/kelola/${ev.slug}/tim/ekspor`), { slug: ev.slug })));
    expect(anonymous.status).toBe(302);
    const outsider = await person();
    expect((await call(() => exportLoader(args(getRequest(`/kelola/${ev.slug}/tim/ekspor`, outsider.cookie), { slug: ev.slug })))).status).toBe(404);
  });
});
