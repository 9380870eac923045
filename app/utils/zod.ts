import { z } from "zod";

/**
 * Zod for modules that also run in the browser (staff pages and helpers
 * they share); server-only modules import "zod" directly. In the browser Zod
 * tests whether it may compile code with `new Function`; under the site's
 * Content-Security-Policy (no 'unsafe-eval') that test is reported as a
 * violation, though Zod recovers. Importing Zod through this module tells it
 * not to try before any schema is built. Public pages keep their schemas in
 * *.server.ts modules, so their visitors never download Zod at all.
 */
if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
