import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";

import { useT } from "~/i18n/language-context";
import { StaffLayout } from "~/staff/components/StaffLayout";
import type { loader as rootLoader } from "~/root";
import { requireStaff } from "~/staff/auth.server";
import { staffHeaders } from "~/staff/headers";
import { metaTranslator } from "~/staff/staff-text";
import { privatePageMeta } from "~/utils/meta";
import { HYDRATE } from "~/utils/page-handle";

/** Staff pages hydrate: their forms and tables use React in the browser (decision 029). */
export const handle = HYDRATE;

/** Every page below this layout keeps these (its own `headers`, if any, is made with withParentHeaders). */
export const headers = staffHeaders;

export const meta: MetaFunction = ({ matches }) => privatePageMeta(metaTranslator(matches)("staff.layout.staff"));

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { staff: { name: staff.name, role: staff.role } };
}

export default function AdminLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  return (
    <StaffLayout staff={staff} organisationName={root?.organisation.name ?? "Lantern"}>
      <Outlet />
    </StaffLayout>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const staff = useRouteLoaderData<typeof loader>("routes/admin")?.staff ?? null;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "forbidden" : status === 404 ? "notFound" : "error";
  return (
    <StaffLayout staff={staff} organisationName={root?.organisation.name ?? "Lantern"}>
      <title>{t(`staff.errors.${kind}Title`)}</title>
      <h1 className="text-2xl font-bold text-brand-800">
        {t(kind === "error" ? "staff.errors.errorHeading" : `staff.errors.${kind}Title`)}
      </h1>
      <p className="mt-3 max-w-prose text-slate-700">{t(`staff.errors.${kind}`)}</p>
      <p className="mt-4">
        <Link to="/admin" className="font-semibold text-brand-700 underline">
          {t("staff.errors.backToDashboard")}
        </Link>
      </p>
    </StaffLayout>
  );
}
