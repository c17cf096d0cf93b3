import { describe, expect, it } from "vitest";
import { can, type Actor } from "./permissions";

const base: Actor = { userId: "u1", isAdmin: false, eventRoles: [], teamIds: [], captainOf: [] };

describe("permissions", () => {
  it("anonymous actors can do nothing", () => {
    expect(can({ ...base, userId: null, isAdmin: true }, "create:event:any")).toBe(false);
  });
  it("only admins create events; admins also act as organizers", () => {
    expect(can(base, "create:event:any")).toBe(false);
    expect(can({ ...base, isAdmin: true }, "create:event:any")).toBe(true);
    expect(can({ ...base, isAdmin: true }, "update:event:organized")).toBe(true);
  });
  it("organizer permissions need the organizer role of this event", () => {
    expect(can({ ...base, eventRoles: ["JUDGE"] }, "review:team:organized")).toBe(false);
    expect(can({ ...base, eventRoles: ["ORGANIZER"] }, "review:team:organized")).toBe(true);
  });
  it("team access needs membership of that team; captain actions need the captaincy", () => {
    const member: Actor = { ...base, teamIds: ["t1"], captainOf: [] };
    expect(can(member, "read:team:own", { teamId: "t1" })).toBe(true);
    expect(can(member, "read:team:own", { teamId: "t2" })).toBe(false);
    expect(can(member, "update:team:captain", { teamId: "t1" })).toBe(false);
    expect(can({ ...member, captainOf: ["t1"] }, "update:team:captain", { teamId: "t1" })).toBe(true);
  });
  it("judges score only what is assigned to them", () => {
    const judge: Actor = { ...base, eventRoles: ["JUDGE"] };
    expect(can(judge, "score:assignment:own", { judgeAssigned: true })).toBe(true);
    expect(can(judge, "score:assignment:own", { judgeAssigned: false })).toBe(false);
    expect(can({ ...base, eventRoles: ["ORGANIZER"] }, "score:assignment:own", { judgeAssigned: true })).toBe(false);
  });
});
