// @vitest-environment happy-dom
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { DonationForm } from "~/giving/components/DonationForm";
import { COMMENT_MAX } from "~/giving/donation-fields";
import { enhanceDonationForm } from "~/giving/donation-form.module";
import { parseDonationForm } from "~/giving/donation-form.server";
import { readForm } from "~/utils/request.server";
import { givingSettings } from "~/giving/settings.server";

/**
 * The donation form as a campaign page shows it, in Remix's test stub: the
 * form posts to an action that checks it with the server's own rules
 * (parseDonationForm, the default gift limits and fee), and the form shows
 * what came back, as the campaign route does.
 */
const CAMPAIGN = { currency: "USD", presetAmounts: [2_500, 5_000, 10_000] };
const settings = givingSettings("USD");

async function action({ request }: ActionFunctionArgs) {
  const parsed = parseDonationForm(await readForm(request), CAMPAIGN, settings);
  if (parsed.ok) return redirect("/checkout");
  return { errors: parsed.errors, values: parsed.values };
}

function CampaignPage() {
  const reply = useActionData<typeof action>();
  return (
    <>
      <h2 id="give-heading">Give to this campaign</h2>
      <DonationForm
        currency={CAMPAIGN.currency}
        presetAmounts={CAMPAIGN.presetAmounts}
        fee={settings.fee}
        minAmount={settings.minAmount}
        maxAmount={settings.maxAmount}
        commentMax={COMMENT_MAX}
        values={reply?.values ?? {}}
        errors={reply?.errors ?? {}}
      />
    </>
  );
}

function renderPage() {
  const Stub = createRemixStub([
    { path: "/campaigns/safe-housing", Component: CampaignPage, action },
    { path: "/checkout", Component: () => <p>Checkout</p> },
  ]);
  // The future flags of remix.config.js.
  const future = {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_singleFetch: true,
    v3_throwAbortReason: true,
  };
  return render(<Stub initialEntries={["/campaigns/safe-housing"]} future={future} />);
}

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
  cleanup();
});

const liveTotal = () => screen.getByTestId("live-total").textContent;

/** The page as the server renders it, then enhanced by the page module as the browser would (no React state involved). */
function renderEnhancedPage() {
  renderPage();
  const form = document.querySelector<HTMLFormElement>("form[data-donation-form]");
  if (!form) throw new Error("no donation form");
  undo = enhanceDonationForm(form);
  return form;
}

describe("the donation form, enhanced by its page module", () => {
  it("shows no total until the donor chooses, then the gift, the fee they cover and how often", () => {
    renderEnhancedPage();
    expect(liveTotal()).toBe("");

    fireEvent.click(screen.getByRole("radio", { name: "$100" }));
    expect(liveTotal()).toBe("Total $100.00");

    fireEvent.click(screen.getByRole("checkbox", { name: /Cover the processing fee/ }));
    // ceil((10000 + 30) / (1 - 0.022)) = 10256: the fee covered is $2.56.
    expect(liveTotal()).toBe("Total $102.56 (includes $2.56 for fees)");

    fireEvent.click(screen.getByRole("radio", { name: "Monthly" }));
    expect(liveTotal()).toBe("Total $102.56 each month (includes $2.56 for fees)");
  });

  it("totals an amount typed as “other”, and shows nothing while it is not a number", () => {
    renderEnhancedPage();
    fireEvent.click(screen.getByRole("radio", { name: "Other amount" }));
    const other = screen.getByRole("textbox", { name: /Other amount, between \$5\.00 and \$25,000\.00/ });
    fireEvent.change(other, { target: { value: "50" } });
    expect(liveTotal()).toBe("Total $50.00");
    fireEvent.click(screen.getByRole("checkbox", { name: /Cover the processing fee/ }));
    expect(liveTotal()).toBe("Total $51.44 (includes $1.44 for fees)");
    fireEvent.change(other, { target: { value: "fifty" } });
    expect(liveTotal()).toBe("");
  });

  it("says the gift is on its way once sent, and sends nothing on a second press", () => {
    const form = renderEnhancedPage();
    const sent: boolean[] = [];
    // Listening after the module: whether each submission was let through.
    form.addEventListener("submit", (event) => {
      sent.push(!event.defaultPrevented);
      event.preventDefault();
    });
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(sent).toEqual([true, false]);
    const button = screen.getByRole("button", { name: "Opening secure checkout…" });
    expect(button.getAttribute("aria-disabled")).toBe("true");
  });

  it("carries its currency and fee policy in the server's HTML, and no total", () => {
    const form = renderEnhancedPage();
    expect([form.dataset.currency, form.dataset.feePercentBps, form.dataset.feeFixed]).toEqual([
      "USD",
      String(settings.fee.percentBps),
      String(settings.fee.fixed),
    ]);
  });
});

describe("the donation form, as the server sends it", () => {
  it("shows each problem the server found beside its field and in a summary that links to it, keeping what was typed", async () => {
    renderPage();
    fireEvent.click(screen.getByRole("radio", { name: "Other amount" }));
    fireEvent.change(screen.getByRole("textbox", { name: /Other amount/ }), { target: { value: "1" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "Ada Donor" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Email, for your receipt" }), { target: { value: "not an email" } });
    fireEvent.click(screen.getByRole("button", { name: "Give now" }));

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("There are problems with your gift:")).toBeTruthy();
    const links = within(summary).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Give between $5.00 and $25,000.00.", "#customAmount"],
      ["Enter an email address like name@example.org.", "#email"],
    ]);

    const amount = screen.getByRole("textbox", { name: /Other amount/ });
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(amount.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Give between $5.00 and $25,000.00.");
    const email = screen.getByRole("textbox", { name: "Email, for your receipt" }) as HTMLInputElement;
    expect(email.value).toBe("not an email");
    expect(document.getElementById("email-error")?.textContent).toBe("Enter an email address like name@example.org.");
    const name = screen.getByRole("textbox", { name: "Your name" }) as HTMLInputElement;
    expect([name.value, name.getAttribute("aria-invalid")]).toEqual(["Ada Donor", null]);
  });

  it("sends the donor on when the server accepts the gift", async () => {
    renderPage();
    fireEvent.click(screen.getByRole("radio", { name: "$50" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Your name" }), { target: { value: "Ada Donor" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Email, for your receipt" }), { target: { value: "ada@example.org" } });
    fireEvent.click(screen.getByRole("button", { name: "Give now" }));
    await waitFor(() => expect(screen.getByText("Checkout")).toBeTruthy());
  });
});
