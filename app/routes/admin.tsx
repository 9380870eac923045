import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";

import { StaffLayout } from "~/staff/components/StaffLayout";
import type { loader as rootLoader } from "~/root";
import { requireStaff } from "~/staff/auth.server";
import { staffHeaders } from "~/staff/headers";
import { privatePageMeta } from "~/utils/meta";
import { HYDRATE } from "~/utils/page-handle";

/** Staff pages hydrate: their forms and tables use React in the browser (decision 029). */
export const handle = HYDRATE;

/** Every page below this layout keeps these (its own `headers`, if any, is made with withParentHeaders). */
export const headers = staffHeaders;

export const meta: MetaFunction = () => privatePageMeta("Staff");

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
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const staff = useRouteLoaderData<typeof loader>("routes/admin")?.staff ?? null;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    status === 403
      ? "Your account can view the dashboard and donations, but cannot change anything or see this page. Ask an admin if you need more."
      : status === 404
        ? "There is nothing at this address."
        : "Something went wrong showing this page. Nothing was changed; try again in a moment.";
  return (
    <StaffLayout staff={staff} organisationName={root?.organisation.name ?? "Lantern"}>
      <title>{status === 403 ? "Not allowed" : status === 404 ? "Not found" : "Error"}</title>
      <h1 className="text-2xl font-bold text-brand-800">
        {status === 403 ? "Not allowed" : status === 404 ? "Not found" : "Something went wrong"}
      </h1>
      <p className="mt-3 max-w-prose text-slate-700">{message}</p>
      <p className="mt-4">
        <Link to="/admin" className="font-semibold text-brand-700 underline">
          Back to the dashboard
        </Link>
      </p>
    </StaffLayout>
  );
}
