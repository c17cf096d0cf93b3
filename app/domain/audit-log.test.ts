import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n";
import { AUDIT_ENUMS, auditRefs, describeAudit, renderAudit, type AuditFormat, type AuditLine, type AuditRecord, type AuditValue, type Names } from "./audit-log";

const ROOT = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every audit action key the code writes: the string literals in each `action:` property, ternaries included. */
function writtenKeys(pattern: RegExp, literal = /"([a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)?)"/g): Set<string> {
  const keys = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, "app")), ...sourceFiles(join(ROOT, "prisma"))]) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(pattern)) for (const lit of m[1].matchAll(literal)) keys.add(lit[1]);
  }
  return keys;
}

const ACTIONS = new Set([...writtenKeys(/\baction:\s*([^,\n}]*(?:\{[^}]*\})?)/g)].filter((k) => k.includes(".")));
const ENTITIES = new Set([...writtenKeys(/\bentity:\s*("[A-Za-z]+")/g, /"([A-Za-z]+)"/g)].filter((e) => e !== "asc" && e !== "desc"));

const ids = { track: "trk1", region: "reg1", team: "team1", round: "rnd1", round2: "rnd2", sub: "sub1", judge: "usr-j", user: "usr-o", crit: "crt1", faq: "faq1", member: "mem1", award: "awd1" };
const NAMES: Names = {
  track: { [ids.track]: "Kota Cerdas" },
  region: { [ids.region]: "Kab. Malang" },
  team: { [ids.team]: "Tim Lumbung" },
  round: { [ids.round]: "Penyisihan", [ids.round2]: "Final" },
  submission: { [ids.sub]: "Lapak Desa" },
  user: { [ids.judge]: "Juri Satu", [ids.user]: "Rina Panitia" },
  criterion: { [ids.crit]: "Dampak" },
  faq: { [ids.faq]: "Kapan daftar?" },
  member: { [ids.member]: "Juri Satu" },
  award: { [ids.award]: "Juara I" },
};

