import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

/**
 * The production server as a visitor's browser (or an attacker's page) meets
 * it over HTTP: security headers, the origin check, body limits.
 */
const baseUrl = inject("baseUrl");
const browser = browserForThisFile();
const CAMPAIGN = "/campaigns/end-sex-trafficking";
const EVIL = "https://evil.example";

function cspNonce(response: Response): string {
  const match = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "");
  if (!match?.[1]) throw new Error("no nonce in the Content-Security-Policy");
  return match[1];
}

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // The e2e server runs in production mode.
  expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("permissions-policy")).toContain("camera=()");
}

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  };
}

describe("security headers", () => {
  it("are on pages, 404s, static files, data requests, resource routes and refusals", async () => {
    const page = await fetch(`${baseUrl}/`);
    const html = await page.text();
    // Public pages load no Remix bundle (decision 029): a bundle from a page that hydrates, and a page module.
    const asset = /<link rel="modulepreload" href="(\/build\/[^"]+)"/.exec(await (await fetch(`${baseUrl}/admin/sign-in`)).text())?.[1];
    expect(asset).toBeDefined();
    const pageModule = /<script type="module" src="(\/modules\/[^"]+)"/.exec(html)?.[1];
    expect(pageModule).toBeDefined();
    const responses = [
      page,
      await fetch(`${baseUrl}/no-such-page`),
      await fetch(`${baseUrl}/favicon.svg`),
      await fetch(`${baseUrl}${asset}`),
      await fetch(`${baseUrl}${pageModule}`),
      await fetch(`${baseUrl}${CAMPAIGN}.data`),
      await fetch(`${baseUrl}/healthz`),
      await fetch(`${baseUrl}/webhooks/stripe`),
      await fetch(`${baseUrl}/give/manage`, form({ email: "a@example.org" }, { origin: EVIL })),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 404, 200, 200, 200, 200, 200, 405, 403]);
    for (const response of responses) expectSecurityHeaders(response);
  });

  it("give every inline and module script of a page this response's nonce, new on every response", async () => {
    // A private page: a fresh random nonce each time.
    const first = await fetch(`${baseUrl}/give/manage`);
    const second = await fetch(`${baseUrl}/give/manage`);
    expect(cspNonce(first)).not.toBe(cspNonce(second));
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    // This page does not hydrate: its one script is the quick exit's module (decision 029).
    expect(scripts.length).toBeGreaterThanOrEqual(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${cspNonce(first)}"`);
    // A page that hydrates: Remix's inline scripts and modules carry it too.
    const signIn = await fetch(`${baseUrl}/admin/sign-in`);
    const signInScripts = (await signIn.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(signInScripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of signInScripts) expect(tag).toContain(`nonce="${cspNonce(signIn)}"`);

    // A public page: the nonce is derived from the page (decision 012), and every script still carries it.
    const page = await fetch(`${baseUrl}${CAMPAIGN}`);
    const pageScripts = (await page.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(pageScripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of pageScripts) expect(tag).toContain(`nonce="${cspNonce(page)}"`);
  });
});

describe("the origin check", () => {
  it("refuses a donation posted from another site", async () => {
    const response = await fetch(
      `${baseUrl}${CAMPAIGN}`,
      form({ amount: "5000", frequency: "once", name: "Forged", email: "forged@example.org" }, { origin: EVIL }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toMatch(/^Forbidden/);
  });

  it("refuses a manage-link request posted from another site", async () => {
    const response = await fetch(`${baseUrl}/give/manage`, form({ email: "someone@example.org" }, { origin: EVIL }));
    expect(response.status).toBe(403);
  });

  it("refuses a cross-site request that carries Sec-Fetch-Site but no Origin", async () => {
    const response = await fetch(`${baseUrl}/give/manage`, form({ email: "someone@example.org" }, { "sec-fetch-site": "cross-site" }));
    expect(response.status).toBe(403);
  });

  it("accepts the site's own forms", async () => {
    const origin = new URL(baseUrl).origin;
    // An invalid gift reaches the action and is answered by it (no checkout is used up).
    const donation = await fetch(
      `${baseUrl}${CAMPAIGN}`,
      form({ amount: "other", customAmount: "1", frequency: "once", name: "", email: "" }, { origin }),
    );
    expect(donation.status).toBe(422);
    const manage = await fetch(
      `${baseUrl}/give/manage`,
      form({ email: "nobody-gave@example.org" }, { origin, "sec-fetch-site": "same-origin" }),
    );
    expect(manage.status).toBe(200);
    expect(await manage.text()).toContain("If that address has given with us");
  });

  it("refuses forged staff requests, even with a signed-in admin's cookie", async () => {
    const accounts = inject("staffAccounts");
    const origin = new URL(baseUrl).origin;
    // A sign-in posted from another site (login CSRF) is refused too.
    const forgedSignIn = await fetch(
      `${baseUrl}/admin/sign-in`,
      form({ email: accounts.admin.email, password: accounts.admin.password }, { origin: EVIL }),
    );
    expect(forgedSignIn.status).toBe(403);
    expect(forgedSignIn.headers.get("set-cookie")).toBeNull();

    const signIn = await fetch(
      `${baseUrl}/admin/sign-in`,
      form({ email: accounts.admin.email, password: accounts.admin.password, next: "/admin" }, { origin }),
    );
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const dashboard = await fetch(`${baseUrl}/admin`, { headers: { cookie } });
    expect(dashboard.status).toBe(200);

    const slug = `forged-${Date.now()}`;
    const campaign = {
      title: "Forged campaign",
      slug,
      summary: "x",
      story: "x",
      goal: "100.00",
      currency: "USD",
      presets: "10.00",
      status: "published",
    };
    for (const [path, fields] of [
      ["/admin/campaigns/new", campaign],
      [
        "/admin/staff",
        { intent: "create", email: "forged-staff@example.org", name: "Forged", role: "admin", password: "forged staff password" },
      ],
      ["/admin/sign-out", {}],
    ] as const) {
      const forged = await fetch(`${baseUrl}${path}`, form(fields, { origin: EVIL, cookie }));
      expect(forged.status, path).toBe(403);
      const crossSite = await fetch(`${baseUrl}${path}`, form(fields, { "sec-fetch-site": "cross-site", cookie }));
      expect(crossSite.status, path).toBe(403);
    }
    expect((await fetch(`${baseUrl}/campaigns/${slug}`)).status).toBe(404);
    // The session survived the forged sign-out.
    expect((await fetch(`${baseUrl}/admin`, { headers: { cookie } })).status).toBe(200);
  });

  it("does not apply to Stripe's webhook endpoint, which checks the signature instead", async () => {
    const response = await fetch(`${baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: { origin: EVIL, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Missing Stripe-Signature header" });
  });
});

describe("request bodies", () => {
  const origin = () => new URL(baseUrl).origin;
  const big = (kib: number) => "a".repeat(kib * 1024);

  it("over 64 KiB are refused with 413, whether declared or chunked", async () => {
    const declared = await fetch(`${baseUrl}/give/manage`, form({ email: big(65) }, { origin: origin() }));
    expect(declared.status).toBe(413);
    expectSecurityHeaders(declared);

    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode(big(1)));
        controller.close();
      },
    });
    const chunked = await fetch(`${baseUrl}/give/manage`, {
      method: "POST",
      headers: { origin: origin(), "content-type": "application/x-www-form-urlencoded" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("to the webhook may be larger, up to 256 KiB", async () => {
    const post = (kib: number) =>
      fetch(`${baseUrl}/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json" }, body: big(kib) });
    expect((await post(100)).status).toBe(400); // read, then refused for its missing signature
    expect((await post(300)).status).toBe(413);
  });

  it("that are not forms get 4xx from form actions, never 500", async () => {
    const post = (path: string, contentType: string, body: string) =>
      fetch(`${baseUrl}${path}`, { method: "POST", headers: { origin: origin(), "content-type": contentType }, body });
    const json = await post(CAMPAIGN, "application/json", '{"amount":"5000"}');
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("We could not accept that request");
    expect((await post("/give/manage", "application/json", '{"email":"a@example.org"}')).status).toBe(415);
    expect((await post("/give/manage", "text/plain", "email=a@example.org")).status).toBe(415);
    expect((await post("/give/manage", "multipart/form-data; boundary=zzz", "--zzz\r\nbroken")).status).toBe(400);
    expect((await post(`${CAMPAIGN}.data`, "application/json", "{}")).status).toBe(415);
    const gzip = await fetch(`${baseUrl}/give/manage`, form({ email: "a@example.org" }, { origin: origin(), "content-encoding": "gzip" }));
    expect(gzip.status).toBe(415);
  });
});

describe("in Chromium, under the Content-Security-Policy", () => {
  /** Every console error or warning, CSP violations included, of a fresh page. */
  async function watchedPage(javaScriptEnabled = true) {
    const page = await newPage(browser(), { javaScriptEnabled });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    return { page, problems };
  }

  it("the campaign page's modules run, the live total, navigation and the quick exit work, and nothing is blocked", async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${baseUrl}${CAMPAIGN}`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("radio", { name: "$50", exact: true }).check();
    await page.getByRole("checkbox", { name: /Cover the processing fee/ }).check();
    expect(await page.getByTestId("live-total").innerText()).toBe("Total $51.44 (includes $1.44 for fees)");
    // The progress bar's width is a style attribute, which the policy admits.
    const bar = await page
      .getByRole("progressbar")
      .first()
      .evaluate((track) => ({
        percent: Number(track.getAttribute("aria-valuenow")),
        track: track.getBoundingClientRect().width,
        fill: track.firstElementChild?.getBoundingClientRect().width ?? -1,
      }));
    expect(Math.abs(bar.fill - (bar.track * bar.percent) / 100)).toBeLessThan(1);

    // Following a link loads the next page and its modules under the policy too.
    await page.locator("header a[href='/']").click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole("link", { name: "Exit this page" }).click();
    await page.waitForURL((url) => !url.href.startsWith(baseUrl));

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("the site's own forms are accepted, with JavaScript and without", async () => {
    for (const javaScript of [true, false]) {
      const { page, problems } = await watchedPage(javaScript);
      await page.goto(`${baseUrl}/give/manage`);
      if (javaScript) await page.waitForLoadState("networkidle");
      await page.getByRole("textbox", { name: "Email" }).fill(`browser-${javaScript ? "js" : "nojs"}@example.org`);
      await page.getByRole("button", { name: "Email me a link" }).click();
      await page.getByRole("status").filter({ hasText: "If that address has given with us" }).waitFor();
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it("a 404 page renders under the policy", async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${baseUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    // The browser logs the 404 itself; nothing else may appear.
    expect(problems.filter((text) => !text.includes("404"))).toEqual([]);
    await page.context().close();
  });
});
