import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

import type { StaffRole } from "~/generated/prisma/enums";

interface NavItem {
  to: string;
  label: string;
  role: StaffRole;
}

const NAV: NavItem[] = [
  { to: "/admin", label: "Dashboard", role: "viewer" },
  { to: "/admin/donations", label: "Donations", role: "viewer" },
  { to: "/admin/donors", label: "Donors", role: "viewer" },
  { to: "/admin/offline-gifts/new", label: "Record a gift", role: "admin" },
  { to: "/admin/campaigns", label: "Campaigns", role: "admin" },
  { to: "/admin/outbox", label: "Outbox", role: "admin" },
  { to: "/admin/audit", label: "Audit log", role: "admin" },
  { to: "/admin/staff", label: "Staff", role: "admin" },
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
  const items = staff ? NAV.filter((item) => item.role === "viewer" || staff.role === "admin") : [];
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-300 bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="font-bold">{organisationName} · Staff</p>
          {staff ? (
            <div className="flex items-center gap-3 text-sm">
              <span>
                {staff.name} <span className="rounded bg-brand-600 px-2 py-0.5 text-xs uppercase tracking-wide">{staff.role}</span>
              </span>
              <Form method="post" action="/admin/sign-out">
                <button type="submit" className="rounded border border-white px-3 py-1 font-semibold hover:bg-brand-700">
                  Sign out
                </button>
              </Form>
            </div>
          ) : null}
        </div>
        {items.length > 0 ? (
          <nav aria-label="Staff" className="mx-auto max-w-6xl overflow-x-auto px-4">
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
                    {item.label}
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