/** One record per action, shaped as its writer stores it. */
const SAMPLES: Record<string, Omit<AuditRecord, "action">> = {
  "account.delete": { entity: "user", entityId: "usr-x", before: null, after: { removedMemberships: 1, removedTeams: 0 } },
  "event.retention": { entity: "event", entityId: "e1", before: null, after: { anonymizedAccounts: 3, keptAccounts: 2, removedTeams: 1, clearedInvites: 0 } },
  "region.import": { entity: "region", entityId: "35", before: null, after: { province: "Jawa Timur", added: 38, skipped: 0 } },
  "personal.export": { entity: "personal", entityId: "teams", before: null, after: { export: "teams", format: "csv", rows: 12 } },
  "personal.view": { entity: "personal", entityId: ids.team, before: null, after: { teamId: ids.team } },
  "event.create": { entity: "event", entityId: "e1", before: null, after: { name: "KIM Hackathon", slug: "kim", timezone: "Asia/Jakarta", rounds: [] } },
  "event.update": { entity: "event", entityId: "e1", before: { name: "A", isPublic: false, contactEmail: null }, after: { name: "B", isPublic: true, contactEmail: "a@b.id" } },
  "event.banner": { entity: "event", entityId: "e1", before: { bannerKey: null }, after: { bannerKey: "banners/x", size: 10, sha256: "ab" } },
  "timeline.update": {
    entity: "event",
    entityId: "e1",
    before: { submissionClosesAt: "2026-05-01T10:00:00.000Z", rounds: [{ id: ids.round, name: "Penyisihan", closesAt: "2026-05-10T10:00:00.000Z" }] },
    after: {
      submissionClosesAt: "2026-05-02T10:00:00.000Z",
      rounds: [
        { id: ids.round, name: "Penyisihan", closesAt: "2026-05-11T10:00:00.000Z" },
        { name: "Final", closesAt: "2026-05-20T10:00:00.000Z" },
      ],
    },
  },
  "faq.create": { entity: "faq", entityId: ids.faq, before: null, after: { question: "Kapan?", answer: "Besok" } },
  "faq.update": { entity: "faq", entityId: ids.faq, before: { answer: "Besok" }, after: { answer: "Lusa" } },
  "faq.delete": { entity: "faq", entityId: ids.faq, before: { question: "Kapan?", answer: "Besok" }, after: null },
  "faq.reorder": { entity: "faq", entityId: ids.faq, before: ["x", ids.faq], after: [ids.faq, "x"] },
  "track.create": { entity: "track", entityId: ids.track, before: null, after: { name: "Kota Cerdas", description: "Layanan kota" } },
  "track.update": { entity: "track", entityId: ids.track, before: { name: "Kota Pintar" }, after: { name: "Kota Cerdas" } },
  "track.delete": { entity: "track", entityId: ids.track, before: { name: "Kota Cerdas", description: "" }, after: null },
  "track.reorder": { entity: "track", entityId: ids.track, before: [ids.track, "x"], after: ["x", ids.track] },
  "region.create": { entity: "region", entityId: ids.region, before: null, after: { name: "Kab. Malang", code: "35.07" } },
  "region.update": { entity: "region", entityId: ids.region, before: { code: null }, after: { code: "35.07" } },
  "region.delete": { entity: "region", entityId: ids.region, before: { name: "Kab. Malang", code: "35.07" }, after: null },
  "reminders.update": { entity: "event", entityId: "e1", before: { remindSubmission: true }, after: { remindSubmission: false } },
  "statistics.update": { entity: "event", entityId: "e1", before: { statisticsPublic: false }, after: { statisticsPublic: true } },
  "teamRules.update": {
    entity: "event",
    entityId: "e1",
    before: { minTeamSize: 3, maxTeamSize: 5, pools: [] },
    after: { minTeamSize: 3, maxTeamSize: 7, pools: [{ key: "kim", label: "Anggota KIM", quota: 2 }] },
  },
  "settings.update": { entity: "event", entityId: "e1", before: { blindJudging: false, rankingMethod: "raw" }, after: { blindJudging: true, rankingMethod: "zscore" } },
  "rubric.update": {
    entity: "round",
    entityId: ids.round,
    before: { judgesPerSubmission: 2, criteria: [{ name: "Dampak", description: "", weight: 50, scaleMin: 1, scaleMax: 5 }] },
    after: {
      judgesPerSubmission: 3,
      criteria: [
        { name: "Dampak", description: "", weight: 60, scaleMin: 1, scaleMax: 5 },
        { name: "Kelayakan", description: "", weight: 40, scaleMin: 1, scaleMax: 5 },
      ],
    },
  },
  "award.create": { entity: "award", entityId: ids.award, before: null, after: { name: "Juara I", kind: "PLACE", place: 1, prize: "Rp10.000.000" } },
  "award.update": { entity: "award", entityId: ids.award, before: { prize: "Rp5.000.000" }, after: { prize: "Rp10.000.000" } },
  "award.delete": { entity: "award", entityId: ids.award, before: { name: "Juara I", kind: "PLACE", place: 1, prize: null }, after: null },
  "peoplesChoice.update": { entity: "event", entityId: "e1", before: { peoplesChoice: false, votingOpensAt: null }, after: { peoplesChoice: true, votingOpensAt: "2026-06-01T01:00:00.000Z" } },
  "member.remove": { entity: "member", entityId: ids.member, before: { userId: ids.judge, email: "juri@contoh.id", role: "JUDGE" }, after: null },
  "member.affiliation": {
    entity: "member",
    entityId: ids.member,
    before: { regionId: null, kimName: null, institution: null },
    after: { regionId: ids.region, kimName: "KIM Lestari", institution: null },
  },
  "invite.create": { entity: "invite", entityId: "inv1", before: null, after: { role: "JUDGE", email: "juri@contoh.id", expiresAt: "2026-06-01T01:00:00.000Z" } },
  "invite.revoke": { entity: "invite", entityId: "inv1", before: { role: "JUDGE", email: "juri@contoh.id" }, after: { revokedAt: "2026-06-01T01:00:00.000Z" } },
  "invite.accept": { entity: "invite", entityId: "inv1", before: null, after: { memberId: ids.member, role: "JUDGE", kimName: "KIM Lestari" } },
  "team.review": { entity: "Team", entityId: ids.team, before: { status: "PENDING", statusReason: null }, after: { status: "REJECTED", statusReason: "Berkas tidak lengkap" } },
  "team.extension": { entity: "Extension", entityId: "ext1", before: null, after: { teamId: ids.team, kind: "REGISTRATION", until: "2026-06-01T01:00:00.000Z", reason: "Listrik padam" } },
  "announcement.create": { entity: "Announcement", entityId: "ann1", before: null, after: { title: "Jadwal presentasi", segment: "finalists" } },
  "gallery.publish": { entity: "Event", entityId: "e1", before: { galleryPublished: false }, after: { galleryPublished: true } },
  "gallery.unpublish": { entity: "Event", entityId: "e1", before: { galleryPublished: true }, after: { galleryPublished: false } },
  "results.publish": {
    entity: "Publication",
    entityId: "pub1",
    before: { rankingMethod: "raw" },
    after: { method: "zscore", sha256: "ab", awards: [{ awardId: ids.award, submissionId: ids.sub }], overrideUnfinished: true, overrideReason: "Juri sakit", certificates: 12 },
  },
  "results.correct": {
    entity: "Publication",
    entityId: "pub2",
    before: { publicationId: "pub1", sha256: "ab", method: "zscore" },
    after: {
      method: "zscore",
      sha256: "cd",
      awards: [{ awardId: ids.award, submissionId: ids.sub }],
      overrideUnfinished: false,
      overrideReason: null,
      certificates: 12,
      reason: "Nilai juri salah ketik",
    },
  },
  "judgment.save": {
    entity: "judgment",
    entityId: "jdg1",
    before: { assignmentId: "a1", roundId: ids.round, submissionId: ids.sub, judgeId: ids.judge, version: 0, scores: {}, comment: "", privateNote: "", finalized: false },
    after: { assignmentId: "a1", roundId: ids.round, submissionId: ids.sub, judgeId: ids.judge, version: 1, scores: { [ids.crit]: 4.5 }, comment: "Bagus", privateNote: "", finalized: false },
  },
  "judgment.finalize": {
    entity: "judgment",
    entityId: "jdg1",
    before: { submissionId: ids.sub, judgeId: ids.judge, version: 1, scores: { [ids.crit]: 4 }, comment: "Bagus", finalized: false },
    after: { submissionId: ids.sub, judgeId: ids.judge, version: 2, scores: { [ids.crit]: 5 }, comment: "Bagus", finalized: true },
  },
  "assignment.auto": {
    entity: "round",
    entityId: ids.round,
    before: null,
    after: { k: 2, created: [{ judgeId: ids.judge, submissionId: ids.sub }], shortfalls: [{ submissionId: ids.sub }], loads: {}, droppedFixed: [] },
  },
  "assignment.add": { entity: "assignment", entityId: "as1", before: null, after: { roundId: ids.round, judgeId: ids.judge, submissionId: ids.sub, manual: true } },
  "assignment.remove": { entity: "assignment", entityId: "as1", before: { roundId: ids.round, judgeId: ids.judge, submissionId: ids.sub, manual: true, scores: null }, after: null },
  "assignment.rebalance": {
    entity: "round",
    entityId: ids.round,
    before: { droppedJudgeId: ids.judge, removed: ["as1", "as2"] },
    after: { created: [{ judgeId: ids.user, submissionId: ids.sub }], shortfalls: [] },
  },
  "judging.remind": { entity: "round", entityId: ids.round, before: null, after: { judges: [{ judgeId: ids.judge, open: 3 }] } },
  "round.advance": { entity: "round", entityId: ids.round2, before: null, after: { fromRoundId: ids.round, selection: "top", submissionIds: [ids.sub], tieAtCut: false } },
  "conflict.declare": {
    entity: "judge",
    entityId: ids.judge,
    before: { regionId: null, kimName: null, institution: null, declaredTeamIds: [] },
    after: { regionId: ids.region, kimName: null, institution: "Univ. Brawijaya", declaredTeamIds: [ids.team] },
  },
  "conflict.refresh": { entity: "judge", entityId: "e1", before: null, after: { added: 2, removed: 1 } },
  "conflict.withdraw": { entity: "team", entityId: ids.team, before: { declaredAt: "2026-06-01T01:00:00.000Z" }, after: { assigned: true } },
  "conflict.scored": { entity: "team", entityId: ids.team, before: null, after: { reasons: ["region", "declared"] } },
  "import.judgesPreview": { entity: "import", entityId: "e1", before: null, after: { format: "csv", rows: 12, ready: 10, skipped: 1, errors: 1 } },
  "import.judgesConfirm": { entity: "import", entityId: "e1", before: null, after: { format: "xlsx", rows: 12, ready: 10, skipped: 1, errors: 1, invited: 10 } },
  "import.teamsPreview": {
    entity: "import",
    entityId: "e1",
    before: null,
    after: { format: "csv", rows: 9, ready: 6, skipped: 3, errors: 0, teams: 3, teamsReady: 2, teamsSkipped: 1, teamsWithErrors: 0 },
  },
  "import.teamsConfirm": {
    entity: "import",
    entityId: "e1",
    before: null,
    after: { format: "csv", rows: 9, ready: 6, skipped: 3, errors: 0, teams: 3, teamsReady: 2, teamsSkipped: 1, teamsWithErrors: 0, created: 2, places: 6 },
  },
  "seat.claim": { entity: "team", entityId: ids.team, before: null, after: { captain: true } },
  "team.join": { entity: "team", entityId: ids.team, before: null, after: { via: "finder", pool: "kim" } },
  "joinRequest.accept": { entity: "team", entityId: ids.team, before: null, after: { userId: ids.judge, direction: "TO_TEAM" } },
  "joinRequest.decline": { entity: "team", entityId: ids.team, before: null, after: { userId: ids.judge, direction: "TO_PARTICIPANT" } },
};

