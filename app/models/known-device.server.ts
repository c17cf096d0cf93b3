// Browsers an account has signed in from. The cookie holds a random secret; only its hash is
// stored (UserToken KNOWN_DEVICE).
import { db } from "~/services/db.server";
import { randomToken, sha256 } from "~/services/ids.server";

export const KNOWN_DEVICE_DAYS = 365;

export async function isKnownDevice(secret: string | null, email: string, now: Date): Promise<boolean> {
  if (!secret || secret.length > 100) return false;
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256(secret) }, select: { purpose: true, expiresAt: true, user: { select: { email: true } } } });
  return Boolean(row && row.purpose === "KNOWN_DEVICE" && row.expiresAt > now && row.user.email === email);
}

export async function rememberDevice(userId: string, now: Date): Promise<string> {
  const secret = randomToken(32);
  await db.userToken.create({
    data: { userId, purpose: "KNOWN_DEVICE", tokenHash: sha256(secret), expiresAt: new Date(now.getTime() + KNOWN_DEVICE_DAYS * 864e5) },
  });
  return secret;
}
