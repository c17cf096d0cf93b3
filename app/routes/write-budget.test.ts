// The write budget: the two writes that come in bursts — a judge's score save and a team's
// project submission at the deadline — send a small, fixed number of SQL statements, the
// transaction's BEGIN and COMMIT included.
import { expect, test } from "vitest";
import { action as saveAction } from "~/routes/juri.$slug.nilai.$assignmentId.simpan";
import { action as submitAction } from "~/routes/tim.$teamId.karya";
import { cookieFor as judgeCookie, assign, judgingEvent } from "~/test/judging-fixture";
import { args, call, formRequest } from "~/test/request";
import { isPostgres } from "~/services/db.server";
import { recordStatements } from "~/test/statements";
import { makeEvent, makeTeam } from "~/test/submission-fixtures";

test("a score save: session, event, assignment, criteria, then one transaction (10 statements), on PostgreSQL one statement (5)", async () => {
  const fx = await judgingEvent({ judges: 2, teams: 3 });
  const [judge] = fx.judges;
  const a = await assign(fx.rounds[0].id, judge.id, fx.submissions[0].id);
  const cookie = await judgeCookie(judge.id);
  const slug = fx.event.slug;
  const fields = (version: number) => ({
    intent: "save",
    version: String(version),
    comment: "Bagus",
    privateNote: "",
    ...Object.fromEntries(fx.rounds[0].criteria.map((c) => [`score.${c.id}`, "7"])),
  });
  const save = (version: number) => call(() => saveAction(args(formRequest(`/juri/${slug}/nilai/${a.id}/simpan`, fields(version), { cookie }), { slug, assignmentId: a.id })));
  expect((await save(0)).status).toBe(200);
  const { result, statements } = await recordStatements(() => save(1));
  expect(result).toMatchObject({ status: 200, body: { ok: true, version: 2 } });
  expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(isPostgres() ? 5 : 10);
  // On PostgreSQL the judgment, its scores and the audit record are one statement, which needs no
  // transaction around it.
  expect(statements.filter((sql) => sql === "BEGIN")).toHaveLength(isPostgres() ? 0 : 1);
  if (isPostgres()) expect(statements.filter((sql) => /^WITH "saved" AS \(UPDATE "Judgment"/.test(sql))).toHaveLength(1);
});

test("a project submission: the team is read once, then one transaction (11 statements), on PostgreSQL one statement (7)", async () => {
  const opensAt = new Date(Date.now() - 60 * 60_000);
  const event = await makeEvent({ opensAt, closesAt: new Date(Date.now() + 60 * 60_000) });
  const { team, captain } = await makeTeam(event.id);
  const cookie = await judgeCookie(captain.id);
  const fields = {
    intent: "submit",
    title: "Lapor Desa",
    tagline: "Laporan warga",
    description: "## Masalah\nJalan rusak.",
    trackId: event.tracks[0]?.id ?? "",
    repoUrl: "https://github.com/kim/lapor",
    confirm: "on",
  };
  const { result, statements } = await recordStatements(() => call(() => submitAction(args(formRequest(`/tim/${team.id}/karya`, fields, { cookie }), { teamId: team.id }))));
  expect(result.status, JSON.stringify(result)).toBe(302);
  expect(
    statements.filter((sql) => /FROM "Team" t/.test(sql)),
    statements.join("\n"),
  ).toHaveLength(1);
  expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(isPostgres() ? 7 : 11);
  // On PostgreSQL the project and its revision are one statement, without a transaction.
  expect(statements.filter((sql) => sql === "BEGIN")).toHaveLength(isPostgres() ? 0 : 1);
  if (isPostgres()) expect(statements.filter((sql) => /^WITH "saved" AS \(INSERT INTO "Submission"/.test(sql))).toHaveLength(1);
});