const fmt = (lang: "id" | "en", t: TFunction): AuditFormat => ({
  t: (key, params) => t(key, params ?? {}) as string,
  number: (n) => new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID").format(n),
  date: (iso) => `<${iso.slice(0, 10)}>`,
});

const ts = {} as Record<"id" | "en", { t: TFunction; exists: (k: string) => boolean }>;
beforeAll(async () => {
  for (const lang of ["id", "en"] as const) {
    const instance = i18next.createInstance();
    await instance.init({ ...i18nConfig, lng: lang, fallbackLng: false });
    ts[lang] = { t: instance.t, exists: (k) => instance.exists(k) };
  }
});

/** Every translation key a line uses: its sentence, field labels and the phrases in its values. */
function keysOf(line: AuditLine): string[] {
  const ofValue = (v: AuditValue | undefined): string[] => {
    if (!v) return [];
    if (v.kind === "bool") return ["audit.values.yes", "audit.values.no"];
    if (v.kind === "phrase") return [v.key, ...Object.values(v.params ?? {}).flatMap(ofValue)];
    if (v.kind === "list") return v.items.flatMap(ofValue);
    return [];
  };
  return [
    line.key,
    ...Object.values(line.params).flatMap(ofValue),
    ...line.changes.flatMap((c) => [`audit.fields.${c.field}`, ...Object.values(c.fieldParams ?? {}).flatMap(ofValue), ...ofValue(c.before), ...ofValue(c.after)]),
  ];
}

