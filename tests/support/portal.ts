import { http } from "msw";

import { db } from "~/db/db.server";
import { MANAGE_LINK_PURPOSE, MANAGE_LINK_TTL_MS } from "~/manage/manage.server";
import { sessionSecret } from "~/utils/env.server";
import { createSignedToken } from "~/utils/signed-link.server";
import { queueRequestedManageLinks } from "~/manage/manage-link-requests.server";
import { requestManageLink } from "~/manage/manage-link-requests.server";
import { action as redeemAction } from "~/routes/_site.give.manage.$token";
import { action as portalAction, loader as portalLoader } from "~/routes/_site.give.portal";
import { action as webhookAction } from "~/routes/webhooks.stripe";

import { mockServer } from "../mocks/server";
import { formRequest, outcome, pageData } from "./requests";

/** The sandbox delivers the events of a change to this server's webhook endpoint, as Stripe would. */
export function deliverSandboxEventsToWebhook(): void {
  mockServer.use(http.post("http://127.0.0.1:3000/webhooks/stripe", ({ request }) => webhookAction({ request, params: {}, context: {} })));
}

/** The token of the newest link emailed to `email`. */
export async function emailedLinkToken(email: string): Promise<string> {
  await queueRequestedManageLinks();
  const message = await db().emailMessage.findFirstOrThrow({
    where: { kind: "manage_link", toAddress: email },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/give\/manage\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(message.textBody);
  if (!match?.[1]) throw new Error("no link in the email");
  return match[1];
}

let ipSeed = 0;

/**
 * A donor asks for a link, opens it and presses the button: returns the
 * portal's cookie (name=value). Only one link is emailed per donor in 15
 * minutes; `fresh` signs another one as the sender would, for a second session.
 * `language` opens the link under that language's prefix (as the emailed
 * link of a donor who gives in it does), which leads to the portal in it.
 */
export async function openPortal(email: string, options: { fresh?: boolean; language?: string } = {}): Promise<string> {
  let token: string;
  if (options.fresh) {
    const donor = await db().donor.findUniqueOrThrow({ where: { email } });
    token = createSignedToken(MANAGE_LINK_PURPOSE, donor.id, MANAGE_LINK_TTL_MS, sessionSecret()).token;
  } else {
    await requestManageLink(email, `198.18.0.${++ipSeed % 250}`);
    token = await emailedLinkToken(email);
  }
  const prefix = options.language ? `/${options.language}` : "";
  const response = await redeemAction({ request: formRequest(`${prefix}/give/manage/${token}`, {}), params: { token }, context: {} });
  const redeemed = outcome(response);
  if (redeemed.status !== 303 || redeemed.headers.get("location") !== `${prefix}/give/portal`) {
    throw new Error(`the link did not open the portal`);
  }
  const setCookie = redeemed.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

export async function portalPage(cookie: string, path = "/give/portal") {
  const result = await portalLoader({
    request: new Request(new URL(path, "http://localhost:3000"), { headers: { cookie } }),
    params: {},
    context: {},
  });
  return pageData(result);
}

export async function portalPost(cookie: string, fields: Record<string, string>, path = "/give/portal") {
  const result = await portalAction({
    request: formRequest(path, fields, { cookie }),
    params: {},
    context: { clientIp: "198.18.1.1" },
  });
  return outcome<{ ok: boolean; message: string; giftId: string | null }>(result);
}
