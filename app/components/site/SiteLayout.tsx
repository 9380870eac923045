import { Link, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { HotlineNotice } from "~/components/site/HotlineNotice";
import { EXAMPLE_ORGANISATION, type OrganisationSettings } from "~/organisation/organisation.data.server";
import { LanguageSwitch } from "~/components/site/LanguageSwitch";
import { QuickExit } from "~/components/site/QuickExit";
import { useLanguage, useT } from "~/i18n/language-context";
import { SandboxBanner } from "~/components/site/SandboxBanner";
import type { RootLoaderData } from "~/root";

export type LayoutOrganisation = OrganisationSettings;

/** Used only when the root loader itself failed (e.g. the database is down). */
const fallbackOrganisation: LayoutOrganisation = {
  ...EXAMPLE_ORGANISATION,
  quickExitUrl: "https://www.google.com/search?q=weather",
};

/** The public frame with the organisation of the root loader (or the fallback when it failed). */
export function SiteFrame({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<RootLoaderData>("root");
  return (
    <SiteLayout organisation={root?.organisation ?? fallbackOrganisation} sandbox={root?.sandbox ?? false}>
      {children}
    </SiteLayout>
  );
}

export function SiteLayout({
  organisation,
  sandbox,
  children,
}: {
  organisation: LayoutOrganisation;
  sandbox: boolean;
  children: ReactNode;
}) {
  const { t } = useT();
  const { href } = useLanguage();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("layout.skipToContent")}
      </a>
      {sandbox ? <SandboxBanner /> : null}
      <HotlineNotice text={organisation.hotlineText} />
      {/*
        The header stays at the top of the screen however far the visitor
        scrolls, so "Exit this page" is always one tap away. It is sticky
        (CSS only, so it works with JavaScript off), not fixed: it keeps its
        own place in the page and covers nothing at rest. Its height is fixed
        (one line, the name truncated) so that the page's scroll padding
        (tailwind.css) keeps focused and linked-to content clear of it.
      */}
      <header data-site-header className="sticky top-0 z-40 border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-3 px-4">
          <Link to={href("/")} className="min-w-0 truncate text-lg font-bold text-brand-800 no-underline sm:text-xl">
            {organisation.name}
          </Link>
          <div className="flex shrink-0 items-center gap-3">
            <LanguageSwitch />
            <QuickExit href={organisation.quickExitUrl} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-slate-50 text-sm text-slate-700">
        <div className="mx-auto grid max-w-5xl gap-2 px-4 py-6 sm:grid-cols-2">
          <div>
            <p className="font-semibold text-slate-900">{organisation.legalName}</p>
            <p>{t("layout.ein", { ein: organisation.ein })}</p>
            <p>{organisation.address}</p>
          </div>
          <div className="sm:text-right">
            <p>
              {t("layout.questions")}{" "}
              <a className="text-brand-700 underline" href={`mailto:${organisation.supportEmail}`}>
                {organisation.supportEmail}
              </a>
            </p>
            <p>{t("layout.taxDeductible")}</p>
          </div>
        </div>
      </footer>
    </div>
  );
}
