import { describe, expect, it } from "vitest";
import { action as staffAction } from "~/routes/kelola.$slug.tim-panitia";
import { action as acceptAction, loader as inviteLoader } from "~/routes/undangan.$token";
import { db } from "~/services/db.server";
import { sha256 } from "~/services/ids.server";
import { args, errorsOf, makeUser, organizedEvent, outbox } from "~/test/event-helpers";
import { call, formRequest, getRequest } from "~/test/request";

async function setup() {
  const { event, organizer } = await organizedEvent();
  const post = (fields: Record<string, string>, cookie = organizer.cookie) => call(() => staffAction(args(formRequest(`/kelola/${event.slug}/tim-panitia`, fields, { cookie }), { slug: event.slug })));
  /** Invites `email` and returns the token (from the link shown once). */
  const linkInvite = async (role: "JUDGE" | "ORGANIZER", email: string) => {
    const res = await post({ intent: "invite", role, email });
    expect(res.status).toBe(200);
    const link = (res.body as { link: string }).link;
    return link.split("/undangan/")[1] as string;
  };
  const accept = (token: string, cookie: string, fields: Record<string, string> = {}) => call(() => acceptAction(args(formRequest(`/undangan/${token}`, fields, { cookie }), { token })));
  return { event, organizer, post, linkInvite, accept };
}

