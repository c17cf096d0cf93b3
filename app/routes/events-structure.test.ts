import { describe, expect, it } from "vitest";
import { utcToZonedLocal } from "~/domain/time";
import { action as timelineAction } from "~/routes/kelola.$slug.linimasa";
import { action as generalAction } from "~/routes/kelola.$slug.struktur._index";
import { action as awardsAction } from "~/routes/kelola.$slug.struktur.penghargaan";
import { action as rubricAction } from "~/routes/kelola.$slug.struktur.rubrik";
import { action as regionsAction } from "~/routes/kelola.$slug.struktur.wilayah";
import { db } from "~/services/db.server";
import { args, errorsOf, makeAssignment, organizedEvent } from "~/test/event-helpers";
import { call, formRequest } from "~/test/request";

type Action = (a: ReturnType<typeof args>) => Promise<unknown>;

async function setup() {
  const { event, organizer } = await organizedEvent();
  const post = (action: Action, path: string, fields: Record<string, string>) =>
    call(() => action(args(formRequest(`/kelola/${event.slug}/${path}`, fields, { cookie: organizer.cookie }), { slug: event.slug })));
  return { event, organizer, post };
}

async function timelineFields(eventId: string) {
  const e = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { rounds: { orderBy: { order: "asc" } } } });
  const local = (d: Date) => utcToZonedLocal(d, "Asia/Jakarta");
  const fields: Record<string, string> = {
    registrationOpensAt: local(e.registrationOpensAt),
    registrationClosesAt: local(e.registrationClosesAt),
    screeningClosesAt: local(e.screeningClosesAt),
    submissionOpensAt: local(e.submissionOpensAt),
    submissionClosesAt: local(e.submissionClosesAt),
    announcementAt: local(e.announcementAt),
  };
  e.rounds.forEach((r, i) => {
    fields[`rounds[${i}].id`] = r.id;
    fields[`rounds[${i}].name`] = r.name;
    fields[`rounds[${i}].closesAt`] = local(r.closesAt);
  });
  return { fields, rounds: e.rounds };
}

describe("timeline", () => {
  it("saves dates in the event zone, keeps round ids, adds a round and audits the change", async () => {
    const { event, post } = await setup();
    const { fields, rounds } = await timelineFields(event.id);
    const res = await post(timelineAction, "linimasa", {
      ...fields,
      registrationClosesAt: "2030-01-01T23:59",
      screeningClosesAt: "2030-01-05T12:00",
      submissionOpensAt: "2030-01-06T08:00",
      submissionClosesAt: "2030-01-20T23:59",
      "rounds[0].name": "Penyisihan Wilayah",
      "rounds[0].closesAt": "2030-01-25T17:00",
      "rounds[1].closesAt": "2030-01-28T17:00",
      "rounds[2].name": "Grand Final",
      "rounds[2].closesAt": "2030-01-30T17:00",
      announcementAt: "2030-02-01T19:00",
    });
    expect(res.status).toBe(302);
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { rounds: { orderBy: { order: "asc" } } } });
    expect(saved.registrationClosesAt.toISOString()).toBe("2030-01-01T16:59:00.000Z");
    expect(saved.rounds.map((r) => [r.name, r.order])).toEqual([
      ["Penyisihan Wilayah", 1],
      ["Final", 2],
      ["Grand Final", 3],
    ]);
    expect(saved.rounds[0].id).toBe(rounds[0].id);
    expect(await db.criterion.count({ where: { roundId: rounds[0].id } })).toBe(2);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "timeline.update" } })).toBe(1);
  });

  it.each([
    ["registration closing before it opens", { registrationClosesAt: "2000-01-01T00:00" }, "registrationClosesAt", "timeline.errors.order"],
    ["a round closing before submission closes", { "rounds[0].closesAt": "2000-01-01T00:00" }, "rounds[0].closesAt", "timeline.errors.order"],
    ["announcement before the last round", { announcementAt: "2000-01-01T00:00" }, "announcementAt", "timeline.errors.order"],
    ["an impossible date", { submissionOpensAt: "2030-02-31T08:00" }, "submissionOpensAt", "timeline.errors.invalid_date"],
    ["a round without a name", { "rounds[1].name": "" }, "rounds[1].name", "validation.required"],
  ])("refuses %s on that field and saves nothing", async (_l, change, field, key) => {
    const { event, post } = await setup();
    const { fields } = await timelineFields(event.id);
    const before = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { rounds: true } });
    const res = await post(timelineAction, "linimasa", { ...fields, ...change });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { rounds: true } })).toEqual(before);
    expect(await db.auditLog.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("asks before an edit closes registration now, names it, writes nothing, then saves once confirmed", async () => {
    const { event, post } = await setup();
    const { fields } = await timelineFields(event.id);
    const before = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { rounds: true } });
    const anHourAgo = utcToZonedLocal(new Date(Date.now() - 60 * 60 * 1000), "Asia/Jakarta");
    const edit = { ...fields, registrationClosesAt: anHourAgo };
    const asked = await post(timelineAction, "linimasa", edit);
    expect(asked.status).toBe(409);
    const confirm = (asked.body as { confirm: { token: string; impacts: { window: string; kind: string; at: string }[] } }).confirm;
    expect(confirm.impacts).toEqual([{ window: "registration", kind: "closes", round: "", at: expect.stringMatching(/WIB$/) }]);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { rounds: true } })).toEqual(before);
    expect(await db.auditLog.count({ where: { eventId: event.id } })).toBe(0);

    // A token for some other impact does not count as having seen this one.
    expect((await post(timelineAction, "linimasa", { ...edit, confirmImpact: "submission::closes" })).status).toBe(409);
    const done = await post(timelineAction, "linimasa", { ...edit, confirmImpact: confirm.token });
    expect(done.status).toBe(302);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).registrationClosesAt.getTime()).toBeLessThan(Date.now());
  });

  it("refuses to remove a round judges already work in", async () => {
    const { event, post } = await setup();
    const { fields, rounds } = await timelineFields(event.id);
    await makeAssignment(event.id, rounds[1].id);
    const withoutFinal = Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith("rounds[1]")));
    const res = await post(timelineAction, "linimasa", withoutFinal);
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[""]).toContain("timeline.errors.roundInUse");
    expect(await db.round.count({ where: { eventId: event.id } })).toBe(2);
  });
});

