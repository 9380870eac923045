import type { ReactNode } from "react";

/**
 * The title of a page the sandbox stands in for Stripe with (checkout,
 * billing portal, dashboard): boxed and dashed, so nobody takes it for the
 * real thing; `children` is an optional line under the title.
 */
export function SandboxPageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-md border-2 border-dashed border-amber-500 bg-amber-50 p-4 text-amber-950">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children ? <p className="mt-1 text-sm">{children}</p> : null}
    </div>
  );
}
