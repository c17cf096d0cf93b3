// Email verification: a one-time link (UserToken EMAIL_VERIFY, only its hash stored).
import { db } from "~/services/db.server";
import { randomToken, sha256 } from "~/services/ids.server";

export const VERIFY_TOKEN_HOURS = 48;

export async function createEmailVerifyToken(userId: string, now: Date): Promise<string> {
  const token = randomToken(32);
  await db.$transaction([
    db.userToken.updateMany({ where: { userId, purpose: "EMAIL_VERIFY", usedAt: null }, data: { usedAt: now } }),
    db.userToken.create({
      data: { userId, purpose: "EMAIL_VERIFY", tokenHash: sha256(token), expiresAt: new Date(now.getTime() + VERIFY_TOKEN_HOURS * 3_600_000) },
    }),
  ]);
  return token;
}

export async function verifyEmailToken(token: string, now: Date): Promise<"ok" | "invalid" | "expired"> {
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.purpose !== "EMAIL_VERIFY" || row.usedAt) return "invalid";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  const ok = await db.$transaction(async (tx) => {
    const burned = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (burned.count !== 1) return false;
    await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: now } });
    return true;
  });
  return ok ? "ok" : "invalid";
}
