import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { requireStaff, SIGN_IN_PATH } from "~/staff/auth.server";
import { staffCookie } from "~/staff/session-cookie.server";
import { signOut } from "~/staff/sign-in.server";
import { clientIp } from "~/utils/request.server";

/** Signing out is a POST; a GET here changes nothing. */
export function loader() {
  return redirect("/admin");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  await signOut(staff, clientIp(context));
  return redirect(SIGN_IN_PATH, {
    status: 303,
    headers: { "Set-Cookie": await staffCookie().serialize("", { maxAge: 0, expires: new Date(0) }) },
  });
}
