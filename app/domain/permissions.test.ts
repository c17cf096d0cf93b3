import { describe, expect, it } from "vitest";
import { can, type Actor, type Permission } from "./permissions";

const base: Actor = { userId: "u1", isAdmin: false, eventRoles: [] };
const ALL: Permission[] = ["create:event", "manage:event", "judge:event"];
const allowed = (actor: Actor) => ALL.filter((p) => can(actor, p));

describe("permissions", () => {
  it("an anonymous visitor may do nothing, even with the flags of an admin", () => {
    expect(allowed({ userId: null, isAdmin: true, eventRoles: ["ORGANIZER", "JUDGE"] })).toEqual([]);
  });
  it("a signed-in user without a role may do nothing in the event", () => {
    expect(allowed(base)).toEqual([]);
  });
  it("only the platform admin creates events, and manages every event without a role in it", () => {
    expect(allowed({ ...base, isAdmin: true })).toEqual(["create:event", "manage:event"]);
  });
  it("an organizer manages the event but judges only with the judge role too", () => {
    expect(allowed({ ...base, eventRoles: ["ORGANIZER"] })).toEqual(["manage:event"]);
    expect(allowed({ ...base, eventRoles: ["ORGANIZER", "JUDGE"] })).toEqual(["manage:event", "judge:event"]);
  });
  it("a judge judges and manages nothing", () => {
    expect(allowed({ ...base, eventRoles: ["JUDGE"] })).toEqual(["judge:event"]);
  });
});
