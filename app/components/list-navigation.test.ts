// Which clicks in a list of plain links navigate within the app, and which are left to the browser.
import { describe, expect, it } from "vitest";
import { inAppTarget, isCurrentPath } from "./list-navigation";

const ORIGIN = "https://kim.example.id";

function anchor(href: string, attributes: Record<string, string> = {}) {
  return {
    href: new URL(href, ORIGIN).href,
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
  };
}

/** A click on something inside `link` (or on nothing that is a link), within a list that holds it. */
function click(
  link: ReturnType<typeof anchor> | null,
  over: Partial<{ button: number; metaKey: boolean; altKey: boolean; ctrlKey: boolean; shiftKey: boolean; defaultPrevented: boolean }> = {},
  inList = true,
) {
  return {
    defaultPrevented: false,
    button: 0,
    metaKey: false,
    altKey: false,
    ctrlKey: false,
    shiftKey: false,
    ...over,
    target: { closest: (selector: string) => (selector === "a[href]" ? link : null) },
    currentTarget: { contains: (node: unknown) => inList && node === link },
  };
}

describe("inAppTarget", () => {
  it("navigates a plain left click on a link to a page of the app, keeping its query and fragment", () => {
    expect(inAppTarget(click(anchor("/juri/kim-2026/nilai/a1")), ORIGIN)).toBe("/juri/kim-2026/nilai/a1");
    expect(inAppTarget(click(anchor(`${ORIGIN}/juri/kim-2026/nilai/a1?tab=2#rubrik`)), ORIGIN)).toBe("/juri/kim-2026/nilai/a1?tab=2#rubrik");
    expect(inAppTarget(click(anchor("/x"), {}), ORIGIN)).toBe("/x");
  });

  it("leaves to the browser a click with a modifier key or another button, or one already handled", () => {
    const link = anchor("/juri/kim-2026/nilai/a1");
    for (const over of [{ metaKey: true }, { ctrlKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }, { defaultPrevented: true }]) {
      expect(inAppTarget(click(link, over), ORIGIN), JSON.stringify(over)).toBeNull();
    }
  });

  it("leaves to the browser a link that opens elsewhere, downloads, asks for a reload or goes to another site", () => {
    expect(inAppTarget(click(anchor("/a", { target: "_blank" })), ORIGIN)).toBeNull();
    expect(inAppTarget(click(anchor("/a", { target: "_self" })), ORIGIN)).toBe("/a");
    expect(inAppTarget(click(anchor("/berkas/1", { download: "" })), ORIGIN)).toBeNull();
    expect(inAppTarget(click(anchor("/keluar", { "data-reload": "" })), ORIGIN)).toBeNull();
    expect(inAppTarget(click(anchor("https://github.com/kim/x")), ORIGIN)).toBeNull();
  });

  it("leaves a jump within the page (the skip link) to the browser", () => {
    expect(inAppTarget(click(anchor(`${ORIGIN}/dasbor#konten`, { href: "#konten" })), ORIGIN)).toBeNull();
    expect(inAppTarget(click(anchor(`${ORIGIN}/privasi#data`, { href: "/privasi#data" })), ORIGIN)).toBe("/privasi#data");
  });

  it("ignores a click that is not on a link inside the list", () => {
    expect(inAppTarget(click(null), ORIGIN)).toBeNull();
    expect(inAppTarget(click(anchor("/a"), {}, false), ORIGIN)).toBeNull();
    expect(inAppTarget({ ...click(anchor("/a")), target: null }, ORIGIN)).toBeNull();
  });
});

describe("isCurrentPath", () => {
  it("marks the page a link leads to and, unless it is an end, the pages under it", () => {
    expect(isCurrentPath("/dasbor", "/dasbor")).toBe(true);
    expect(isCurrentPath("/dasbor/", "/dasbor")).toBe(true);
    expect(isCurrentPath("/Dasbor", "/dasbor")).toBe(true);
    expect(isCurrentPath("/akun/sandi", "/akun")).toBe(true);
    expect(isCurrentPath("/akun/sandi", "/akun", true)).toBe(false);
    expect(isCurrentPath("/akunku", "/akun")).toBe(false);
    expect(isCurrentPath("/admin", "/dasbor")).toBe(false);
  });

  it("marks the home link only on the home page when it is an end", () => {
    expect(isCurrentPath("/", "/", true)).toBe(true);
    expect(isCurrentPath("/acara/kim-2026", "/", true)).toBe(false);
    expect(isCurrentPath("/acara/kim-2026", "/")).toBe(true);
  });
});
