import { z } from "zod";

/**
 * Route modules build their Zod schemas when they load, in the browser too.
 * Zod then tests whether it may compile code with `new Function`; under the
 * site's Content-Security-Policy (no 'unsafe-eval') that test is reported as
 * a violation, though Zod recovers. In the browser, tell Zod not to try.
 * root.tsx imports this first, so it runs before any other route module.
 */
if (typeof document !== "undefined") z.config({ jitless: true });
