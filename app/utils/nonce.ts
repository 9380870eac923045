import { createContext, useContext } from "react";

/**
 * This response's Content-Security-Policy nonce, provided by entry.server
 * while rendering on the server. Browsers hide nonces from the page, so in
 * the browser it is undefined, and React keeps the server's attributes.
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
