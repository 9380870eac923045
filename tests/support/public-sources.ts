/**
 * The source files of what visitors and donors see: every word in them must
 * come from the catalogues (tests/unit/catalogues.test.ts). Folders take
 * every .tsx file below them. The one list to extend when a public page or
 * component is added outside these folders.
 */
export const PUBLIC_SOURCES = [
  "app/root.tsx",
  "app/components/site",
  "app/giving/components",
  "app/campaigns/components/ProgressBar.tsx",
  "app/routes/_site.tsx",
  "app/routes/_site._index.tsx",
  "app/routes/_site.campaigns.$slug.tsx",
  "app/routes/_site.give.thank-you.tsx",
  "app/routes/_site.give.manage._index.tsx",
  "app/routes/_site.give.manage.$token.tsx",
  "app/routes/$.tsx",
  "app/routes/_site.sandbox.checkout.$sessionId.tsx",
  "app/routes/_site.sandbox.portal.$sessionId.tsx",
  "app/routes/_site.sandbox.dashboard.tsx",
  "app/routes/_site.give.portal.tsx",
  "app/routes/_site.give.portal_.card.$token.tsx",
  "app/routes/_site.give.invite.$pledgeId.tsx",
  "app/portal/components",
  "app/payments/components",
];

/**
 * Server modules that write what donors and visitors read (page data,
 * answers to forms, emails): no sentence of their own may be in them either.
 * Arguments of calls (t("…"), log lines, errors) and markup are not checked.
 */
export const PUBLIC_MESSAGE_SOURCES = [
  "app/portal",
  "app/giving/invitation.server.ts",
  "app/giving/invitation.ts",
  "app/email/templates/gift-change.server.ts",
  "app/email/templates/manage-link.server.ts",
  "app/email/templates/payment-failed.server.ts",
  "app/email/templates/receipt.server.ts",
  "app/email/templates/refund-notice.server.ts",
  "app/email/templates/statement.server.ts",
  "app/email/templates/test-marking.server.ts",
  "app/payments/sandbox/page-inputs.server.ts",
  "app/payments/sandbox/dashboard-page.server.ts",
];
