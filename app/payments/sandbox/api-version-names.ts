/**
 * Stripe API versions the sandbox knows by name. 2025-03-31 ("basil") moved
 * an invoice's subscription under `parent`, replaced its payment pointers by
 * InvoicePayment objects and moved billing periods onto subscription items;
 * the version just before it still renders the older shapes.
 */
export const BASIL = "2025-03-31";
export const LEGACY_API_VERSION = "2025-02-24.acacia";