describe("audit log translations", () => {
  it("finds the action keys the code writes, the conditional ones included", () => {
    expect(ACTIONS.size).toBeGreaterThanOrEqual(45);
    for (const key of ["judgment.save", "judgment.finalize", "gallery.publish", "gallery.unpublish", "results.publish", "conflict.refresh", "event.create"]) expect(ACTIONS).toContain(key);
  });

  it("every action key written by the code has a sentence in Indonesian and English", () => {
    for (const lang of ["id", "en"] as const) {
      const missing = [...ACTIONS].filter((key) => !ts[lang].exists(`audit.actions.${key}`));
      expect(missing, `${lang}: actions without a translation`).toEqual([]);
    }
  });

  it("every kind of record written by the code has a label for the filter", () => {
    expect(ENTITIES.size).toBeGreaterThanOrEqual(15);
    for (const lang of ["id", "en"] as const) {
      const missing = [...ENTITIES].filter((e) => !ts[lang].exists(`audit.entities.${e.toLowerCase()}`));
      expect(missing, `${lang}: entities without a label`).toEqual([]);
    }
  });

  it("every action written by the code is described, and every word of its description is translated", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ACTIONS].sort());
    for (const [action, sample] of Object.entries(SAMPLES)) {
      const line = describeAudit({ action, ...sample }, NAMES);
      expect(line.key, action).not.toBe("audit.actions.unknown");
      for (const lang of ["id", "en"] as const) {
        const missing = keysOf(line).filter((k) => !ts[lang].exists(k));
        expect(missing, `${lang}: ${action}`).toEqual([]);
        const { sentence, changes } = renderAudit(line, "Rina Panitia", fmt(lang, ts[lang].t));
        expect(sentence, `${lang}: ${action}`).not.toMatch(/\{\{|audit\.|undefined|\[object/);
        for (const c of changes) expect(`${c.field} ${c.before} ${c.after}`, `${lang}: ${action}`).not.toMatch(/\{\{|audit\.|undefined|\[object|Id\b/);
      }
    }
  });

  it("every coded value has a label in both languages", () => {
    for (const lang of ["id", "en"] as const) {
      for (const [field, values] of Object.entries(AUDIT_ENUMS)) {
        for (const v of values) expect(ts[lang].exists(`audit.values.${field}.${v}`), `${lang}: ${field}.${v}`).toBe(true);
      }
    }
  });
});

describe("audit lines read as sentences", () => {
  const render = (action: string, lang: "id" | "en", names: Names = NAMES) => renderAudit(describeAudit({ action, ...SAMPLES[action] }, names), "Rina Panitia", fmt(lang, ts[lang].t));

  it("says who changed what, by name, with each field as before → after", () => {
    expect(render("track.update", "id")).toEqual({ sentence: "Rina Panitia mengubah bidang Kota Cerdas", changes: [{ field: "Nama", before: "Kota Pintar", after: "Kota Cerdas" }] });
    expect(render("track.update", "en")).toEqual({ sentence: "Rina Panitia changed the track Kota Cerdas", changes: [{ field: "Name", before: "Kota Pintar", after: "Kota Cerdas" }] });
  });

  it("resolves ids to names and writes numbers the language's way", () => {
    const id = render("judgment.save", "id");
    expect(id.sentence).toBe("Rina Panitia menyimpan nilai untuk «Lapak Desa»");
    expect(id.changes).toContainEqual({ field: "Nilai Dampak", before: "—", after: "4,5" });
    expect(id.changes).toContainEqual({ field: "Komentar untuk tim", before: "—", after: "Bagus" });
    expect(render("judgment.save", "en").changes).toContainEqual({ field: "Score Dampak", before: "—", after: "4.5" });
    expect(render("assignment.add", "en").sentence).toBe("Rina Panitia assigned Juri Satu to “Lapak Desa” in round Penyisihan");
    expect(render("member.affiliation", "id").changes).toContainEqual({ field: "Wilayah", before: "—", after: "Kab. Malang" });
  });

  it("translates coded values and shows a created thing's fields without arrows", () => {
    expect(render("team.review", "id").changes).toEqual([
      { field: "Status", before: "Menunggu", after: "Ditolak" },
      { field: "Alasan", before: "—", after: "Berkas tidak lengkap" },
    ]);
    expect(render("award.create", "en").changes).toEqual([
      { field: "Kind", before: null, after: "Place" },
      { field: "Place", before: null, after: "1" },
      { field: "Prize", before: null, after: "Rp10.000.000" },
    ]);
    expect(render("settings.update", "en").changes).toContainEqual({ field: "Blind judging", before: "No", after: "Yes" });
  });

  it("shows the timeline's moved dates and rounds", () => {
    expect(render("timeline.update", "en").changes).toEqual([
      { field: "Submissions close", before: "<2026-05-01>", after: "<2026-05-02>" },
      { field: "Round Penyisihan closes", before: "<2026-05-10>", after: "<2026-05-11>" },
      { field: "Round Final closes", before: null, after: "<2026-05-20>" },
    ]);
  });

  it("names a thing removed since from the record itself, or says it is gone", () => {
    expect(render("track.update", "en", {}).sentence).toBe("Rina Panitia changed the track Kota Cerdas");
    expect(render("assignment.add", "id", {}).sentence).toBe("Rina Panitia menugaskan (sudah dihapus) menilai «(sudah dihapus)» di babak (sudah dihapus)");
  });

  it("collects every id a page mentions for one lookup", () => {
    const refs = auditRefs(Object.entries(SAMPLES).map(([action, s]) => ({ action, ...s })));
    expect(refs.user).toEqual(expect.arrayContaining([ids.judge, ids.user]));
    expect(refs.team).toContain(ids.team);
    expect(refs.criterion).toContain(ids.crit);
    expect(refs.round).toEqual(expect.arrayContaining([ids.round, ids.round2]));
    expect(refs.member).toContain(ids.member);
    expect(refs.region).toContain(ids.region);
    expect(refs.award).toContain(ids.award);
  });
});
