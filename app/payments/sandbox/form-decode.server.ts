/**
 * Stripe's API takes form-encoded bodies with bracketed keys
 * (`line_items[0][price_data][currency]=usd`). This turns such a body or
 * query string back into the nested object the SDK was given.
 */
export type Decoded = { [key: string]: Decoded | Decoded[] | string } | Decoded[] | string;

export function decodeStripeForm(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of params) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[index + 1] ?? "");
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
      } else {
        container[key] ??= nextIsIndex ? [] : {};
        node = container[key] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}
