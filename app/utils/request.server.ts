import { data, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the server sees it (after trusted proxies). */
    clientIp?: string;
    /** This response's Content-Security-Policy nonce, for Remix's inline scripts. */
    cspNonce?: string;
  }
}

/** The client's IP address for rate limiting; "unknown" when not known. */
export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp || "unknown";
}

/** What an HTML form sends; anything else is not a form submission. */
const FormMediaType = z.enum(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * The submitted form of an action's request. A body that is not a form
 * (JSON, plain text, no content type) is answered 415, and one that cannot
 * be parsed (a broken multipart body) 400, instead of failing the action.
 */
export async function readForm(request: Request): Promise<FormData> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (!FormMediaType.safeParse(mediaType).success) {
    throw data("Send this form as application/x-www-form-urlencoded or multipart/form-data.", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw data("The form could not be read.", { status: 400 });
  }
}
