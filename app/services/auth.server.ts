// Sessions (Lucia 3) stored in our own Session table; the cookie holds only the session id.
import { Lucia, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "./db.server";
import { env } from "./env.server";

type SessionUserRow = {
  id: string;
  userId: string;
  expiresAt: Date;
  email: string;
  name: string;
  isAdmin: boolean | number | bigint;
  emailVerifiedAt: Date | null;
};

// Lucia's Adapter interface over the project's Prisma models (the official Prisma adapter pins an
// older @prisma/client; see README Decisions).
const adapter: Adapter = {
  // One statement: every signed-in request starts here.
  async getSessionAndUser(sessionId) {
    const rows = await db.$queryRaw<SessionUserRow[]>`
      SELECT s."id", s."userId", s."expiresAt", u."email", u."name", u."isAdmin", u."emailVerifiedAt"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${sessionId}`;
    const row = rows[0];
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: row.id,
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
      },
    };
    return [session, user];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: {} }));
  },
  async setSession(session) {
    const attrs = session.attributes as { userAgent?: string | null };
    await db.session.create({
      data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt, userAgent: attrs.userAgent ?? null },
    });
  },
  // One statement (Prisma's updateMany wraps itself in a transaction); Lucia calls it only for a
  // session past half its life.
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.$executeRaw`UPDATE "Session" SET "expiresAt" = ${expiresAt} WHERE "id" = ${sessionId}`;
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
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
    DatabaseUserAttributes: { email: string; name: string; isAdmin: boolean; emailVerified: boolean };
    DatabaseSessionAttributes: { userAgent?: string | null };
  }
}