describe("tracks, regions and team rules", () => {
  it("adds, renames and removes tracks; a duplicate name is refused", async () => {
    const { event, post } = await setup();
    expect((await post(generalAction, "struktur", { intent: "track-add", name: "Ekonomi Lokal", description: "UMKM" })).status).toBe(302);
    const dup = await post(generalAction, "struktur", { intent: "track-add", name: "Ekonomi Lokal" });
    expect(dup.status).toBe(400);
    expect(errorsOf(dup.body).name).toContain("structure.errors.nameTaken");
    const tracks = await db.track.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } });
    expect(tracks.map((t) => t.name)).toEqual(["Layanan Publik", "Ekonomi Lokal"]);
    await post(generalAction, "struktur", { intent: "track-update", id: tracks[1].id, name: "Ekonomi & UMKM", description: "" });
    await post(generalAction, "struktur", { intent: "track-up", id: tracks[1].id });
    await post(generalAction, "struktur", { intent: "track-delete", id: tracks[0].id });
    expect((await db.track.findMany({ where: { eventId: event.id } })).map((t) => t.name)).toEqual(["Ekonomi & UMKM"]);
    expect(await db.auditLog.count({ where: { eventId: event.id, entity: "track" } })).toBe(4);
  });

  it("saves team rules with member pools", async () => {
    const { event, post } = await setup();
    const res = await post(generalAction, "struktur", {
      intent: "teamRules",
      minTeamSize: "7",
      maxTeamSize: "7",
      "pools[0].key": "mahasiswa",
      "pools[0].label": "Mahasiswa",
      "pools[0].quota": "5",
      "pools[1].key": "kim",
      "pools[1].label": "Anggota KIM",
      "pools[1].quota": "2",
    });
    expect(res.status).toBe(302);
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { pools: { orderBy: { order: "asc" } } } });
    expect([saved.minTeamSize, saved.maxTeamSize]).toEqual([7, 7]);
    expect(saved.pools.map((p) => [p.key, p.quota])).toEqual([
      ["mahasiswa", 5],
      ["kim", 2],
    ]);
  });

  it.each([
    ["a minimum above the maximum", { minTeamSize: "6", maxTeamSize: "4" }, "maxTeamSize", "structure.errors.team.min_above_max"],
    ["quotas below the maximum", { minTeamSize: "3", maxTeamSize: "7", "pools[0].key": "kim", "pools[0].label": "KIM", "pools[0].quota": "2" }, "pools", "structure.errors.team.pools_below_max"],
    [
      "a duplicate pool key",
      { minTeamSize: "1", maxTeamSize: "4", "pools[0].key": "kim", "pools[0].label": "A", "pools[0].quota": "2", "pools[1].key": "kim", "pools[1].label": "B", "pools[1].quota": "2" },
      "pools[1].key",
      "structure.errors.team.key_duplicate",
    ],
    ["a fractional size", { minTeamSize: "2.5", maxTeamSize: "4" }, "minTeamSize", "structure.errors.integer"],
  ])("refuses %s and writes nothing", async (_l, fields, field, key) => {
    const { event, post } = await setup();
    const res = await post(generalAction, "struktur", { intent: "teamRules", ...fields });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id }, include: { pools: true } });
    expect([saved.minTeamSize, saved.maxTeamSize, saved.pools.length]).toEqual([3, 7, 0]);
  });

  it("saves judging settings (blind judging, conflicts, ranking, requirements)", async () => {
    const { event, post } = await setup();
    const res = await post(generalAction, "struktur", { intent: "judging", rankingMethod: "borda", blindJudging: "on", conflictSameRegion: "on", requireVideo: "on", galleryPublished: "on" });
    expect(res.status).toBe(302);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      rankingMethod: "borda",
      blindJudging: true,
      conflictSameRegion: true,
      conflictSameKim: false,
      conflictSameInstitution: false,
      requireProposal: false,
      requireVideo: true,
      galleryPublished: true,
    });
    const bad = await post(generalAction, "struktur", { intent: "judging", rankingMethod: "median" });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body).rankingMethod).toContain("validation.invalid");
  });

  it("adds and renames regions and keeps one that teams use", async () => {
    const { event, post } = await setup();
    expect(await db.region.count({ where: { eventId: event.id } })).toBe(38);
    expect((await post(regionsAction, "struktur/wilayah", { intent: "region-add", name: "Luar Jawa Timur" })).status).toBe(302);
    const region = await db.region.findFirstOrThrow({ where: { eventId: event.id, name: "Kota Surabaya" } });
    expect((await post(regionsAction, "struktur/wilayah", { intent: "region-update", id: region.id, name: "Kota Surabaya Raya", code: "35.78" })).status).toBe(302);
    await db.team.create({ data: { eventId: event.id, name: "Tim A", nameKey: "tim a", inviteCode: "ABCD2345", inviteToken: "tok-abcd", regionId: region.id } });
    const res = await post(regionsAction, "struktur/wilayah", { intent: "region-delete", id: region.id });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).name).toContain("structure.errors.regionInUse");
    expect(await db.region.count({ where: { eventId: event.id } })).toBe(39);
  });
});

