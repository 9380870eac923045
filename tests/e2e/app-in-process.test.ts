import fs from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "~/db/db.server";
import type { Database } from "~/db/database.server";
import { startStripeSandbox } from "~/payments/sandbox/start.server";
import { loader as editLoader } from "~/routes/admin.campaigns.$campaignId";
import { createApp, type AppOptions } from "~/server/app.server";
import { startDatabase } from "~/server/bootstrap.server";
import { parseEnv, resetEnvCache, type Env } from "~/utils/env.server";

import { createCampaign } from "../support/factories";
import { freePort } from "../support/free-port";
import { loaderArgs } from "../support/requests";
import { signedInStaff } from "../support/staff";
import { TEST_WEBHOOK_SECRET } from "../support/test-env";

/**
 * The production build served by createApp() in this process, on 127.0.0.1,
 * with its own embedded database: lets the tests look at what was (not)
 * written, and serve a build whose loaders fail.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-app-test-"));
const servers: Server[] = [];
let env: Env;
let build: ServerBuild;
let database: Database;
let stopSandbox: () => void = () => {};

async function serve(options: Partial<AppOptions>, port?: number): Promise<string> {
  const app = createApp({ env, build: () => build, ...options });
  const server = app.listen(port ?? 0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  servers.push(server);
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

let baseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  Object.assign(process.env, {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    SESSION_SECRET: "in-process-session-secret-0123456789abcdef",
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    DATABASE_URL: "",
    STRIPE_SECRET_KEY: "",
    STRIPE_SANDBOX: "1",
    PUBLIC_PAGE_MEMORY_SECONDS: "0",
  });
  resetEnvCache();
  env = parseEnv();
  database = await startDatabase(env, { seed: true, log: () => {} });
  stopSandbox = startStripeSandbox();
  build = (await import(/* @vite-ignore */ pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  baseUrl = await serve({}, port);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  stopSandbox();
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const CAMPAIGN = "/campaigns/end-sex-trafficking";
const GIFT = { amount: "other", customAmount: "50.00", frequency: "once", name: "Ada Donor", email: "ada@example.org" };

