/**
 * The words of the invitation to give monthly (the step between the donation
 * form and Checkout), in one place for translation; amounts come formatted.
 */
export const invitationMessages = {
  title: "Would you make it monthly?",
  body: (monthly: string, once: string, campaign: string) =>
    `Monthly gifts let ${campaign} plan its work with survivors. Instead of ${once} once, would you give ${monthly} each month? You can change, pause or cancel it at any time.`,
  accept: (monthly: string) => `Yes, give ${monthly} monthly`,
  decline: (once: string) => `No thanks, give ${once} once`,
  gone: "This step has already been answered. Start your gift again from the campaign page.",
  home: "Back to the home page",
  unavailable: "We could not reach our payment processor just now, so nothing was charged. Please try again in a moment.",
};
