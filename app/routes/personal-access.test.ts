// Access to personal data is logged: each organizer export and each view of a team's member
// contacts adds one audit row under "personal" (who, when, what — never the data itself), and the
// organizer's audit page reads it as a sentence. Someone who may not open the page writes nothing.
import { describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/kelola.$slug.audit";
import { loader as resultsExport } from "~/routes/kelola.$slug.hasil.ekspor";
import { loader as certificatesZip } from "~/routes/kelola.$slug.hasil.sertifikat[.]zip";
import { loader as submissionsCsv } from "~/routes/kelola.$slug.karya[.]csv";
import { loader as teamView } from "~/routes/kelola.$slug.tim_.$teamId";
import { loader as teamsCsv } from "~/routes/kelola.$slug.tim_.ekspor";
import { loader as ownTeam } from "~/routes/tim.$teamId._index";
import { eraseEventContacts } from "~/models/retention.server";
import { db } from "~/services/db.server";
import { cookieFor, judgedEvent } from "~/test/results-fixture";
import { call, getRequest } from "~/test/request";
import { args } from "~/test/teams";

const personalRows = (eventId: string) => db.auditLog.findMany({ where: { eventId, entity: "personal" }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("access to personal data is logged", () => {
  it("records a view of a team's contacts and every export, with counts and no personal data", async () => {
    const fx = await judgedEvent();
    const slug = fx.event.slug;
    const cookie = await cookieFor(fx.organizer.id);
    const team = fx.teams[0];

    const view = await call(() => teamView(args(getRequest(`/kelola/${slug}/tim/${team.id}`, cookie), { slug, teamId: team.id })));
    expect(view.status).toBe(200);
    const csv = await teamsCsv(args(getRequest(`/kelola/${slug}/tim/ekspor`, cookie), { slug }));
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(team.members[0].user.email);
    expect((await resultsExport(args(getRequest(`/kelola/${slug}/hasil/ekspor?data=scores&format=csv`, cookie), { slug }))).status).toBe(200);
    expect((await resultsExport(args(getRequest(`/kelola/${slug}/hasil/ekspor?format=xlsx`, cookie), { slug }))).status).toBe(200);
    expect((await submissionsCsv(args(getRequest(`/kelola/${slug}/karya.csv`, cookie), { slug }))).status).toBe(200);
    expect((await certificatesZip(args(getRequest(`/kelola/${slug}/hasil/sertifikat.zip`, cookie), { slug }))).status).toBe(200);

    const rows = await personalRows(fx.event.id);
    expect(rows.map((r) => r.action)).toEqual(["personal.view", "personal.export", "personal.export", "personal.export", "personal.export", "personal.export"]);
    expect(rows.every((r) => r.actorId === fx.organizer.id)).toBe(true);
    const after = rows.map((r) => JSON.parse(r.after ?? "null") as Record<string, unknown>);
    expect(after[0]).toEqual({ teamId: team.id });
    const memberRows = fx.teams.reduce((n, t) => n + Math.max(1, t.members.length), 0);
    expect(after[1]).toEqual({ export: "teams", format: "csv", rows: memberRows });
    expect(after[2]).toMatchObject({ export: "scores", format: "csv" });
    expect(after[3]).toMatchObject({ export: "workbook", format: "xlsx" });
    expect(after[4]).toMatchObject({ export: "submissionList", format: "csv", rows: fx.teams.filter((t) => t.submission).length });
    expect(after[5]).toMatchObject({ export: "certificates", format: "zip" });
    // The log says what was opened, not what it held.
    const logged = rows.map((r) => `${r.before ?? ""}${r.after ?? ""}`).join(" ");
    for (const m of team.members) {
      expect(logged).not.toContain(m.user.email);
      expect(logged).not.toContain(m.user.name);
    }
  });

  it("reads as sentences on the organizer's audit page, filtered under its own heading", async () => {
    const fx = await judgedEvent();
    const slug = fx.event.slug;
    const cookie = await cookieFor(fx.organizer.id);
    const team = fx.teams[0];
    await call(() => teamView(args(getRequest(`/kelola/${slug}/tim/${team.id}`, cookie), { slug, teamId: team.id })));
    await teamsCsv(args(getRequest(`/kelola/${slug}/tim/ekspor`, cookie), { slug }));
    for (const [lng, view, exported] of [
      ["id", `membuka kontak anggota tim ${team.name}`, "mengunduh data tim dan anggota (CSV,"],
      ["en", `opened the contact details of team ${team.name}'s members`, "downloaded team and member data (CSV,"],
    ] as const) {
      const page = await call(() => auditLoader(args(getRequest(`/kelola/${slug}/audit?entitas=personal&lng=${lng}`, cookie), { slug })));
      const body = page.body as { entities: string[]; rows: { sentence: string }[] };
      expect(body.entities).toContain("personal");
      expect(body.rows).toHaveLength(2);
      expect(body.rows[1].sentence).toContain(view);
      expect(body.rows[0].sentence).toContain(exported);
    }
  });

  it("writes nothing when a judge or a participant tries the same pages", async () => {
    const fx = await judgedEvent();
    const slug = fx.event.slug;
    const team = fx.teams[0];
    for (const userId of [fx.judges[0].id, team.members[0].user.id]) {
      const cookie = await cookieFor(userId);
      const view = await call(() => teamView(args(getRequest(`/kelola/${slug}/tim/${team.id}`, cookie), { slug, teamId: team.id })));
      expect(view.status).toBe(404);
      const csv = await call(() => teamsCsv(args(getRequest(`/kelola/${slug}/tim/ekspor`, cookie), { slug })));
      expect(csv.status).toBe(404);
    }
    expect(await personalRows(fx.event.id)).toEqual([]);
  });

  it("shows and logs no contacts once the event's retention period has ended", async () => {
    const fx = await judgedEvent();
    const slug = fx.event.slug;
    const cookie = await cookieFor(fx.organizer.id);
    const team = fx.teams.find((t) => t.members.length > 1) ?? fx.teams[0];
    // Every member has signed in since: the accounts stay, only the event's view of them ends.
    await db.user.updateMany({ where: { id: { in: team.members.map((m) => m.userId) } }, data: { lastSignInAt: new Date(fx.event.announcementAt.getTime() + 1) } });
    expect(await eraseEventContacts(fx.event.id, new Date())).not.toBeNull();

    const view = await call(() => teamView(args(getRequest(`/kelola/${slug}/tim/${team.id}`, cookie), { slug, teamId: team.id })));
    const members = (view.body as { members: { name: string; email: string | null; whatsappLink: string | null }[]; contactsErasedAt: unknown }).members;
    expect(members.map((m) => m.name).sort()).toEqual(team.members.map((m) => m.user.name).sort());
    expect(members.every((m) => m.email === null && m.whatsappLink === null)).toBe(true);
    expect((view.body as { contactsErasedAt: unknown }).contactsErasedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "personal.view" } })).toBe(0);

    // A member still sees their own address on the team page, and no one else's.
    const me = team.members[0];
    const mine = await cookieFor(me.userId);
    const page = await call(() => ownTeam(args(getRequest(`/tim/${team.id}`, mine), { teamId: team.id })));
    const shown = (page.body as { members: { email: string | null; me: boolean }[] }).members;
    expect(shown.find((m) => m.me)?.email).toBe(me.user.email);
    expect(shown.filter((m) => !m.me).every((m) => m.email === null)).toBe(true);
  });
});
