import { redirect, type AppLoadContext } from "@remix-run/node";

import type { StaffRole } from "~/generated/prisma/client";
import type { Actor } from "~/staff/audit.data.server";
import { staffCookie } from "~/staff/session-cookie.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { staffMemberForToken, type StaffMember } from "~/staff/sessions.server";
import { clientIp } from "~/utils/request.server";

/**
 * The one gate every /admin loader and action goes through. Remix runs a
 * route's loader and action on their own, so each calls this itself; a parent
 * layout's check would not protect its children.
 */
const RANK: Record<StaffRole, number> = { viewer: 1, admin: 2 };

export const SIGN_IN_PATH = "/admin/sign-in";

/** The signed-in staff member of this request, or null. */
export async function currentStaff(request: Request): Promise<StaffMember | null> {
  const token: unknown = await staffCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length === 0) return null;
  return staffMemberForToken(token);
}

/**
 * The signed-in staff member with at least `role`. Anyone else is refused:
 * not signed in → sent to the sign-in page (which returns them here after);
 * signed in with too small a role → 403.
 */
export async function requireStaff(request: Request, role: StaffRole = "viewer"): Promise<StaffMember> {
  const staff = await currentStaff(request);
  if (!staff) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : "/admin";
    throw redirect(`${SIGN_IN_PATH}?${new URLSearchParams({ next: back })}`, {
      status: 303,
      headers: { "Cache-Control": "no-store" },
    });
  }
  if (RANK[staff.role] < RANK[role]) {
    // A Response (not data()) so resource routes, which have no error page, answer with the reason too.
    throw new Response(`${staffTranslator()("staff.accounts.errors.viewerOnly")}\n`, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return staff;
}

export const requireAdmin = (request: Request) => requireStaff(request, "admin");

/** The signed-in staff member as the author of an audited change made by this request. */
export function staffActor(staff: Pick<StaffMember, "id">, context: AppLoadContext | undefined): Actor {
  return { actorId: staff.id, ip: clientIp(context) };
}

export function canEdit(staff: Pick<StaffMember, "role">): boolean {
  return staff.role === "admin";
}

/** Resolves `next` against a placeholder origin, to see where a browser would go. */
const NEXT_BASE = "http://next.invalid";

/**
 * Only same-site paths under /admin may be a sign-in's destination. The path
 * is returned as the URL parser writes it (percent-encoded), so what goes
 * into the Location header is always a valid header value: a line break or
 * other control character sends the staff member to the dashboard instead.
 */
export function safeNextPath(next: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!next || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(next)) return "/admin";
  let url: URL;
  try {
    url = new URL(next, NEXT_BASE);
  } catch {
    return "/admin";
  }
  if (url.origin !== NEXT_BASE) return "/admin";
  if (url.pathname !== "/admin" && !url.pathname.startsWith("/admin/")) return "/admin";
  if (url.pathname.startsWith(SIGN_IN_PATH)) return "/admin";
  return `${url.pathname}${url.search}${url.hash}`;
}
