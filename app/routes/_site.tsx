import { Outlet } from "@remix-run/react";

import { SiteFrame } from "~/components/site/SiteLayout";

/**
 * The public pages' frame (quick exit, hotline, the organisation's footer),
 * as a pathless layout: every `_site.*` route renders inside it, the staff
 * pages under /admin bring their own (routes/admin.tsx).
 */
export default function SiteLayoutRoute() {
  return (
    <SiteFrame>
      <Outlet />
    </SiteFrame>
  );
}
