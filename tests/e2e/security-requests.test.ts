import http from "node:http";

import { describe, expect, inject, it } from "vitest";

/**
 * Requests that used to answer 500 from the production server (decision 020),
 * sent over HTTP as an attacker's script sends them. node:http is used where
 * fetch refuses to (TRACE, a Host header of one's own).
 */
const baseUrl = inject("baseUrl");
const origin = new URL(baseUrl).origin;

function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("methods the site does not use", () => {
  it("TRACE, PUT, DELETE, PATCH and made-up methods answer 405 with Allow; OPTIONS answers 204", async () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND"]) {
      const answer = await raw(method, "/campaigns/end-sex-trafficking", { origin });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD, POST");
      expect(answer.headers["content-security-policy"]).toBeDefined();
    }
    const options = await raw("OPTIONS", "/");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, POST");
    expect(options.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("a form sent to another host name than APP_URL's", () => {
  it("answers 421 whether the Host or the X-Forwarded-Host differs, and the action never runs", async () => {
    const form = "email=someone%40example.org";
    const type = { "content-type": "application/x-www-form-urlencoded" };
    const misdirected: Array<Record<string, string>> = [
      { host: "evil.example" },
      { host: new URL(baseUrl).host, "x-forwarded-host": "evil.example" },
    ];
    for (const headers of misdirected) {
      const answer = await raw("POST", "/give/manage", { ...type, origin, ...headers }, form);
      expect(answer.status).toBe(421);
      expect(answer.body).toContain(`this site takes forms at ${origin} only`);
    }
    // The same form at the right host is answered by the action.
    expect((await raw("POST", "/give/manage", { ...type, origin }, form)).status).toBe(200);
  });
});

describe("the sign-in page's next, for a signed-in staff member", () => {
  it("with a line break goes to the dashboard (a header cannot carry it) instead of a 500", async () => {
    const accounts = inject("staffAccounts");
    const signIn = await fetch(`${baseUrl}/admin/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ email: accounts.viewer.email, password: accounts.viewer.password, next: "/admin" }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(signIn.status).toBe(303);
    const answer = await raw("GET", "/admin/sign-in?next=%2Fadmin%0ASet-Cookie:%20evil=1", { cookie });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe("/admin");
    expect(JSON.stringify(answer.headers["set-cookie"] ?? [])).not.toContain("evil");
  });
});
