import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { languageCookie, switchLanguage } from "~/i18n/language.server";

/**
 * The language switch: a plain link (/language/es?to=/campaigns/x) that
 * works with JavaScript off, remembers the choice in a cookie and goes to the
 * same page in that language.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const answer = switchLanguage(params.lang, new URL(request.url).searchParams.get("to"));
  if (!answer) throw data(null, { status: 404 });
  return redirect(answer.location, {
    status: 303,
    headers: { "Set-Cookie": languageCookie(answer.lang), "Cache-Control": "private, no-store" },
  });
}
