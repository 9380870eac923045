import { describe, expect, it } from "vitest";

import { checkOrigin, originOf, type OriginCheckInput } from "~/server/same-origin.server";

const APP = "https://give.example.org";

function post(headers: Partial<Pick<OriginCheckInput, "origin" | "fetchSite">>, path = "/campaigns/x", method = "POST") {
  return checkOrigin({ method, path, origin: headers.origin, fetchSite: headers.fetchSite }, APP).allowed;
}

describe("the origin check", () => {
  it("lets every GET and HEAD through, whoever links to the site", () => {
    expect(post({ origin: "https://evil.example" }, "/", "GET")).toBe(true);
    expect(post({ fetchSite: "cross-site" }, "/", "HEAD")).toBe(true);
  });

  it("accepts a POST from the site's own origin only", () => {
    expect(post({ origin: APP })).toBe(true);
    expect(post({ origin: "https://evil.example" })).toBe(false);
    expect(post({ origin: "http://give.example.org" })).toBe(false);
    expect(post({ origin: "https://give.example.org:8443" })).toBe(false);
    expect(post({ origin: "https://blog.give.example.org" })).toBe(false);
    expect(post({ origin: "null" })).toBe(false);
  });

  it("checks every method that may change state, not only POST", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(post({ origin: "https://evil.example" }, "/admin/anything", method)).toBe(false);
    }
  });

  it("trusts the Origin header over Sec-Fetch-Site", () => {
    expect(post({ origin: "https://evil.example", fetchSite: "same-origin" })).toBe(false);
  });

  it("falls back to Sec-Fetch-Site: same-origin and user-initiated (none) pass, other sites do not", () => {
    expect(post({ fetchSite: "same-origin" })).toBe(true);
    expect(post({ fetchSite: "none" })).toBe(true);
    expect(post({ fetchSite: "same-site" })).toBe(false);
    expect(post({ fetchSite: "cross-site" })).toBe(false);
    expect(post({ fetchSite: "something-new" })).toBe(false);
  });

  it("allows a request with neither header (not a browser, so not a forgery riding on one)", () => {
    expect(post({})).toBe(true);
  });

  it("leaves Stripe's webhook endpoint to its signature check", () => {
    expect(post({ origin: "https://evil.example" }, "/webhooks/stripe")).toBe(true);
    expect(post({ origin: "https://evil.example" }, "/webhooks/stripe/other")).toBe(false);
  });

  it("compares with APP_URL's origin, whatever its path", () => {
    expect(originOf("https://give.example.org/")).toBe(APP);
    expect(originOf("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });
});

describe("the host a form is sent to", () => {
  const send = (addressedHost: string, origin = APP) =>
    checkOrigin({ method: "POST", path: "/give/manage", origin, fetchSite: undefined, addressedHost }, APP);

  it("must be APP_URL's host when the page's Origin is the site's own (Remix would throw otherwise)", () => {
    expect(send("give.example.org")).toEqual({ allowed: true });
    for (const host of ["evil.example", "give.example.org:8443", "GIVE.example.org", "127.0.0.1:3000", ""]) {
      expect(send(host)).toMatchObject({ allowed: false, status: 421 });
    }
  });

  it("does not matter for another site's Origin, which is refused as a forgery first", () => {
    expect(send("give.example.org", "https://evil.example")).toMatchObject({ allowed: false, status: 403 });
  });
});
