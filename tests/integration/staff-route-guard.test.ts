import crypto from "node:crypto";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";

import { formRequest, loaderArgs } from "../support/requests";
import { signedInStaff } from "../support/staff";
import { routeUrl, staffRouteFiles } from "../support/staff-routes";

/**
 * Every route module under /admin, found on disk, so a new staff page is
 * checked without anyone remembering to add it here. A route is admin-only
 * unless it is listed as open to viewers.
 */
const adminRoutes = staffRouteFiles().map((file) => file.route);

/** Reachable without signing in. */
const PUBLIC = new Set(["admin_.sign-in"]);
/** Readable by a viewer (their loaders); every other staff loader and every action is admin-only. */
const VIEWER_CAN_READ = new Set([
  "admin",
  "admin._index",
  "admin.donations._index",
  "admin.donations.$donationId",
  "admin.donors._index",
  "admin.donors.$donorId",
  "admin.sign-out",
]);
/** Actions a viewer may use. */
const VIEWER_CAN_POST = new Set(["admin.sign-out"]);

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown> | unknown;
};

async function statusOf(run: () => Promise<unknown> | unknown): Promise<{ status: number; location?: string | null }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("location") };
    const init = (result as { init?: { status?: number } } | null)?.init;
    return { status: init?.status ?? 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("location") };
    const init = (thrown as { init?: { status?: number } } | null)?.init;
    if (init?.status) return { status: init.status };
    throw thrown;
  }
}

async function changeCounts() {
  const [audit, emails, campaigns, staff, sessions] = await Promise.all([
    db().auditLog.count(),
    db().emailMessage.count(),
    db().campaign.findMany({ select: { updatedAt: true } }),
    db().staffUser.findMany({ select: { updatedAt: true } }),
    db().staffSession.count({ where: { revokedAt: null } }),
  ]);
  return { audit, emails, campaigns, staff, sessions };
}

describe("every /admin route", () => {
  it("is found on disk", () => {
    expect(adminRoutes).toContain("admin._index");
    expect(adminRoutes.length).toBeGreaterThanOrEqual(4);
  });

  for (const route of adminRoutes.filter((r) => !PUBLIC.has(r))) {
    it(`${route}: refuses anonymous requests, and lets a viewer change nothing`, async () => {
      const mod = (await import(`~/routes/${route}.tsx`).catch(() => import(`~/routes/${route}.ts`))) as RouteModule;
      const { url, params } = routeUrl(route);
      const viewer = await signedInStaff("viewer");
      const before = await changeCounts();

      if (mod.loader) {
        const anonymous = await statusOf(() => mod.loader!({ ...loaderArgs(url, params) }));
        expect(anonymous.status, `anonymous GET ${url}`).toBe(303);
        expect(anonymous.location).toMatch(/^\/admin\/(sign-in|$)|^\/admin$/);
        const asViewer = await statusOf(() => mod.loader!(loaderArgs(url, params, { headers: { cookie: viewer.cookie } })));
        if (VIEWER_CAN_READ.has(route)) expect(asViewer.status, `viewer GET ${url}`).not.toBe(403);
        else expect(asViewer.status, `viewer GET ${url}`).toBe(403);
      }

      if (mod.action) {
        const fields = { intent: "anything", id: crypto.randomUUID() };
        const anonymous = await statusOf(() => mod.action!({ request: formRequest(url, fields), params, context: {} }));
        expect(anonymous.status, `anonymous POST ${url}`).toBe(303);
        if (!VIEWER_CAN_POST.has(route)) {
          const asViewer = await statusOf(() =>
            mod.action!({ request: formRequest(url, fields, { cookie: viewer.cookie }), params, context: {} }),
          );
          expect(asViewer.status, `viewer POST ${url}`).toBe(403);
          expect(await changeCounts()).toEqual(before);
        }
      }
    });
  }
});