function post(url: string, fields: Record<string, string>, headers: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

async function rowCounts() {
  const prisma = db();
  return {
    pledges: await prisma.pledge.count(),
    rateLimits: await prisma.rateLimitBucket.count(),
    emails: await prisma.emailMessage.count(),
  };
}

describe("a forged request", () => {
  it("from another site writes nothing; the same form from the site itself does", async () => {
    const before = await rowCounts();
    const evil = { origin: "https://evil.example" };
    expect((await post(`${baseUrl}${CAMPAIGN}`, GIFT, evil)).status).toBe(403);
    expect((await post(`${baseUrl}${CAMPAIGN}.data`, GIFT, evil)).status).toBe(403);
    expect((await post(`${baseUrl}/give/manage`, { email: GIFT.email }, evil)).status).toBe(403);
    expect((await post(`${baseUrl}/give/manage`, { email: GIFT.email }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await rowCounts()).toEqual(before);

    const own = { origin: baseUrl };
    const gift = await post(`${baseUrl}${CAMPAIGN}`, GIFT, own);
    expect(gift.status).toBe(303);
    expect(gift.headers.get("location")).toMatch(/\/sandbox\/checkout\/cs_test_/);
    expect((await post(`${baseUrl}/give/manage`, { email: GIFT.email }, own)).status).toBe(200);
    const after = await rowCounts();
    expect(after.pledges).toBe(before.pledges + 1);
    expect(after.rateLimits).toBeGreaterThan(before.rateLimits);
  });
});

describe("Stripe's webhook endpoint", () => {
  it("answers 400 to a correctly signed body that is not JSON, and stores nothing", async () => {
    const payload = '{"id": "evt_broken", "type": ';
    const response = await fetch(`${baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET }),
      },
      body: payload,
    });
    expect(response.status).toBe(400);
    expect(await db().stripeEvent.count()).toBe(0);
  });
});

describe("an error on the server", () => {
  const SECRET_SQL = 'SELECT "public"."Donor"."email" FROM "public"."Donor" WHERE password = \'hunter2\'';

  function failing(message: string) {
    return () => {
      throw new Error(`Invalid prisma.donor.findMany() invocation: ${message}`);
    };
  }

  /** The real build, with the home page's and the health check's loaders failing. */
  function brokenBuild(): ServerBuild {
    const routes = { ...build.routes };
    for (const id of ["routes/_site._index", "routes/healthz"]) {
      const route = routes[id];
      if (!route) throw new Error(`no route ${id} in the build`);
      routes[id] = { ...route, module: { ...route.module, loader: failing(SECRET_SQL) } };
    }
    return { ...build, routes };
  }

  function expectNoLeak(body: string) {
    expect(body).not.toContain("hunter2");
    expect(body).not.toContain("SELECT");
    expect(body).not.toContain("prisma");
    expect(body).not.toMatch(/\bat .+:\d+:\d+/); // a stack frame
  }

  it("is logged in full on the server and never reaches the browser (page, data, resource route)", async () => {
    const broken = brokenBuild();
    const url = await serve({ build: () => broken });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(500);
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      const html = await page.text();
      expect(html).toContain("Something went wrong");
      expectNoLeak(html);

      for (const path of ["/_root.data", "/?_data=routes%2F_site._index", "/healthz"]) {
        const response = await fetch(`${url}${path}`);
        expect(response.status, path).toBe(500);
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expectNoLeak(await response.text());
      }
      const messages = logged.mock.calls.flat().map((value) => (value instanceof Error ? value.message : String(value)));
      expect(messages.some((message) => message.includes(SECRET_SQL))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it("outside Remix gets a bare 500 with the security headers", async () => {
    const url = await serve({
      build: () => {
        throw new Error(`build failed: ${SECRET_SQL}`);
      },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await fetch(`${url}/`);
      expect(response.status).toBe(500);
      expect(response.headers.get("content-security-policy")).toContain("object-src 'none'");
      expect(response.headers.get("strict-transport-security")).toContain("max-age=31536000");
      expectNoLeak(await response.text());
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});

describe("a public page and a shared cache", () => {
  function policyNonce(response: Response): string {
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    if (!nonce) throw new Error("no nonce in the Content-Security-Policy");
    return nonce;
  }

  it("gets a stable ETag and nonce, and a 304 whose policy still fits the stored page", async () => {
    const browser = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36" };
    const first = await fetch(`${baseUrl}${CAMPAIGN}`, { headers: browser });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]{22}"$/);
    const nonce = policyNonce(first);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    // A crawler and a browser get the same document (a CDN stores one copy for both).
    const again = await fetch(`${baseUrl}${CAMPAIGN}`, { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" } });
    expect(again.headers.get("etag")).toBe(etag);
    expect(policyNonce(again)).toBe(nonce);
    expect(await again.text()).toBe(html);

    const revalidated = await fetch(`${baseUrl}${CAMPAIGN}`, { headers: { "if-none-match": `"other", ${etag}` } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(policyNonce(revalidated)).toBe(nonce);
  });

  it("gets a new ETag once what it shows has changed", async () => {
    const before = await fetch(`${baseUrl}${CAMPAIGN}`);
    const etag = before.headers.get("etag") ?? "";
    await db().campaign.update({ where: { slug: CAMPAIGN.split("/").pop() }, data: { summary: "A new summary for the campaign." } });
    const after = await fetch(`${baseUrl}${CAMPAIGN}`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await after.text()).toContain("A new summary for the campaign.");
  });

  it("is answered from the server's page memory for a few seconds, changes and all", async () => {
    const url = await serve({ env: { ...env, PUBLIC_PAGE_MEMORY_SECONDS: 60 } });
    const slug = CAMPAIGN.split("/").pop();
    const first = await fetch(`${url}${CAMPAIGN}`);
    const etag = first.headers.get("etag") ?? "";
    const html = await first.text();
    await db().campaign.update({ where: { slug }, data: { summary: "Written while the page is remembered." } });

    const remembered = await fetch(`${url}${CAMPAIGN}`);
    expect(remembered.headers.get("etag")).toBe(etag);
    expect(policyNonce(remembered)).toBe(policyNonce(first));
    expect(await remembered.text()).toBe(html);
    expect((await fetch(`${url}${CAMPAIGN}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    // Rendering every request, the change shows at once.
    expect(await (await fetch(`${baseUrl}${CAMPAIGN}`)).text()).toContain("Written while the page is remembered.");
    // A page with a donor's details is never remembered.
    const pledge = "3f1c2b9e-6a4d-4c1e-9f7a-2d8b5e0c1a47";
    expect((await fetch(`${url}${CAMPAIGN}?pledge=${pledge}`)).headers.get("cache-control")).toBe("private, no-store");
  });

  it("is forgotten at once when staff archive the campaign", async () => {
    // Forms are accepted from APP_URL's origin only: this server is its own APP_URL.
    const port = await freePort();
    const url = await serve({ env: { ...env, APP_URL: `http://127.0.0.1:${port}`, PUBLIC_PAGE_MEMORY_SECONDS: 60 } }, port);
    const campaign = await createCampaign({ slug: "remembered-campaign" });
    expect((await fetch(`${url}/campaigns/${campaign.slug}`)).status).toBe(200);
    expect((await fetch(`${url}/campaigns/${campaign.slug}`)).status).toBe(200);

    const admin = await signedInStaff("admin");
    const editor = await editLoader(loaderArgs(`/admin/campaigns/${campaign.id}`, { campaignId: campaign.id }, { headers: admin.headers }));
    const archived = await post(
      `${url}/admin/campaigns/${campaign.id}`,
      { ...editor.values, status: "archived" },
      { ...admin.headers, origin: url },
    );
    expect(archived.status).toBe(303);
    expect((await fetch(`${url}/campaigns/${campaign.slug}`)).status).toBe(404);
  });

  it("is never stored when it holds a donor's own details, nor are staff pages", async () => {
    const pledge = "3f1c2b9e-6a4d-4c1e-9f7a-2d8b5e0c1a47";
    for (const path of [`${CAMPAIGN}?pledge=${pledge}`, "/admin/sign-in", "/give/manage"]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toMatch(/private|no-store/);
      expect(response.headers.get("etag"), path).toBeNull();
    }
  });
});
