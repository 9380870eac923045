import { describe, expect, it } from "vitest";

import { readForm } from "~/utils/request.server";

async function statusOf(request: Request): Promise<number> {
  try {
    await readForm(request);
    return 200;
  } catch (thrown) {
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return init.status;
    throw thrown;
  }
}

function post(body: BodyInit, contentType?: string): Request {
  return new Request("http://localhost/give/manage", {
    method: "POST",
    body,
    headers: contentType === undefined ? {} : { "content-type": contentType },
  });
}

describe("readForm", () => {
  it("reads url-encoded and multipart forms", async () => {
    expect((await readForm(post("email=a%40example.org", "application/x-www-form-urlencoded"))).get("email")).toBe("a@example.org");
    const multipart = new FormData();
    multipart.set("email", "b@example.org");
    expect((await readForm(new Request("http://localhost/", { method: "POST", body: multipart }))).get("email")).toBe("b@example.org");
  });

  it("answers 415 to a body that is not a form", async () => {
    expect(await statusOf(post('{"email":"a@example.org"}', "application/json"))).toBe(415);
    expect(await statusOf(post("email=a@example.org", "text/plain"))).toBe(415);
    expect(await statusOf(post(new Blob(["email=x"])))).toBe(415);
  });

  it("answers 400 to a form that cannot be parsed", async () => {
    expect(await statusOf(post("--zzz\r\nbroken", "multipart/form-data; boundary=zzz"))).toBe(400);
  });
});
