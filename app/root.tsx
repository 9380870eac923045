import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { SiteFrame } from "~/components/site/SiteLayout";
import { CATALOGUE_SCRIPT_ID, catalogueScriptText, KNOWN_LANGUAGES } from "~/i18n/catalogues";
import { LanguageProvider, useLanguage, useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { carriesLanguage, localisedPath, splitLanguage, type LanguageSetting } from "~/i18n/paths";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = requestLanguage(request);
  // A page under /:lang: the prefix must be one of the site's other languages.
  if (params.lang !== undefined && (params.lang !== language.lang || params.lang === language.defaultLanguage)) {
    // "/en/x" for the default language is "/x"; an unknown prefix is an unknown page.
    if (params.lang === language.defaultLanguage) {
      const url = new URL(request.url);
      throw redirect(`${url.pathname.slice(params.lang.length + 1) || "/"}${url.search}`, 301);
    }
    throw data(null, { status: 404 });
  }
  const organisation = await getOrganisation(language.lang);
  return { organisation, sandbox: env().sandbox, appUrl: env().APP_URL, language };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

/**
 * The page's language: the root loader's, or (when it failed) the one its
 * address names among the catalogues, so error pages speak it too.
 */
function usePageLanguage(): LanguageSetting {
  const root = useRouteLoaderData<RootLoaderData>("root");
  const { pathname } = useLocation();
  if (root?.language) return root.language;
  const defaultLanguage = KNOWN_LANGUAGES[0];
  return { lang: splitLanguage(pathname, KNOWN_LANGUAGES, defaultLanguage).lang, defaultLanguage, languages: KNOWN_LANGUAGES };
}

/** The same page in each of the site's languages, for search engines (public pages only). */
function LanguageAlternates({ setting }: { setting: LanguageSetting }) {
  const root = useRouteLoaderData<RootLoaderData>("root");
  const { pathname } = useLocation();
  const { path } = splitLanguage(pathname, setting.languages, setting.defaultLanguage);
  if (setting.languages.length < 2 || !carriesLanguage(path)) return null;
  const origin = root?.appUrl ?? "";
  return (
    <>
      {setting.languages.map((lang) => (
        <link key={lang} rel="alternate" hrefLang={lang} href={`${origin}${localisedPath(path, lang, setting.defaultLanguage)}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${origin}${path}`} />
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy admits inline scripts with this response's nonce only.
  const nonce = useNonce();
  // Only pages whose routes ask for it (handle.hydrate) load React; the others get their plain modules (decision 029).
  const matches = useMatches();
  const { hydrate, modules } = documentScripts(matches);
  // Staff pages (routes/admin*) carry the catalogue's staff section too.
  const isStaffPage = matches.some((match) => match.id.startsWith("routes/admin"));
  const language = usePageLanguage();
  return (
    <html lang={language.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <Meta />
        <Links />
        <LanguageAlternates setting={language} />
      </head>
      <body>
        <LanguageProvider setting={language}>{children}</LanguageProvider>
        {hydrate ? (
          <>
            {/* The texts React needs in the browser: no request for them, nothing run (app/i18n/catalogues.ts). */}
            <script
              type="application/json"
              id={CATALOGUE_SCRIPT_ID}
              nonce={nonce}
              dangerouslySetInnerHTML={{ __html: catalogueScriptText(language.lang, { staff: isStaffPage }) }}
            />
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
  const { t } = useT();
  const { href } = useLanguage();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // A request the site refused (a body that is not a form, say): not the site's fault.
  const refused = isRouteErrorResponse(error) && error.status >= 400 && error.status < 500 && !notFound;
  const title = t(notFound ? "errors.notFoundTitle" : refused ? "errors.refusedTitle" : "errors.errorTitle");
  return (
    <SiteFrame>
      <title>{title}</title>
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-3xl font-bold text-brand-800">{title}</h1>
        <p className="mt-4 text-slate-700">{t(notFound ? "errors.notFound" : refused ? "errors.refused" : "errors.error")}</p>
        <p className="mt-6">
          <Link to={href("/")} className="font-semibold text-brand-700 underline">
            {t("errors.seeCampaigns")}
          </Link>
        </p>
      </div>
    </SiteFrame>
  );
}
