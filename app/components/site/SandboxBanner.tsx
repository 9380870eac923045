/** Shown on every page while Stripe's calls are answered locally. */
export function SandboxBanner() {
  return (
    <div role="note" className="bg-amber-300 text-amber-950">
      <p className="mx-auto max-w-5xl px-4 py-1.5 text-center text-sm font-semibold">
        Sandbox: no money moves. Payments on this site are simulated.
      </p>
    </div>
  );
}
