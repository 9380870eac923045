import { setupServer } from "msw/node";

import { stripeHandlers } from "./stripe";

/**
 * Every outside HTTP service is answered by MSW in tests: one handler file per
 * vendor under tests/mocks, combined here. A request nobody answers fails the
 * test, so no test can reach the network by accident.
 */
export const mockServer = setupServer(...stripeHandlers);
