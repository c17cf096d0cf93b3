// Organizer data exports (CSV, XLSX): teams, submissions, scores and the current ranking.
import type { Cell } from "~/domain/csv";
import { db } from "~/services/db.server";
import { loadRoundResults } from "./results.server";

export const EXPORT_TABLES = ["teams", "submissions", "scores", "ranking"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export type Table = { name: ExportTable; rows: Cell[][] };

const iso = (d: Date | null) => (d ? d.toISOString() : "");
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export async function exportTable(event: { id: string; rankingMethod: string; tieBreak: string; contactsErasedAt?: Date | null }, name: ExportTable): Promise<Table> {
  if (name === "teams") {
    const teams = await db.team.findMany({
      where: { eventId: event.id },
      orderBy: { name: "asc" },
      select: {
        name: true,
        kimName: true,
        institution: true,
        status: true,
        createdAt: true,
        region: { select: { name: true } },
        track: { select: { name: true } },
        members: { select: { role: true, user: { select: { name: true, email: true } } } },
      },
    });
    return {
      name,
      rows: [
        ["team", "kim", "institution", "region", "track", "status", "members", "emails", "registeredAt"],
        ...teams.map((t) => [
          t.name,
          t.kimName,
          t.institution,
          t.region?.name ?? "",
          t.track?.name ?? "",
          t.status,
          t.members.map((m) => m.user.name).join("; "),
          // After the retention period the export carries names only.
          event.contactsErasedAt ? "" : t.members.map((m) => m.user.email).join("; "),
          iso(t.createdAt),
        ]),
      ],
    };
  }
  if (name === "submissions") {
    const subs = await db.submission.findMany({
      where: { eventId: event.id },
      orderBy: { title: "asc" },
      select: {
        id: true,
        title: true,
        tagline: true,
        status: true,
        repoUrl: true,
        demoUrl: true,
        videoUrl: true,
        submittedAt: true,
        team: { select: { name: true } },
        track: { select: { name: true } },
      },
    });
    return {
      name,
      rows: [
        ["submissionId", "title", "tagline", "team", "track", "status", "repoUrl", "demoUrl", "videoUrl", "submittedAt"],
        ...subs.map((s) => [s.id, s.title, s.tagline, s.team.name, s.track?.name ?? "", s.status, s.repoUrl ?? "", s.demoUrl ?? "", s.videoUrl ?? "", iso(s.submittedAt)]),
      ],
    };
  }
  if (name === "scores") {
    const scores = await db.score.findMany({
      where: { judgment: { assignment: { round: { eventId: event.id } } } },
      select: {
        value: true,
        criterion: { select: { name: true } },
        judgment: {
          select: {
            finalizedAt: true,
            assignment: { select: { round: { select: { name: true } }, judge: { select: { name: true } }, submission: { select: { title: true, team: { select: { name: true } } } } } },
          },
        },
      },
    });
    const rows = scores.map((s) => {
      const a = s.judgment.assignment;
      return [a.round.name, a.submission.team.name, a.submission.title, a.judge.name, s.criterion.name, s.value, s.judgment.finalizedAt ? "final" : "draft"] as Cell[];
    });
    rows.sort((x, y) => String(x.slice(0, 5)).localeCompare(String(y.slice(0, 5))));
    return { name, rows: [["round", "team", "title", "judge", "criterion", "value", "state"], ...rows] };
  }
  const r = await loadRoundResults(event);
  return {
    name,
    rows: [
      ["place", "joint", "team", "title", "track", "region", "score", "raw", "zscore", "borda", "judges"],
      ...r.rows.map((row) => {
        const e = r.entries[row.submissionId];
        return [
          row.place,
          row.joint ? "yes" : "",
          e?.teamName ?? "",
          e?.title ?? "",
          e?.track ?? "",
          e?.region ?? "",
          round2(row.score),
          round2(row.raw),
          round2(row.zscoreNormalized),
          round2(row.borda),
          row.judgeCount,
        ];
      }),
    ],
  };
}
