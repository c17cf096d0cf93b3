// Session validation reads one row per request and writes only to extend a session that is past
// half its life (Lucia's rule), never on every request.
import { db } from "~/services/db.server";
import { withRequestScope } from "~/services/request-context.server";
import { sessionKey } from "~/services/session-key.server";
import { getAuth } from "~/services/session.server";
import { makeUser } from "~/test/event-helpers";
import { getRequest } from "~/test/request";
import { recordStatements } from "~/test/statements";

const DAY = 24 * 60 * 60 * 1000;

test("a fresh session is validated with one read and no write", async () => {
  const user = await makeUser();
  const { result, statements } = await recordStatements(() => getAuth(getRequest("/dasbor", user.cookie)));
  expect(result.user?.id).toBe(user.id);
  expect(result.cookie).toBeNull();
  expect(statements).toHaveLength(1);
  expect(statements[0]).toMatch(/^SELECT/);
});

test("a session past half its life is extended once, with a new cookie", async () => {
  const user = await makeUser();
  const id = user.cookie.split("=")[1];
  await db.session.update({ where: { id: sessionKey(id) }, data: { expiresAt: new Date(Date.now() + 10 * DAY) } });
  const { result, statements } = await recordStatements(() => getAuth(getRequest("/dasbor", user.cookie)));
  expect(statements, statements.join("\n")).toHaveLength(2);
  expect(statements[1]).toMatch(/^UPDATE/);
  expect(result.cookie).toContain(id);
  const stored = await db.session.findUniqueOrThrow({ where: { id: sessionKey(id) } });
  expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
});

test("every loader of one read shares the validation, whatever Request copy it holds", async () => {
  const user = await makeUser();
  const { statements } = await recordStatements(() => withRequestScope(() => Promise.all([getAuth(getRequest("/dasbor", user.cookie)), getAuth(getRequest("/dasbor", user.cookie))])));
  expect(statements).toHaveLength(1);
});
