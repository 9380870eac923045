/**
 * A document rendered to a string, handed from entry.server.tsx to the
 * revalidation step with its text alongside the Response, so that the text
 * is not read back out of the Response's stream (decision 042).
 *
 * The map lives on globalThis: the Remix build bundles its own copy of this
 * module, separate from the copy the Express handler imports.
 */
const KEY = Symbol.for("lantern.documentBodies");
const registry = globalThis as typeof globalThis & { [KEY]?: WeakMap<Response, string> };

function bodies(): WeakMap<Response, string> {
  registry[KEY] ??= new WeakMap();
  return registry[KEY];
}

/** A Response carrying `html`, whose text documentText() can give without reading it. */
export function documentResponse(html: string, init: ResponseInit): Response {
  const response = new Response(html, init);
  bodies().set(response, html);
  return response;
}

/** The response's body as text: the rendered string when it came from documentResponse(), else read. */
export async function documentText(response: Response): Promise<string> {
  const kept = bodies().get(response);
  return kept ?? (await response.text());
}