describe("inviting organizers and judges", () => {
  it("invites an existing account like any address: no role without their acceptance, nothing learned about the account", async () => {
    const { event, post } = await setup();
    const judge = await makeUser({ name: "Budi Santoso Juri" });
    const known = await post({ intent: "invite", role: "JUDGE", email: judge.email.toUpperCase() });
    const unknown = await post({ intent: "invite", role: "JUDGE", email: "belum.punya.akun@contoh.id" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const shape = (body: unknown) => Object.keys(body as object).sort();
    expect(shape(known.body)).toEqual(shape(unknown.body));
    expect((known.body as { emailed: string }).emailed).toBe(judge.email);
    expect(JSON.stringify(known.body)).not.toContain("Budi Santoso");
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: judge.id } })).toBe(0);
    const mail = outbox().find((m) => m.text.includes(`To: ${judge.email}`));
    expect(mail?.text).toContain("/undangan/");
    expect(mail?.text).not.toContain("Budi Santoso");
  });

  it("refuses to invite someone already on the team with that role", async () => {
    const { event, post } = await setup();
    const judge = await makeUser();
    await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    const again = await post({ intent: "invite", role: "JUDGE", email: judge.email });
    expect(again.status).toBe(400);
    expect(errorsOf(again.body).email).toContain("organizer.errors.alreadyMember");
  });

  it("emails a one-time link to someone without an account; only its hash is stored", async () => {
    const { event, linkInvite } = await setup();
    const token = await linkInvite("JUDGE", "calon.juri@contoh.id");
    const invite = await db.invite.findFirstOrThrow({ where: { eventId: event.id } });
    expect(invite.tokenHash).not.toContain(token);
    expect(invite.expiresAt.getTime() - invite.createdAt.getTime()).toBeGreaterThan(6.9 * 864e5);
    const mail = outbox().find((m) => m.text.includes("To: calon.juri@contoh.id"));
    expect(mail?.text).toContain(`/undangan/${token}`);
    expect(await db.auditLog.count({ where: { eventId: event.id, action: "invite.create" } })).toBe(1);
  });

  it("refuses a bad email or role", async () => {
    const { event, post } = await setup();
    const bad = await post({ intent: "invite", role: "JUDGE", email: "bukan-email" });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body).email).toContain("validation.email");
    const role = await post({ intent: "invite", role: "ADMIN", email: "a@contoh.id" });
    expect(role.status).toBe(400);
    expect(errorsOf(role.body).role).toContain("validation.invalid");
    const none = await post({ intent: "invite", role: "JUDGE" });
    expect(none.status).toBe(400);
    expect(errorsOf(none.body).email?.length).toBeGreaterThan(0);
    expect(await db.invite.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("accepting an invite", () => {
  it("asks an anonymous visitor to sign in and come back", async () => {
    const { linkInvite } = await setup();
    const token = await linkInvite("JUDGE", "tamu@contoh.id");
    const page = await call(() => inviteLoader(args(getRequest(`/undangan/${token}`), { token })));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ state: "valid", signedIn: false });
    const res = await call(() => acceptAction(args(formRequest(`/undangan/${token}`, {}), { token })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/masuk?redirectTo=${encodeURIComponent(`/undangan/${token}`)}`);
  });

  it("makes the signed-in user a judge with their affiliation, once", async () => {
    const { event, linkInvite, accept } = await setup();
    const judge = await makeUser();
    const token = await linkInvite("JUDGE", judge.email);
    const region = await db.region.findFirstOrThrow({ where: { eventId: event.id, name: "Kabupaten Madiun" } });
    const res = await accept(token, judge.cookie, { regionId: region.id, kimName: "KIM Sumber Rejeki", institution: "Universitas Negeri Madiun" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/juri/${event.slug}`);
    const member = await db.eventMember.findFirstOrThrow({ where: { eventId: event.id, userId: judge.id } });
    expect(member).toMatchObject({ role: "JUDGE", regionId: region.id, kimName: "KIM Sumber Rejeki", institution: "Universitas Negeri Madiun" });
    const invite = await db.invite.findFirstOrThrow({ where: { eventId: event.id } });
    expect(invite.acceptedById).toBe(judge.id);

    const other = await makeUser();
    const reused = await accept(token, other.cookie);
    expect(reused.status).toBe(410);
    expect(errorsOf(reused.body)[""]).toContain("invite.errors.used");
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: other.id } })).toBe(0);
    const page = await call(() => inviteLoader(args(getRequest(`/undangan/${token}`, other.cookie), { token })));
    expect(page.status).toBe(410);
    expect(page.body).toMatchObject({ state: "used" });
  });

  it("sends a new organizer to the organizer area", async () => {
    const { event, linkInvite, accept } = await setup();
    const user = await makeUser();
    const token = await linkInvite("ORGANIZER", user.email);
    const res = await accept(token, user.cookie);
    expect(res.headers.get("Location")).toBe(`/kelola/${event.slug}?tersimpan=welcome`);
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: user.id, role: "ORGANIZER" } })).toBe(1);
  });

  it("refuses an expired invite", async () => {
    const { event, linkInvite, accept } = await setup();
    const user = await makeUser();
    const token = await linkInvite("JUDGE", user.email);
    await db.invite.updateMany({ where: { eventId: event.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await accept(token, user.cookie);
    expect(res.status).toBe(410);
    expect(errorsOf(res.body)[""]).toContain("invite.errors.expired");
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: user.id } })).toBe(0);
  });

  it("refuses a revoked invite", async () => {
    const { event, linkInvite, accept, post } = await setup();
    const user = await makeUser();
    const token = await linkInvite("JUDGE", user.email);
    const invite = await db.invite.findFirstOrThrow({ where: { eventId: event.id } });
    expect((await post({ intent: "revoke", id: invite.id })).status).toBe(302);
    const res = await accept(token, user.cookie);
    expect(res.status).toBe(410);
    expect(errorsOf(res.body)[""]).toContain("invite.errors.revoked");
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: user.id } })).toBe(0);
  });

  it("refuses an unknown token and a region of another event", async () => {
    const { linkInvite, accept } = await setup();
    const user = await makeUser();
    const unknown = await accept("tidak-ada", user.cookie);
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown.body)[""]).toContain("invite.errors.invalid");
    const token = await linkInvite("JUDGE", user.email);
    const { event: other } = await organizedEvent();
    const foreign = await db.region.findFirstOrThrow({ where: { eventId: other.id } });
    const res = await accept(token, user.cookie, { regionId: foreign.id });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).regionId).toContain("validation.invalid");
    expect(await db.eventMember.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("only the invited address accepts", () => {
  it("refuses another signed-in account (a forwarded link), writes nothing and leaves the invite to its owner", async () => {
    const { event, linkInvite, accept } = await setup();
    const owner = await makeUser();
    const token = await linkInvite("ORGANIZER", owner.email);
    const stranger = await makeUser();
    const page = await call(() => inviteLoader(args(getRequest(`/undangan/${token}`, stranger.cookie), { token })));
    expect(page.body).toMatchObject({ state: "valid", invite: { mismatch: "wrongAccount" } });
    const res = await accept(token, stranger.cookie);
    expect(res.status).toBe(403);
    expect(errorsOf(res.body)[""]).toContain("invite.errors.wrongAccount");
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: stranger.id } })).toBe(0);
    expect((await accept(token, owner.cookie)).status).toBe(302);
  });

  it("asks the owner to confirm the address first (anyone can sign up with someone else's address)", async () => {
    const { event, linkInvite, accept } = await setup();
    const owner = await makeUser({ verified: false });
    const token = await linkInvite("JUDGE", owner.email);
    const res = await accept(token, owner.cookie);
    expect(res.status).toBe(403);
    expect(errorsOf(res.body)[""]).toContain("invite.errors.unverified");
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: owner.id } })).toBe(0);
    await db.user.update({ where: { id: owner.id }, data: { emailVerifiedAt: new Date() } });
    expect((await accept(token, owner.cookie)).status).toBe(302);
  });

  it("refuses an old invite made without an address", async () => {
    const { event, organizer, accept } = await setup();
    const token = "tautan-lama-tanpa-email-0123456789";
    await db.invite.create({ data: { eventId: event.id, role: "ORGANIZER", email: null, tokenHash: sha256(token), invitedById: organizer.id, expiresAt: new Date(Date.now() + 864e5) } });
    const user = await makeUser();
    const res = await accept(token, user.cookie);
    expect(res.status).toBe(403);
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: user.id } })).toBe(0);
  });
});

describe("managing the team", () => {
  it("keeps at least one organizer and lets the organizer set a judge's affiliation", async () => {
    const { event, organizer, post } = await setup();
    const me = await db.eventMember.findFirstOrThrow({ where: { eventId: event.id, userId: organizer.id } });
    const last = await post({ intent: "remove", id: me.id });
    expect(last.status).toBe(400);
    expect(errorsOf(last.body)[""]).toContain("organizer.errors.lastOrganizer");
    expect(await db.eventMember.count({ where: { id: me.id } })).toBe(1);

    const judge = await makeUser();
    const member = await db.eventMember.create({ data: { eventId: event.id, userId: judge.id, role: "JUDGE" } });
    const region = await db.region.findFirstOrThrow({ where: { eventId: event.id } });
    expect((await post({ intent: "affiliation", id: member.id, memberId: member.id, regionId: region.id, kimName: "KIM Maju", institution: "Diskominfo" })).status).toBe(302);
    expect(await db.eventMember.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ regionId: region.id, kimName: "KIM Maju", institution: "Diskominfo" });
    expect((await post({ intent: "remove", id: member.id })).status).toBe(302);
    expect(await db.eventMember.count({ where: { id: member.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { eventId: event.id, entity: "member" } })).toBe(2);
  });
});
