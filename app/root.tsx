import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

import { SiteFrame } from "~/components/site/SiteLayout";
import { getOrganisation } from "~/organisation/organisation.data.server";
import stylesheet from "~/tailwind.css";
import { env } from "~/utils/env.server";
import { useNonce } from "~/utils/nonce";
import { documentScripts, pageModuleUrl, type PageHandle } from "~/utils/page-handle";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * The quick exit's module goes with every page: the public frame may be shown
 * by this route's own error boundary, and on a page without the frame it does nothing.
 */
export const handle: PageHandle = { modules: ["quick-exit"] };

export async function loader(_args: LoaderFunctionArgs) {
  const organisation = await getOrganisation();
  return { organisation, sandbox: env().sandbox, appUrl: env().APP_URL };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy admits inline scripts with this response's nonce only.
  const nonce = useNonce();
  // Only pages whose routes ask for it (handle.hydrate) load React; the others get their plain modules (decision 029).
  const { hydrate, modules } = documentScripts(useMatches());
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
        {modules.map((module) => (
          <script key={module} type="module" src={pageModuleUrl(module)} nonce={nonce} />
        ))}
      </body>
    </html>
  );
}

/**
 * Each page brings its frame through its layout route: the public pages'
 * through routes/_site.tsx, the staff pages' through routes/admin.tsx.
 */
export default function App() {
  return <Outlet />;
}

/** Errors no layout caught (an unknown address, the root loader failing) are shown in the public frame. */
export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // A request the site refused (a body that is not a form, say): not the site's fault.
  const refused = isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 && !notFound;
  const title = notFound ? "Page not found" : refused ? "We could not accept that request" : "Something went wrong";
  return (
    <SiteFrame>
      <title>{title}</title>
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-3xl font-bold text-brand-800">{title}</h1>
        <p className="mt-4 text-slate-700">
          {notFound
            ? "We could not find that page. It may have moved, or the campaign may have ended."
            : refused
              ? "The page could not use what was sent. Please go back and try again."
              : "Sorry, we could not show this page just now. Please try again in a moment. No gift was affected."}
        </p>
        <p className="mt-6">
          <Link to="/" className="font-semibold text-brand-700 underline">
            See our campaigns
          </Link>
        </p>
      </div>
    </SiteFrame>
  );
}
