import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { NewStaffForm } from "~/staff/components/NewStaffForm";
import { Alert } from "~/components/ui/Alert";
import { Select } from "~/components/ui/Input";
import { StaffTable } from "~/staff/components/StaffTable";
import {
  createStaffAccount,
  listStaffAccounts,
  NewStaffSchema,
  setStaffDisabled,
  setStaffRole,
  StaffChangeRefused,
  StaffEmailTaken,
} from "~/staff/accounts.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { AccountChangeSchema, DONE_MESSAGES, DoneSchema, NEW_STAFF_FIELDS, StaffIntentSchema } from "~/staff/staff-page.server";
import { formatUtc } from "~/utils/datetime";
import { parseForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";
import { staffPageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => staffPageMeta("Staff accounts");

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireAdmin(request);
  const done = z.object({ done: DoneSchema.optional().catch(undefined) }).parse(Object.fromEntries(new URL(request.url).searchParams)).done;
  const accounts = await listStaffAccounts();
  return {
    done: done ? DONE_MESSAGES[done] : null,
    accounts: accounts.map((account) => ({
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      disabledAt: account.disabledAt ? formatUtc(account.disabledAt) : null,
      lastSignInAt: account.lastSignInAt ? formatUtc(account.lastSignInAt) : null,
      isMe: account.id === me.id,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requireAdmin(request);
  const actor = staffActor(me, context);
  const formData = await readForm(request);
  const form = Object.fromEntries(formData);
  const intent = StaffIntentSchema.safeParse(form.intent);
  if (!intent.success) throw data({ message: "That request was not understood." }, { status: 400 });

  if (intent.data === "create") {
    const parsed = parseForm(formData, { fields: NEW_STAFF_FIELDS, schema: NewStaffSchema, maxLength: 300 });
    // The password is never sent back to the page.
    const { password: _password, ...values } = parsed.values;
    if (!parsed.ok) return data({ create: { values, errors: parsed.errors }, refusal: null }, { status: parsed.status });
    try {
      await createStaffAccount(parsed.data, actor);
    } catch (error) {
      if (!(error instanceof StaffEmailTaken)) throw error;
      return data({ create: { values, errors: { email: error.message } as typeof parsed.errors }, refusal: null }, { status: 422 });
    }
    return redirect("/admin/staff?done=created", { status: 303 });
  }

  const change = AccountChangeSchema.safeParse(form);
  if (!change.success) throw data({ message: "That request was not understood." }, { status: 400 });
  try {
    const wanted = change.data;
    const changed =
      wanted.intent === "role"
        ? await setStaffRole(wanted.userId, wanted.role, actor)
        : await setStaffDisabled(wanted.userId, wanted.intent === "disable", actor);
    const done = !changed ? "unchanged" : wanted.intent === "disable" ? "disabled" : wanted.intent === "enable" ? "enabled" : "role";
    return redirect(`/admin/staff?done=${done}`, { status: 303 });
  } catch (error) {
    if (!(error instanceof StaffChangeRefused)) throw error;
    return data({ create: null, refusal: error.message }, { status: 409 });
  }
}

export default function StaffAccounts() {
  const { accounts, done } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <section>
      <h1 className="text-2xl font-bold text-brand-800">Staff accounts</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Accounts are never deleted (the audit log names them): disable one to stop it signing in. Disabling an account or changing its role
        signs it out everywhere.
      </p>
      {done && !reply ? (
        <Alert tone="success" className="mt-4">
          {done}
        </Alert>
      ) : null}
      {reply?.refusal ? (
        <Alert tone="error" className="mt-4">
          {reply.refusal}
        </Alert>
      ) : null}

      <StaffTable
        label="Staff accounts"
        caption="Staff accounts, active first"
        minWidth="min-w-[44rem]"
        columns={["Name", "Role", "Status", "Last sign-in (UTC)", "Change"]}
      >
        {accounts.map((account) => (
          <tr key={account.id} id={`staff-${account.id}`} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-2 pr-3 font-normal">
              <span className="block font-semibold">
                {account.name}
                {account.isMe ? " (you)" : ""}
              </span>
              <span className="block break-all text-slate-700">{account.email}</span>
            </th>
            <td className="py-2 pr-3">{account.role}</td>
            <td className="py-2 pr-3">{account.disabledAt ? `Disabled since ${account.disabledAt}` : "Active"}</td>
            <td className="py-2 pr-3">{account.lastSignInAt ?? "never"}</td>
            <td className="space-y-2 py-2">
              <Form method="post" className="flex flex-wrap items-center gap-2">
                <input type="hidden" name="intent" value="role" />
                <input type="hidden" name="userId" value={account.id} />
                <label htmlFor={`role-${account.id}`} className="sr-only">
                  Role for {account.name}
                </label>
                <Select inline id={`role-${account.id}`} name="role" defaultValue={account.role}>
                  <option value="viewer">viewer</option>
                  <option value="admin">admin</option>
                </Select>
                <button
                  type="submit"
                  className="rounded-md border border-brand-700 px-3 py-1 font-semibold text-brand-700 hover:bg-brand-50"
                >
                  Change role<span className="sr-only"> of {account.name}</span>
                </button>
              </Form>
              {account.isMe ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value={account.disabledAt ? "enable" : "disable"} />
                  <input type="hidden" name="userId" value={account.id} />
                  <button
                    type="submit"
                    className={
                      account.disabledAt
                        ? "rounded-md bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800"
                        : "rounded-md border border-red-700 px-3 py-1 font-semibold text-red-800 hover:bg-red-50"
                    }
                  >
                    {account.disabledAt ? "Enable" : "Disable"}
                    <span className="sr-only"> {account.name}</span>
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </StaffTable>

      <h2 id="new-staff-heading" className="mt-10 text-xl font-semibold text-brand-800">
        New account
      </h2>
      <div className="mt-4">
        <NewStaffForm values={reply?.create?.values ?? {}} errors={reply?.create?.errors ?? {}} />
      </div>
    </section>
  );
}