describe("rubric", () => {
  const criteria = (weights: number[]) =>
    Object.fromEntries(
      weights.flatMap((w, i) => [
        [`criteria[${i}].name`, `Kriteria ${i + 1}`],
        [`criteria[${i}].weight`, String(w)],
        [`criteria[${i}].scaleMin`, "1"],
        [`criteria[${i}].scaleMax`, "10"],
      ]),
    );

  it("replaces a round's criteria when the weights total 100", async () => {
    const { event, post } = await setup();
    const round = await db.round.findFirstOrThrow({ where: { eventId: event.id, order: 1 } });
    const res = await post(rubricAction, "struktur/rubrik", { roundId: round.id, judgesPerSubmission: "4", ...criteria([50, 30, 20]) });
    expect(res.status).toBe(302);
    const saved = await db.criterion.findMany({ where: { roundId: round.id }, orderBy: { order: "asc" } });
    expect(saved.map((c) => c.weight)).toEqual([50, 30, 20]);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).judgesPerSubmission).toBe(4);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "rubric.update" } })).toBe(1);
  });

  it.each([
    ["weights not totalling 100", criteria([50, 30]), "criteria", "structure.errors.criteria.weights_total"],
    ["no criteria", {}, "criteria", "structure.errors.criteria.no_criteria"],
    ["a scale upside down", { ...criteria([100]), "criteria[0].scaleMax": "1" }, "criteria[0].scaleMax", "structure.errors.criteria.scale_order"],
    ["two criteria with one name", { ...criteria([50, 50]), "criteria[1].name": "kriteria 1" }, "criteria[1].name", "structure.errors.criteria.name_duplicate"],
  ])("refuses %s and keeps the old rubric", async (_l, fields, field, key) => {
    const { event, post } = await setup();
    const round = await db.round.findFirstOrThrow({ where: { eventId: event.id, order: 1 } });
    const before = await db.criterion.findMany({ where: { roundId: round.id } });
    const res = await post(rubricAction, "struktur/rubrik", { roundId: round.id, judgesPerSubmission: "3", ...fields });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[field]).toContain(key);
    expect(await db.criterion.findMany({ where: { roundId: round.id } })).toEqual(before);
  });

  it("locks the rubric once a judge has scored the round", async () => {
    const { event, post } = await setup();
    const round = await db.round.findFirstOrThrow({ where: { eventId: event.id, order: 1 }, include: { criteria: true } });
    const assignment = await makeAssignment(event.id, round.id);
    const judgment = await db.judgment.create({ data: { assignmentId: assignment.id } });
    await db.score.create({ data: { judgmentId: judgment.id, criterionId: round.criteria[0].id, value: 7 } });
    const res = await post(rubricAction, "struktur/rubrik", { roundId: round.id, judgesPerSubmission: "3", ...criteria([100]) });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)[""]).toContain("structure.errors.criteria.locked");
    expect(await db.criterion.count({ where: { roundId: round.id } })).toBe(2);
  });
});

