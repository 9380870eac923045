/**
 * The donation form's enhancements in the browser, a page module of the
 * campaign page (built into public/modules/donation-form.js; decision 029).
 * The form works completely without it; with it:
 * - the total (gift, the fee the donor covers, how often) is written under
 *   the fee choice as the donor chooses, by the same rule as the server's
 *   (live-total.ts, fees.ts);
 * - once sent, the button says so and a second press sends nothing more,
 *   until the page is shown again (Back from Stripe's page).
 */
import { liveTotalText, readGiftChoice, type LiveTotalWords } from "~/giving/live-total";

interface Policy {
  currency: string;
  fee: { percentBps: number; fixed: number };
  words: LiveTotalWords;
}

/** The form's currency, fee policy and words (in the page's language), from its data- attributes. */
function policyOf(form: HTMLFormElement): Policy | null {
  const { currency, feePercentBps, feeFixed, totalWords } = form.dataset;
  const percentBps = Number(feePercentBps);
  const fixed = Number(feeFixed);
  if (!currency || !Number.isSafeInteger(percentBps) || !Number.isSafeInteger(fixed) || !totalWords) return null;
  let words: unknown;
  try {
    words = JSON.parse(totalWords);
  } catch {
    return null;
  }
  if (!isWords(words)) return null;
  return { currency, fee: { percentBps, fixed }, words };
}

function isWords(value: unknown): value is LiveTotalWords {
  if (typeof value !== "object" || value === null) return false;
  const words = value as Record<string, unknown>;
  return ["locale", "total", "totalMonthly", "totalYearly", "fees"].every((key) => typeof words[key] === "string");
}

/** Enhances one donation form (a form with data-donation-form); returns a function that undoes it. */
export function enhanceDonationForm(form: HTMLFormElement, win: Window = window): () => void {
  const policy = policyOf(form);
  const total = form.querySelector<HTMLElement>("[data-live-total]");
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const idleText = button?.textContent ?? "";
  let sent = false;

  const update = () => {
    if (!policy || !total) return;
    total.textContent = liveTotalText(readGiftChoice(new FormData(form)), policy.currency, policy.fee, policy.words) ?? "";
  };
  const onSubmit = (event: SubmitEvent) => {
    if (sent) {
      event.preventDefault();
      return;
    }
    sent = true;
    if (button) {
      button.textContent = form.dataset.busyText ?? idleText;
      button.setAttribute("aria-disabled", "true");
    }
  };
  // Back to a page kept by the browser: the form may be sent again.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    sent = false;
    if (button) {
      button.textContent = idleText;
      button.removeAttribute("aria-disabled");
    }
    update();
  };

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", onSubmit);
  win.addEventListener("pageshow", onPageShow);
  return () => {
    form.removeEventListener("input", update);
    form.removeEventListener("change", update);
    form.removeEventListener("submit", onSubmit);
    win.removeEventListener("pageshow", onPageShow);
  };
}

/** What the built module runs when the page loads. */
export function start(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-donation-form]")) enhanceDonationForm(form);
}
