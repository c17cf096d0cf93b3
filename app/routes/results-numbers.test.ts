// Scores, means and judge statistics are written the page's language's way: a decimal comma in
// Indonesian (60,21), a decimal point in English (60.21). Each page is rendered in both languages.
import { describe, expect, it } from "vitest";
import { formatNumber } from "~/domain/number";
import * as publicResults from "~/routes/acara.$slug_.hasil";
import * as record from "~/routes/berita-acara.$id";
import * as organizerResults from "~/routes/kelola.$slug.hasil";
import * as feedback from "~/routes/tim.$teamId_.umpan-balik";
import { db } from "~/services/db.server";
import { renderRoute } from "~/test/render-route";
import { args, call, formRequest, getRequest } from "~/test/request";
import { cookieFor, judgedEvent } from "~/test/results-fixture";
import type { Language } from "~/i18n";

async function publishedEvent() {
  const fx = await judgedEvent();
  const cookie = await cookieFor(fx.organizer.id);
  const slug = fx.event.slug;
  const view = (await call(async () => organizerResults.loader(args(getRequest(`/kelola/${slug}/hasil`, cookie), { slug })))).body as { suggestions: Record<string, string[]> };
  const fields: Record<string, string> = {};
  for (const [id, subs] of Object.entries(view.suggestions)) if (subs[0]) fields[`award-${id}`] = subs[0];
  const res = await call(async () => organizerResults.action(args(formRequest(`/kelola/${slug}/hasil`, { intent: "publish", method: "zscore", confirm: "on", ...fields }, { cookie }), { slug })));
  expect(res.status).toBe(302);
  return { fx, cookie, slug };
}

const withLang = (path: string, lang: Language) => `${path}${path.includes("?") ? "&" : "?"}lng=${lang}`;

/**
 * The page's text without tags, so a number split by markup still reads as one. The stored
 * document the berita acara shows in a <pre> is machine-readable JSON and keeps plain numbers.
 */
const textOf = (html: string) =>
  html
    .replace(/<pre\b[\s\S]*?<\/pre>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|\s+/g, " ");

/** Every non-integer value must appear written the language's way, never the other way. */
function expectWritten(html: string, lang: Language, values: number[], digits = 2) {
  const fractional = values.filter((v) => Number.isFinite(v) && !Number.isInteger(Number(v.toFixed(digits))));
  expect(fractional.length, "the page shows at least one number with decimals").toBeGreaterThan(0);
  const text = textOf(html);
  for (const v of fractional) {
    expect(text).toContain(formatNumber(v, lang, digits));
    const other = formatNumber(v, lang === "id" ? "en" : "id", digits);
    // A whole number only: "7.3" inside a time such as "07.33 WIB" or inside "17,30" is not the value.
    const standalone = new RegExp(`(?<![\\d.,])${other.replace(/[.,]/g, "\\$&")}(?![\\d])`);
    expect(text, `${v} written as ${other} in ${lang}`).not.toMatch(standalone);
  }
}

describe("numbers in the page's language", () => {
  it("public results, berita acara and a team's feedback write 60,21 in Indonesian and 60.21 in English", async () => {
    const { fx, slug } = await publishedEvent();
    const pub = await db.publication.findFirstOrThrow({ where: { eventId: fx.event.id } });
    const team = fx.teams.find((t) => t.submission)!;
    const member = await cookieFor(team.members[0].user.id);
    for (const lang of ["id", "en"] as const) {
      const board = await renderRoute(publicResults, "/acara/:slug/hasil", getRequest(withLang(`/acara/${slug}/hasil`, lang)), { language: lang });
      expect(board.status).toBe(200);
      expectWritten(
        board.html,
        lang,
        (board.loaderData as { rows: { score: number | null }[] }).rows.map((r) => r.score ?? Number.NaN),
      );

      const doc = await renderRoute(record, "/berita-acara/:id", getRequest(withLang(`/berita-acara/${pub.id}`, lang)), { language: lang });
      expectWritten(
        doc.html,
        lang,
        (doc.loaderData as { rows: { score: number | null }[] }).rows.map((r) => r.score ?? Number.NaN),
      );

      const fb = await renderRoute(feedback, "/tim/:teamId/umpan-balik", getRequest(withLang(`/tim/${team.id}/umpan-balik`, lang), member), { language: lang });
      expect(fb.status).toBe(200);
      expectWritten(fb.html, lang, Object.values((fb.loaderData as { criterionMeans: Record<string, number> }).criterionMeans), 1);
    }
  });

  it("the organizer's results page writes scores and judge statistics the language's way", async () => {
    const { cookie, slug } = await publishedEvent();
    for (const lang of ["id", "en"] as const) {
      const page = await renderRoute(organizerResults, "/kelola/:slug/hasil", getRequest(withLang(`/kelola/${slug}/hasil`, lang), cookie), { language: lang });
      expect(page.status).toBe(200);
      const d = page.loaderData as { judges: { mean: number; sd: number }[]; window: { rows: { scores: Record<string, number | null> | null }[] } };
      expectWritten(
        page.html,
        lang,
        d.judges.flatMap((j) => [j.mean, j.sd]),
        1,
      );
      expectWritten(
        page.html,
        lang,
        d.window.rows.flatMap((r) => Object.values(r.scores ?? {}).map((v) => v ?? Number.NaN)),
      );
    }
  });
});
