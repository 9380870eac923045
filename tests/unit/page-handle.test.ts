import type { UIMatch } from "@remix-run/react";
import { describe, expect, it } from "vitest";

import { documentScripts, HYDRATE, pageModuleUrl, type PageHandle } from "~/utils/page-handle";

/** The one rule for a document's scripts (decision 029), on matches shaped as Remix gives them. */
function matches(...handles: Array<PageHandle | undefined | string>): UIMatch[] {
  return handles.map((handle, index) => ({ id: `route-${index}`, pathname: "/", params: {}, data: undefined, handle }));
}

describe("which scripts a document loads", () => {
  it("hydrates only when a matched route asks, whatever its depth", () => {
    expect(documentScripts(matches({ modules: ["quick-exit"] }, undefined)).hydrate).toBe(false);
    expect(documentScripts(matches({ modules: ["quick-exit"] }, HYDRATE, undefined)).hydrate).toBe(true);
    expect(documentScripts(matches(undefined, undefined, HYDRATE)).hydrate).toBe(true);
  });

  it("loads each module of every matched route once, in route order", () => {
    const scripts = documentScripts(matches({ modules: ["quick-exit"] }, { modules: ["donation-form", "quick-exit"] }));
    expect(scripts.modules).toEqual(["quick-exit", "donation-form"]);
    expect(scripts.modules.map(pageModuleUrl)).toEqual(["/modules/quick-exit.js", "/modules/donation-form.js"]);
  });

  it("ignores a handle that is not an object", () => {
    expect(documentScripts(matches("hydrate", undefined))).toEqual({ hydrate: false, modules: [] });
  });
});

describe("the modules the routes may name", () => {
  it("are exactly those the build script bundles", async () => {
    const { PAGE_MODULES } = await import("~/utils/page-handle");
    const { PAGE_MODULE_SOURCES } = (await import("../../scripts/build-page-modules.mjs")) as {
      PAGE_MODULE_SOURCES: Record<string, string>;
    };
    expect(Object.keys(PAGE_MODULE_SOURCES).sort()).toEqual([...PAGE_MODULES].sort());
  });
});
