import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

import { requireStaff, SIGN_IN_PATH } from "~/staff/auth.server";
import { staffCookie } from "~/staff/session-cookie.server";
import { signOut } from "~/staff/sign-in.server";
import { clientIp } from "~/utils/request.server";

/** Signing out is a POST; a GET here changes nothing. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return redirect("/admin", 303);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  await signOut(staff, clientIp(context));
  return redirect(SIGN_IN_PATH, {
    status: 303,
    headers: { "Set-Cookie": await staffCookie().serialize("", { maxAge: 0, expires: new Date(0) }) },
  });
}
