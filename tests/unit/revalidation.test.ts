import { describe, expect, it } from "vitest";

import { revalidate } from "~/server/revalidation.server";
import { PUBLIC_PAGE } from "~/utils/cache-control";

const KEY = "unit-test-nonce-key";

function page(body: string, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html", "Cache-Control": PUBLIC_PAGE, ...headers } });
}

function request(requestNonce: string, ifNoneMatch?: string) {
  return { method: "GET", ifNoneMatch, requestNonce, nonceKey: KEY };
}

describe("revalidate", () => {
  it("gives the same page the same ETag and nonce whatever nonce it was rendered with", async () => {
    const a = await revalidate(request("AAAA"), page('<script nonce="AAAA">go()</script>'));
    const b = await revalidate(request("BBBB"), page('<script nonce="BBBB">go()</script>'));
    expect(a.response.headers.get("ETag")).toBe(b.response.headers.get("ETag"));
    expect(a.stored?.nonce).toBe(b.stored?.nonce);
    expect(a.stored?.nonce).not.toBe("AAAA");
    expect(await a.response.text()).toBe(`<script nonce="${a.stored?.nonce}">go()</script>`);
  });

  it("changes both when the page changes, and differs between keys", async () => {
    const a = await revalidate(request("N1"), page('<p>1</p><script nonce="N1"></script>'));
    const b = await revalidate(request("N1"), page('<p>2</p><script nonce="N1"></script>'));
    const c = await revalidate({ ...request("N1"), nonceKey: "another-key" }, page('<p>1</p><script nonce="N1"></script>'));
    expect(b.response.headers.get("ETag")).not.toBe(a.response.headers.get("ETag"));
    expect(b.stored?.nonce).not.toBe(a.stored?.nonce);
    expect(c.stored?.nonce).not.toBe(a.stored?.nonce);
  });

  it("answers a matching If-None-Match (weak comparison, lists, *) with an empty 304", async () => {
    const { response } = await revalidate(request("N"), page("<p>hello</p>"));
    const etag = response.headers.get("ETag") ?? "";
    const strong = etag.replace(/^W\//, "");
    for (const ifNoneMatch of [etag, strong, `"x", ${etag}`, "*"]) {
      const again = await revalidate(request("N", ifNoneMatch), page("<p>hello</p>"));
      expect(again.response.status, ifNoneMatch).toBe(304);
      expect(await again.response.text()).toBe("");
      expect(again.response.headers.get("ETag")).toBe(etag);
      expect(again.response.headers.get("Cache-Control")).toBe(PUBLIC_PAGE);
    }
    expect((await revalidate(request("N", 'W/"stale"'), page("<p>hello</p>"))).response.status).toBe(200);
  });

  it("leaves alone what is not a public 200 to a GET, and marks a page without a policy private", async () => {
    const post = await revalidate({ ...request("N"), method: "POST" }, page("<p>x</p>"));
    expect(post.response.headers.get("ETag")).toBeNull();
    const missing = await revalidate(request("N"), page("<p>x</p>", {}, 404));
    expect(missing.response.headers.get("ETag")).toBeNull();
    const unsaid = await revalidate(request("N"), new Response("<p>x</p>"));
    expect(unsaid.response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(unsaid.response.headers.get("ETag")).toBeNull();
  });

  it("never lets a shared cache keep a response that sets a cookie", async () => {
    const { response } = await revalidate(request("N"), page("<p>x</p>", { "Set-Cookie": "a=b" }));
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(response.headers.get("ETag")).toBeNull();
  });
});
