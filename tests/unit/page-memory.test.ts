import { describe, expect, it } from "vitest";

import { changesPublicPages, createPageMemory } from "~/server/page-memory.server";
import type { StoredPage } from "~/server/revalidation.server";

function page(body: string): StoredPage {
  return { etag: `W/"${body}"`, statusText: "OK", headers: [["Cache-Control", "public"]], body };
}

describe("page memory", () => {
  it("is off at 0 seconds", () => {
    expect(createPageMemory({ seconds: 0 })).toBeUndefined();
  });

  it("answers a page until its seconds are up", () => {
    let clock = 1_000;
    const memory = createPageMemory({ seconds: 5, now: () => clock })!;
    memory.set("/campaigns/a", page("a"));
    clock += 4_999;
    expect(memory.get("/campaigns/a")?.body).toBe("a");
    clock += 1;
    expect(memory.get("/campaigns/a")).toBeUndefined();
    expect(memory.get("/campaigns/b")).toBeUndefined();
  });

  it("keeps at most maxEntries pages, forgetting the oldest first", () => {
    const memory = createPageMemory({ seconds: 60, maxEntries: 2 })!;
    memory.set("/?a", page("a"));
    memory.set("/?b", page("b"));
    memory.set("/?a", page("a2")); // stored again: now the newest
    memory.set("/?c", page("c"));
    expect(memory.get("/?b")).toBeUndefined();
    expect(memory.get("/?a")?.body).toBe("a2");
    expect(memory.get("/?c")?.body).toBe("c");
  });

  it("forgets everything after a staff change that succeeded, and only then", () => {
    expect(changesPublicPages("POST", "/admin/campaigns/abc", 303)).toBe(true);
    expect(changesPublicPages("POST", "/admin/campaigns/abc.data", 200)).toBe(true);
    expect(changesPublicPages("POST", "/admin/campaigns/abc", 422)).toBe(false);
    expect(changesPublicPages("GET", "/admin/campaigns", 200)).toBe(false);
    expect(changesPublicPages("POST", "/campaigns/a", 303)).toBe(false);
    expect(changesPublicPages("POST", "/administrators", 303)).toBe(false);
    const memory = createPageMemory({ seconds: 60 })!;
    memory.set("/", page("home"));
    memory.clear();
    expect(memory.get("/")).toBeUndefined();
  });
});
