// The retention job, with an injected clock: an event's participant contacts are anonymized at the
// exact millisecond its period ends, once (also when two instances tick together), and only what
// the event still holds: dormant accounts are erased, accounts in use elsewhere are kept.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETED_NAME, retentionEndsAt } from "~/domain/privacy";
import { db } from "~/services/db.server";
import { makeEvent, person } from "~/test/teams";
import { eraseEventContacts, retention } from "./retention.server";
import { exportTeamsCsv } from "./screening.server";

const DAY = 86_400_000;

async function teamOf(eventId: string, status: "ACCEPTED" | "REJECTED" | "PENDING", members: { id: string }[]) {
  const tag = randomBytes(4).toString("hex");
  return db.team.create({
    data: {
      eventId,
      name: `Tim ${tag}`,
      nameKey: `tim ${tag}`,
      inviteCode: tag.toUpperCase(),
      inviteToken: `tok-${tag}`,
      status,
      members: { create: members.map((m, i) => ({ userId: m.id, eventId, role: i === 0 ? "CAPTAIN" : "MEMBER" })) },
    },
  });
}

/** An event 30 days' retention after its announcement, with the people the rules tell apart. */
async function heldEvent() {
  const ev = await makeEvent();
  await db.event.update({ where: { id: ev.id }, data: { contactRetentionDays: 30 } });
  const event = await db.event.findUniqueOrThrow({ where: { id: ev.id } });
  const end = retentionEndsAt(event.announcementAt, 30);
  const dormant = await person("Dewi Kartika", "+6281234567890");
  const signedInSince = await person("Budi Santoso", "+6281234567891");
  await db.user.update({ where: { id: signedInSince.id }, data: { lastSignInAt: new Date(event.announcementAt.getTime() + DAY) } });
  const elsewhere = await person("Sari Wulandari");
  const other = await makeEvent();
  await teamOf(other.id, "PENDING", [elsewhere]);
  const rejected = await person("Agus Salim");
  const accepted = await teamOf(ev.id, "ACCEPTED", [dormant, signedInSince, elsewhere]);
  const notAccepted = await teamOf(ev.id, "REJECTED", [rejected]);
  await db.invite.create({
    data: {
      eventId: ev.id,
      role: "JUDGE",
      email: "juri.belum@contoh.id",
      kimName: "KIM Maju",
      institution: "Diskominfo",
      tokenHash: `h-${randomBytes(6).toString("hex")}`,
      invitedById: signedInSince.id,
      expiresAt: end,
    },
  });
  // A place an import kept for a member who never claimed it.
  await db.teamSeat.create({
    data: {
      eventId: ev.id,
      teamId: accepted.id,
      email: "belum.klaim@contoh.id",
      name: "Rina Belum",
      whatsapp: "+628111",
      tokenHash: `s-${randomBytes(6).toString("hex")}`,
      invitedById: signedInSince.id,
    },
  });
  return { event, end, dormant, signedInSince, elsewhere, rejected, accepted, notAccepted };
}

describe("retention of participants' contact data", () => {
  it("does nothing one millisecond before the period ends and erases at the exact end", async () => {
    const fx = await heldEvent();
    await retention(new Date(fx.end.getTime() - 1));
    expect((await db.event.findUniqueOrThrow({ where: { id: fx.event.id } })).contactsErasedAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: fx.dormant.id } })).deletedAt).toBeNull();
    expect(await db.team.count({ where: { id: fx.notAccepted.id } })).toBe(1);

    await retention(fx.end);
    const event = await db.event.findUniqueOrThrow({ where: { id: fx.event.id } });
    expect(event.contactsErasedAt).toEqual(fx.end);

    // Nobody has used this account since the announcement, and it is in no other event: erased.
    const dormant = await db.user.findUniqueOrThrow({ where: { id: fx.dormant.id } });
    expect(dormant).toMatchObject({ name: DELETED_NAME, whatsapp: null, deletedAt: fx.end });
    expect(dormant.email).not.toBe(fx.dormant.email);
    expect(await db.session.count({ where: { userId: fx.dormant.id } })).toBe(0);
    // Signed in since, or still in an event within its period: the account is theirs and stays.
    for (const kept of [fx.signedInSince, fx.elsewhere]) {
      const user = await db.user.findUniqueOrThrow({ where: { id: kept.id } });
      expect(user).toMatchObject({ name: kept.name, email: kept.email, deletedAt: null });
    }
    // The accepted team stays (results name it) with all its members; the rejected one is gone.
    expect(await db.teamMember.count({ where: { teamId: fx.accepted.id } })).toBe(3);
    expect(await db.team.count({ where: { id: fx.notAccepted.id } })).toBe(0);
    expect(await db.invite.count({ where: { eventId: fx.event.id, email: { not: null } } })).toBe(0);

    const log = await db.auditLog.findMany({ where: { eventId: fx.event.id, action: "event.retention" } });
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].after ?? "{}")).toEqual({ anonymizedAccounts: 1, keptAccounts: 2, removedTeams: 1, removedPlaces: 1, clearedInvites: 1 });
    expect(await db.teamSeat.count({ where: { eventId: fx.event.id } })).toBe(0);
    expect(await db.invite.count({ where: { eventId: fx.event.id, kimName: { not: null } } })).toBe(0);
    expect(log[0].after).not.toContain(fx.dormant.name);

    // Later ticks find nothing more to do.
    await retention(new Date(fx.end.getTime() + DAY));
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "event.retention" } })).toBe(1);
  });

  it("runs once when two instances tick at the same moment", async () => {
    const fx = await heldEvent();
    await Promise.all([retention(fx.end), retention(fx.end)]);
    expect(await db.auditLog.count({ where: { eventId: fx.event.id, action: "event.retention" } })).toBe(1);
    expect(await db.scheduledRun.count({ where: { key: `retention:${fx.event.id}` } })).toBe(1);
    expect(await eraseEventContacts(fx.event.id, fx.end)).toBeNull();
  });

  it("follows the organizer's chosen period", async () => {
    const fx = await heldEvent();
    await db.event.update({ where: { id: fx.event.id }, data: { contactRetentionDays: 90 } });
    await retention(fx.end);
    expect((await db.event.findUniqueOrThrow({ where: { id: fx.event.id } })).contactsErasedAt).toBeNull();
    const longer = retentionEndsAt(fx.event.announcementAt, 90);
    await retention(longer);
    expect((await db.event.findUniqueOrThrow({ where: { id: fx.event.id } })).contactsErasedAt).toEqual(longer);
  });

  it("leaves emails and WhatsApp numbers out of the event's exports afterwards", async () => {
    const fx = await heldEvent();
    const labels = { headers: ["h"], status: { PENDING: "P", ACCEPTED: "A", REJECTED: "R" }, role: { CAPTAIN: "K", MEMBER: "A" }, yes: "ya", no: "tidak" };
    const before = await exportTeamsCsv({ ...fx.event, pools: [] }, labels);
    expect(before.text).toContain(fx.signedInSince.email);
    await retention(fx.end);
    const event = await db.event.findUniqueOrThrow({ where: { id: fx.event.id } });
    const after = await exportTeamsCsv({ ...event, pools: [] }, labels);
    expect(after.text).toContain(fx.signedInSince.name);
    expect(after.text).not.toContain(fx.signedInSince.email);
    expect(after.text).not.toContain("6281234567891");
  });
});
