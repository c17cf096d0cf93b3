// Sessions (Lucia 3) stored in our own Session table. The cookie holds the session id; the table
// holds only its SHA-256, so a copy of the database does not hand out live sessions.
import { Lucia, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { db } from "./db.server";
import { env } from "./env.server";
import { sessionKey } from "./session-key.server";

// Lucia's Adapter interface over the project's Prisma models (the official Prisma adapter pins an
// older @prisma/client; see README Decisions).
const adapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await db.session.findUnique({ where: { id: sessionKey(sessionId) }, include: { user: true } });
    if (!row) return [null, null];
    // Lucia re-issues the cookie from this id, so it must be the secret, not the stored hash.
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: {},
    };
    const user: DatabaseUser = {
      id: row.user.id,
      attributes: {
        email: row.user.email,
        name: row.user.name,
        isAdmin: row.user.isAdmin,
        emailVerified: row.user.emailVerifiedAt !== null,
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
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionKey(sessionId) }, data: { expiresAt } });
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
    DatabaseUserAttributes: { email: string; name: string; isAdmin: boolean; emailVerified: boolean };
    DatabaseSessionAttributes: { userAgent?: string | null };
  }
}