describe("awards and people's choice", () => {
  it("adds place, honourable and special awards and refuses a Juara without a place", async () => {
    const { event, post } = await setup();
    expect((await post(awardsAction, "struktur/penghargaan", { intent: "award-add", name: "Juara II", kind: "PLACE", place: "2", prize: "Rp5.000.000" })).status).toBe(302);
    expect((await post(awardsAction, "struktur/penghargaan", { intent: "award-add", name: "Harapan I", kind: "HONORABLE" })).status).toBe(302);
    expect((await post(awardsAction, "struktur/penghargaan", { intent: "award-add", name: "Inovasi Terbaik", kind: "SPECIAL" })).status).toBe(302);
    const bad = await post(awardsAction, "struktur/penghargaan", { intent: "award-add", name: "Juara III", kind: "PLACE" });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body).place).toContain("structure.errors.award.placeRequired");
    expect((await db.award.findMany({ where: { eventId: event.id }, orderBy: { order: "asc" } })).map((a) => a.name)).toEqual(["Juara I", "Juara II", "Harapan I", "Inovasi Terbaik"]);
  });

  it("turns people's choice on with a voting window and adds its award", async () => {
    const { event, post } = await setup();
    const res = await post(awardsAction, "struktur/penghargaan", { intent: "peoplesChoice", peoplesChoice: "on", votingOpensAt: "2030-01-01T08:00", votingClosesAt: "2030-01-10T20:00" });
    expect(res.status).toBe(302);
    const saved = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(saved.peoplesChoice).toBe(true);
    expect(saved.votingClosesAt?.toISOString()).toBe("2030-01-10T13:00:00.000Z");
    expect(await db.award.count({ where: { eventId: event.id, kind: "PEOPLES_CHOICE" } })).toBe(1);
    const bad = await post(awardsAction, "struktur/penghargaan", { intent: "peoplesChoice", peoplesChoice: "on", votingOpensAt: "2030-01-10T08:00", votingClosesAt: "2030-01-01T08:00" });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body).votingClosesAt).toContain("timeline.errors.order");
  });
});

describe("regions of any province", () => {
  it("adds a province's official kabupaten/kota with their codes, skips those already listed, and audits the counts", async () => {
    const { event, post } = await setup();
    const before = await db.region.count({ where: { eventId: event.id } });
    // The East Java event already lists its 38: nothing is added twice.
    const jatim = await post(regionsAction, "struktur/wilayah", { intent: "region-province", province: "35" });
    expect(jatim.status).toBe(302);
    expect(jatim.headers.get("Location")).toBe(`/kelola/${event.slug}/struktur/wilayah?tersimpan=regions&ditambah=0&dilewati=38`);
    expect(await db.region.count({ where: { eventId: event.id } })).toBe(before);

    const ntb = await post(regionsAction, "struktur/wilayah", { intent: "region-province", province: "52" });
    expect(ntb.headers.get("Location")).toBe(`/kelola/${event.slug}/struktur/wilayah?tersimpan=regions&ditambah=10&dilewati=0`);
    const added = await db.region.findMany({ where: { eventId: event.id, code: { startsWith: "52." } }, orderBy: { order: "asc" } });
    expect(added).toHaveLength(10);
    expect(added[0]).toMatchObject({ code: "52.01", name: "Kabupaten Lombok Barat" });
    expect(added.map((r) => r.name)).toContain("Kota Mataram");
    const orders = (await db.region.findMany({ where: { eventId: event.id }, select: { order: true } })).map((r) => r.order);
    expect(new Set(orders).size).toBe(orders.length);
    const log = await db.auditLog.findMany({ where: { eventId: event.id, action: "region.import" }, orderBy: { at: "asc" } });
    expect(log.map((l) => JSON.parse(l.after ?? "{}"))).toEqual([
      { province: "Jawa Timur", added: 0, skipped: 38 },
      { province: "Nusa Tenggara Barat", added: 10, skipped: 0 },
    ]);
  });

  it("refuses a province that does not exist with a localized message and writes nothing", async () => {
    const { event, post } = await setup();
    const regions = await db.region.count({ where: { eventId: event.id } });
    for (const province of ["", "99", "35.78", "Jawa Timur"]) {
      const res = await post(regionsAction, "struktur/wilayah", { intent: "region-province", province });
      expect(res.status).toBe(400);
      expect(errorsOf((res.body as { result: unknown }).result).province).toEqual(["structure.errors.provinceUnknown"]);
    }
    expect(await db.region.count({ where: { eventId: event.id } })).toBe(regions);
    expect(await db.auditLog.count({ where: { eventId: event.id } })).toBe(0);
  });
});
