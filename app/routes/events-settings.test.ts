import { describe, expect, it } from "vitest";
import { action as adminAction, loader as adminLoader } from "~/routes/admin._index";
import { loader as bannerLoader } from "~/routes/acara.$slug.banner";
import { action as settingsAction } from "~/routes/kelola.$slug.pengaturan";
import { loader as auditLoader } from "~/routes/kelola.$slug.audit";
import { saveJudgingSettings, addTrack, updateTrack } from "~/models/structure.server";
import { db } from "~/services/db.server";
import { args, errorsOf, makeEvent, makeUser, multipartRequest, organizedEvent, outbox } from "~/test/event-helpers";
import { call, formRequest, getRequest } from "~/test/request";

const TIMELINE = {
  registrationOpensAt: "2026-08-01T08:00",
  registrationClosesAt: "2026-08-20T23:59",
  screeningClosesAt: "2026-08-25T17:00",
  submissionOpensAt: "2026-08-26T08:00",
  submissionClosesAt: "2026-09-10T23:59",
  "rounds[0].name": "Penjurian",
  "rounds[0].closesAt": "2026-09-20T17:00",
  announcementAt: "2026-09-25T19:00",
};

describe("admin creates an event", () => {
  it("makes the address from the name when the admin leaves it empty", async () => {
    const admin = await makeUser({ isAdmin: true });
    const name = `KIM Hackathon Kediri ${Date.now()}`;
    const res = await call(() => adminAction(args(formRequest("/admin", { name, slug: "", timezone: "Asia/Jakarta", ...TIMELINE }, { cookie: admin.cookie }))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/kelola/kim-hackathon-kediri-${name.split(" ").at(-1)}/tim-panitia?tersimpan=created`);
  });

  it("creates a private event with the 38 regions and its round, invites organizers, and audits it", async () => {
    const admin = await makeUser({ isAdmin: true });
    const existing = await makeUser();
    const res = await call(() =>
      adminAction(
        args(
          formRequest(
            "/admin",
            { name: "KIM Hackathon Madiun", slug: "kim-madiun-2026", timezone: "Asia/Jakarta", ...TIMELINE, organizerEmails: `${existing.email}\nbaru@contoh.id` },
            { cookie: admin.cookie },
          ),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/kelola/kim-madiun-2026/tim-panitia?tersimpan=created");
    const event = await db.event.findUniqueOrThrow({ where: { slug: "kim-madiun-2026" }, include: { regions: true, rounds: true, members: true } });
    expect(event.isPublic).toBe(false);
    expect(event.regions).toHaveLength(38);
    expect(event.rounds.map((r) => r.name)).toEqual(["Penjurian"]);
    // 08:00 WIB is 01:00 UTC.
    expect(event.registrationOpensAt.toISOString()).toBe("2026-08-01T01:00:00.000Z");
    // Both are invited alike (an existing account too): a role needs the person's acceptance.
    expect(event.members).toEqual([]);
    const invites = await db.invite.findMany({ where: { eventId: event.id }, orderBy: { email: "asc" } });
    expect(invites.map((i) => [i.email, i.role]).sort()).toEqual(
      [
        [existing.email, "ORGANIZER"],
        ["baru@contoh.id", "ORGANIZER"],
      ].sort(),
    );
    for (const email of [existing.email, "baru@contoh.id"]) {
      expect(outbox().some((m) => m.text.includes(`To: ${email}`) && m.text.includes("/undangan/"))).toBe(true);
    }
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "event.create", actorId: admin.id } })).toBe(1);
  });

  it.each([
    ["a timeline out of order", { submissionClosesAt: "2026-08-25T00:00" }, "submissionClosesAt", "timeline.errors.order"],
    ["a missing date", { announcementAt: "" }, "announcementAt", "validation.required"],
    ["a malformed slug", { slug: "Bukan Slug!" }, "slug", "event.errors.slugFormat"],
    ["a bad organizer email", { organizerEmails: "ok@contoh.id, bukan-email" }, "organizerEmails", "admin.errors.emails"],
  ])("refuses %s with a localized field error and writes nothing", async (_label, fields, field, key) => {
    const admin = await makeUser({ isAdmin: true });
    const before = await db.event.count();
    const res = await call(() => adminAction(args(formRequest("/admin", { name: "Acara Uji", slug: "acara-uji-x", timezone: "Asia/Jakarta", ...TIMELINE, ...fields }, { cookie: admin.cookie }))));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    expect(await db.event.count()).toBe(before);
  });

  it("refuses a duplicate slug", async () => {
    const admin = await makeUser({ isAdmin: true });
    const taken = await makeEvent();
    const before = await db.event.count();
    const res = await call(() => adminAction(args(formRequest("/admin", { name: "Acara Lain", slug: taken.slug, timezone: "Asia/Jakarta", ...TIMELINE }, { cookie: admin.cookie }))));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).slug).toContain("event.errors.slugTaken");
    expect(await db.event.count()).toBe(before);
  });

  it("is only for the platform admin", async () => {
    const user = await makeUser();
    expect((await call(() => adminLoader(args(getRequest("/admin", user.cookie))))).status).toBe(403);
    const res = await call(() => adminAction(args(formRequest("/admin", { name: "Acara Uji", slug: "acara-uji-y", timezone: "Asia/Jakarta", ...TIMELINE }, { cookie: user.cookie }))));
    expect(res.status).toBe(403);
    expect(await db.event.findUnique({ where: { slug: "acara-uji-y" } })).toBeNull();
  });
});

const settingsFields = (slug: string, extra: Record<string, string> = {}) => ({
  intent: "settings",
  name: "KIM Hackathon Jatim",
  slug,
  summary: "Ringkas",
  description: "## Tentang",
  rules: "Aturan",
  timezone: "Asia/Makassar",
  contactEmail: "halo@contoh.id",
  contactWhatsapp: "0812-3456-7890",
  signatoryName: "Drs. Hadi Prasetyo, M.Si.",
  signatoryTitle: "Kepala Dinas Kominfo Provinsi Jawa Timur",
  privacyNotice: "Panitia memotret kegiatan untuk dokumentasi.",
  contactRetentionDays: "180",
  isPublic: "on",
  ...extra,
});

describe("event settings", () => {
  it("saves every setting, normalizes WhatsApp, follows a new slug and audits before/after", async () => {
    const { event, organizer } = await organizedEvent({ isPublic: false });
    const res = await call(() => settingsAction(args(formRequest(`/kelola/${event.slug}/pengaturan`, settingsFields("jatim-baru"), { cookie: organizer.cookie }), { slug: event.slug })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/kelola/jatim-baru/pengaturan?tersimpan=settings");
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(saved).toMatchObject({ slug: "jatim-baru", timezone: "Asia/Makassar", contactWhatsapp: "+6281234567890", isPublic: true, summary: "Ringkas" });
    expect(saved).toMatchObject({ signatoryName: "Drs. Hadi Prasetyo, M.Si.", signatoryTitle: "Kepala Dinas Kominfo Provinsi Jawa Timur" });
    expect(saved.privacyNotice).toBe("Panitia memotret kegiatan untuk dokumentasi.");
    expect(saved.contactRetentionDays).toBe(180);
    const { signatoryFor } = await import("~/models/certificate.server");
    expect(await signatoryFor(event.id)).toEqual({ name: "Drs. Hadi Prasetyo, M.Si.", title: "Kepala Dinas Kominfo Provinsi Jawa Timur" });
    const log = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "event.update" } });
    expect(JSON.parse(log.before ?? "{}")).toMatchObject({ slug: event.slug, isPublic: false });
    expect(JSON.parse(log.after ?? "{}")).toMatchObject({ slug: "jatim-baru", isPublic: true });
    expect(log.actorId).toBe(organizer.id);
  });

  it.each([
    ["a bad WhatsApp number", { contactWhatsapp: "12345" }, "contactWhatsapp", "validation.whatsapp"],
    ["a bad contact email", { contactEmail: "bukan" }, "contactEmail", "validation.email"],
    ["an unknown time zone", { timezone: "Europe/Paris" }, "timezone", "validation.invalid"],
    ["an empty name", { name: "" }, "name", "validation.required"],
    ["an overlong signatory title", { signatoryTitle: "K".repeat(161) }, "signatoryTitle", "validation.tooLong"],
    ["an overlong privacy notice", { privacyNotice: "P".repeat(5001) }, "privacyNotice", "validation.tooLong"],
    ["a retention period under 30 days", { contactRetentionDays: "29" }, "contactRetentionDays", "privacy.retention.errors.range"],
    ["a retention period over ten years", { contactRetentionDays: "3651" }, "contactRetentionDays", "privacy.retention.errors.range"],
    ["a retention period in part days", { contactRetentionDays: "90.5" }, "contactRetentionDays", "privacy.retention.errors.range"],
    ["a retention period that is not a number", { contactRetentionDays: "setahun" }, "contactRetentionDays", "privacy.retention.errors.range"],
    ["an empty retention period", { contactRetentionDays: "" }, "contactRetentionDays", "validation.required"],
  ])("refuses %s: 400, the locale key, nothing written", async (_l, extra, field, key) => {
    const { event, organizer } = await organizedEvent();
    const before = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    const res = await call(() => settingsAction(args(formRequest(`/kelola/${event.slug}/pengaturan`, settingsFields(event.slug, extra), { cookie: organizer.cookie }), { slug: event.slug })));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses a slug another event uses", async () => {
    const { event, organizer } = await organizedEvent();
    const other = await makeEvent();
    const res = await call(() => settingsAction(args(formRequest(`/kelola/${event.slug}/pengaturan`, settingsFields(other.slug), { cookie: organizer.cookie }), { slug: event.slug })));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).slug).toContain("event.errors.slugTaken");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).slug).toBe(event.slug);
  });

  it("adds, edits, reorders and removes FAQ items, refusing a blank question", async () => {
    const { event, organizer } = await organizedEvent();
    const post = (fields: Record<string, string>) => call(() => settingsAction(args(formRequest(`/kelola/${event.slug}/pengaturan`, fields, { cookie: organizer.cookie }), { slug: event.slug })));
    expect((await post({ intent: "faq-add", question: "Apakah gratis?", answer: "Ya." })).status).toBe(302);
    const bad = await post({ intent: "faq-add", question: "", answer: "x" });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body).question).toContain("validation.required");
    let faqs = await db.faqItem.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
    expect(faqs.map((f) => f.question)).toEqual(["Siapa yang boleh ikut?", "Apakah gratis?"]);
    await post({ intent: "faq-up", id: faqs[1].id });
    await post({ intent: "faq-update", id: faqs[0].id, question: "Siapa saja boleh ikut?", answer: "Anggota KIM dan mahasiswa." });
    faqs = await db.faqItem.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
    expect(faqs.map((f) => f.question)).toEqual(["Apakah gratis?", "Siapa saja boleh ikut?"]);
    await post({ intent: "faq-delete", id: faqs[0].id });
    expect(await db.faqItem.count({ where: { eventId: event.id } })).toBe(1);
    const other = await makeEvent();
    const foreign = await db.faqItem.findFirstOrThrow({ where: { eventId: other.id } });
    expect((await post({ intent: "faq-delete", id: foreign.id })).status).toBe(404);
    expect(await db.faqItem.count({ where: { id: foreign.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { eventId: event.id, entity: "faq" } })).toBe(4);
  });
});

const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

describe("banner", () => {
  it("stores a checked image and serves it publicly only once the event is public", async () => {
    const { event, organizer } = await organizedEvent({ isPublic: false });
    const form = new FormData();
    form.set("intent", "banner");
    form.set("banner", new File([PNG], "sampul.png", { type: "image/png" }));
    const res = await call(() => settingsAction(args(multipartRequest(`/kelola/${event.slug}/pengaturan`, form, organizer.cookie), { slug: event.slug })));
    expect(res.status).toBe(302);
    const key = (await db.event.findUniqueOrThrow({ where: { id: event.id } })).bannerKey;
    expect(key).toMatch(/^banners\//);

    expect((await call(() => bannerLoader(args(getRequest(`/acara/${event.slug}/banner`), { slug: event.slug })))).status).toBe(404);
    const asOrganizer = await bannerLoader(args(getRequest(`/acara/${event.slug}/banner`, organizer.cookie), { slug: event.slug }));
    expect(asOrganizer.headers.get("Content-Type")).toBe("image/png");
    expect(asOrganizer.headers.get("Cache-Control")).toContain("no-store");
    await db.event.update({ where: { id: event.id }, data: { isPublic: true } });
    const asPublic = await bannerLoader(args(getRequest(`/acara/${event.slug}/banner`), { slug: event.slug }));
    expect(asPublic.status).toBe(200);
    expect(new Uint8Array(await asPublic.arrayBuffer())).toEqual(PNG);
  });

  it.each([
    ["HTML posing as PNG", new File(["<html><script>alert(1)</script>"], "x.png", { type: "image/png" }), "event.errors.upload.content_mismatch"],
    ["a PDF", new File(["%PDF-1.4\n%%EOF"], "x.pdf", { type: "application/pdf" }), "event.errors.upload.type_not_allowed"],
    ["no file", new File([], ""), "validation.required"],
  ])("refuses %s and keeps the old banner", async (_l, file, key) => {
    const { event, organizer } = await organizedEvent();
    const form = new FormData();
    form.set("intent", "banner");
    form.set("banner", file);
    const res = await call(() => settingsAction(args(multipartRequest(`/kelola/${event.slug}/pengaturan`, form, organizer.cookie), { slug: event.slug })));
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).banner).toContain(key);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).bannerKey).toBeNull();
  });
});

describe("audit page", () => {
  it("lists changes newest first, filters by entity and pages", async () => {
    const { event, organizer } = await organizedEvent();
    for (let i = 0; i < 32; i++) {
      await db.auditLog.create({ data: { eventId: event.id, actorId: organizer.id, action: "faq.update", entity: "faq", entityId: `f${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
    }
    await db.auditLog.create({ data: { eventId: event.id, actorId: organizer.id, action: "track.create", entity: "track", entityId: "t1", at: new Date(Date.UTC(2026, 0, 2)) } });
    const first = await call(() => auditLoader(args(getRequest(`/kelola/${event.slug}/audit`, organizer.cookie), { slug: event.slug })));
    const body = first.body as { rows: { entityId: string; actor: string }[]; total: number; pages: number; entities: string[] };
    expect(body.total).toBe(33);
    expect(body.pages).toBe(2);
    expect(body.rows[0].entityId).toBe("t1");
    expect(body.rows[1].entityId).toBe("f31");
    expect(body.rows[0].actor).toContain(organizer.email);
    expect(body.entities).toEqual(["faq", "track"]);
    const filtered = await call(() => auditLoader(args(getRequest(`/kelola/${event.slug}/audit?entitas=track`, organizer.cookie), { slug: event.slug })));
    expect((filtered.body as { total: number }).total).toBe(1);
    const page2 = await call(() => auditLoader(args(getRequest(`/kelola/${event.slug}/audit?halaman=2`, organizer.cookie), { slug: event.slug })));
    expect((page2.body as { rows: unknown[] }).rows).toHaveLength(3);
  });

  type AuditRow = { sentence: string; changes: { field: string; before: string | null; after: string | null }[]; action: string; entity: string; before: string | null; after: string | null };
  const auditPage = async (slug: string, cookie: string, query = "") => {
    const res = await call(() => auditLoader(args(getRequest(`/kelola/${slug}/audit${query}`, cookie), { slug })));
    return res.body as { rows: AuditRow[]; entities: string[]; total: number };
  };

  it("reads as sentences with names, each change as before → after, in both languages, with the raw record kept", async () => {
    const { event, organizer } = await organizedEvent();
    const actor = { id: organizer.id };
    expect(await addTrack(event.id, { name: "Kota Pintar", description: "" }, actor)).toEqual({ ok: true });
    const track = await db.track.findFirstOrThrow({ where: { eventId: event.id, name: "Kota Pintar" } });
    await updateTrack(event.id, track.id, { name: "Kota Cerdas", description: "Layanan warga" }, actor);
    await saveJudgingSettings(event.id, { ...(await db.event.findUniqueOrThrow({ where: { id: event.id } })), blindJudging: true, rankingMethod: "borda" }, actor);

    const id = await auditPage(event.slug, organizer.cookie);
    const [settings, update, create] = id.rows;
    expect(update.sentence).toBe("Rina Panitia mengubah bidang Kota Cerdas");
    expect(update.changes).toEqual([
      { field: "Nama", before: "Kota Pintar", after: "Kota Cerdas" },
      { field: "Deskripsi", before: "—", after: "Layanan warga" },
    ]);
    expect(create.sentence).toBe("Rina Panitia menambahkan bidang Kota Pintar");
    expect(settings.sentence).toBe("Rina Panitia mengubah pengaturan penjurian");
    expect(settings.changes).toEqual(
      expect.arrayContaining([
        { field: "Penjurian anonim", before: "Tidak", after: "Ya" },
        { field: "Metode peringkat", before: "skor-z per juri", after: "Borda" },
      ]),
    );
    expect(JSON.parse(update.after ?? "{}")).toEqual({ name: "Kota Cerdas", description: "Layanan warga" });
    expect(update.action).toBe("track.update");

    const en = await auditPage(event.slug, organizer.cookie, "?lng=en");
    expect(en.rows[1].sentence).toBe("Rina Panitia changed the track Kota Cerdas");
    expect(en.rows[1].changes[0]).toEqual({ field: "Name", before: "Kota Pintar", after: "Kota Cerdas" });
    expect(en.rows[0].changes).toContainEqual({ field: "Blind judging", before: "No", after: "Yes" });
    for (const row of [...id.rows, ...en.rows]) expect(`${row.sentence} ${JSON.stringify(row.changes)}`).not.toMatch(/audit\.|\{\{|[a-z]+Id\b/);
  });

  it("offers one filter per kind of record, whatever the spelling the writer used", async () => {
    const { event, organizer } = await organizedEvent();
    for (const entity of ["Team", "team", "track"]) {
      await db.auditLog.create({ data: { eventId: event.id, actorId: organizer.id, action: entity === "track" ? "track.create" : "team.review", entity, entityId: "x" } });
    }
    const all = await auditPage(event.slug, organizer.cookie);
    expect(all.entities).toEqual(["team", "track"]);
    expect((await auditPage(event.slug, organizer.cookie, "?entitas=team")).total).toBe(2);
    expect((await auditPage(event.slug, organizer.cookie, "?entitas=Team")).total).toBe(2);
    expect((await auditPage(event.slug, organizer.cookie, "?entitas=nothing")).total).toBe(3);
  });
});
