import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

import type { StaffRole } from "~/generated/prisma/enums";
import { useT } from "~/i18n/language-context";

interface NavItem {
  to: string;
  /** Its name under staff.layout.nav in the catalogue. */
  label: string;
  role: StaffRole;
}

const NAV: NavItem[] = [
  { to: "/admin", label: "dashboard", role: "viewer" },
  { to: "/admin/donations", label: "donations", role: "viewer" },
  { to: "/admin/donors", label: "donors", role: "viewer" },
  { to: "/admin/offline-gifts/new", label: "recordGift", role: "admin" },
  { to: "/admin/campaigns", label: "campaigns", role: "admin" },
  { to: "/admin/outbox", label: "outbox", role: "admin" },
  { to: "/admin/audit", label: "audit", role: "admin" },
  { to: "/admin/staff", label: "staff", role: "admin" },
];

/** The frame of every signed-in staff page: who is signed in, where they can go, and sign-out. */
export function StaffLayout({
  staff,
  organisationName,
  children,
}: {
  staff: { name: string; role: StaffRole } | null;
  organisationName: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const items = staff ? NAV.filter((item) => item.role === "viewer" || staff.role === "admin") : [];
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("staff.layout.skipToContent")}
      </a>
      <header className="border-b border-slate-300 bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="font-bold">{t("staff.layout.heading", { organisation: organisationName })}</p>
          {staff ? (
            <div className="flex items-center gap-3 text-sm">
              <span>
                {staff.name}{" "}
                <span className="rounded bg-brand-600 px-2 py-0.5 text-xs uppercase tracking-wide">
                  {t(`staff.layout.roles.${staff.role}`)}
                </span>
              </span>
              <Form method="post" action="/admin/sign-out">
                <button type="submit" className="rounded border border-white px-3 py-1 font-semibold hover:bg-brand-700">
                  {t("staff.layout.signOut")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
        {items.length > 0 ? (
          <nav aria-label={t("staff.layout.navLabel")} className="mx-auto max-w-6xl overflow-x-auto px-4">
            <ul className="flex gap-1">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === "/admin"}
                    className={({ isActive }) =>
                      `block whitespace-nowrap rounded-t px-3 py-2 text-sm font-semibold no-underline ${isActive ? "bg-slate-50 text-brand-800" : "text-white hover:bg-brand-700"}`
                    }
                  >
                    {t(`staff.layout.nav.${item.label}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
