// Sessions (Lucia 3) stored in our own Session table. The cookie holds the session id; the table
// holds only its SHA-256, so a copy of the database does not hand out live sessions.
import { Lucia, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db, queryRows } from "./db.server";
import { env } from "./env.server";
import { sessionKey } from "./session-key.server";

type SessionUserRow = {
  id: string;
  userId: string;
  expiresAt: Date;
  email: string;
  name: string;
  isAdmin: boolean | number | bigint;
  emailVerifiedAt: Date | null;
  privacyVersion: number | bigint | null;
};

// Lucia's Adapter interface over the project's Prisma models (the official Prisma adapter pins an
// older @prisma/client; see README Decisions).
const adapter: Adapter = {
  // One statement: every signed-in request starts here.
  async getSessionAndUser(sessionId) {
    const rows = await queryRows<SessionUserRow[]>`
      SELECT s."id", s."userId", s."expiresAt", u."email", u."name", u."isAdmin", u."emailVerifiedAt", u."privacyVersion"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${sessionKey(sessionId)}`;
    const row = rows[0];
    if (!row) return [null, null];
    // Lucia re-issues the cookie from this id, so it must be the secret, not the stored hash.
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.userId,
      expiresAt: new Date(row.expiresAt),
      attributes: {},
    };
    const user: DatabaseUser = {
      id: row.userId,
      attributes: {
        email: row.email,
        name: row.name,
        isAdmin: Boolean(Number(row.isAdmin)),
        emailVerified: row.emailVerifiedAt !== null,
        privacyVersion: row.privacyVersion === null ? null : Number(row.privacyVersion),
      },
    };
    return [session, user];
  },
  // The ids listed here are the stored hashes (the secrets are not kept); the app only counts them.
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    const attrs = session.attributes as { userAgent?: string | null };
    await db.session.create({
      data: { id: sessionKey(session.id), userId: session.userId, expiresAt: session.expiresAt, userAgent: attrs.userAgent ?? null },
    });
  },
  // One statement (Prisma's updateMany wraps itself in a transaction); Lucia calls it only for a
  // session past half its life.
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.$executeRaw`UPDATE "Session" SET "expiresAt" = ${expiresAt} WHERE "id" = ${sessionKey(sessionId)}`;
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionKey(sessionId) } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

export const lucia = new Lucia(adapter, {
  sessionCookie: {
    name: "kim_session",
    attributes: { secure: env().APP_URL.startsWith("https://"), sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; isAdmin: boolean; emailVerified: boolean; privacyVersion: number | null };
    DatabaseSessionAttributes: { userAgent?: string | null };
  }
}
