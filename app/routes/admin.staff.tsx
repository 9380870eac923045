import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { NewStaffForm } from "~/staff/components/NewStaffForm";
import { Alert } from "~/components/ui/Alert";
import { Select } from "~/components/ui/Input";
import { StaffTable } from "~/staff/components/StaffTable";
import {
  createStaffAccount,
  listStaffAccounts,
  newStaffSchema,
  setStaffDisabled,
  setStaffRole,
  StaffChangeRefused,
  StaffEmailTaken,
} from "~/staff/accounts.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { AccountChangeSchema, DoneSchema, NEW_STAFF_FIELDS, StaffIntentSchema } from "~/staff/staff-page.server";
import { useT } from "~/i18n/language-context";
import { staffTranslator } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { formatUtc } from "~/utils/datetime";
import { parseForm } from "~/utils/forms.server";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.accounts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireAdmin(request);
  const done = z.object({ done: DoneSchema.optional().catch(undefined) }).parse(Object.fromEntries(new URL(request.url).searchParams)).done;
  const accounts = await listStaffAccounts();
  return {
    done: done ? staffTranslator()(`staff.accounts.done.${done}`) : null,
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
  const t = staffTranslator();
  const intent = StaffIntentSchema.safeParse(form.intent);
  if (!intent.success) throw data({ message: t("staff.accounts.badRequest") }, { status: 400 });

  if (intent.data === "create") {
    const parsed = parseForm(formData, { fields: NEW_STAFF_FIELDS, schema: newStaffSchema(t), maxLength: 300 });
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
  if (!change.success) throw data({ message: t("staff.accounts.badRequest") }, { status: 400 });
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
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.accounts.${key}`, values);
  return (
    <section>
      <h1 className="text-2xl font-bold text-brand-800">{text("title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{text("intro")}</p>
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
        label={text("tableLabel")}
        caption={text("caption")}
        minWidth="min-w-[44rem]"
        columns={(["name", "role", "status", "lastSignIn", "change"] as const).map((column) => text(`columns.${column}`))}
      >
        {accounts.map((account) => (
          <tr key={account.id} id={`staff-${account.id}`} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-2 pr-3 font-normal">
              <span className="block font-semibold">
                {account.name}
                {account.isMe ? text("you") : ""}
              </span>
              <span className="block break-all text-slate-700">{account.email}</span>
            </th>
            <td className="py-2 pr-3">{t(`staff.layout.roles.${account.role}`)}</td>
            <td className="py-2 pr-3">{account.disabledAt ? text("disabledSince", { at: account.disabledAt }) : text("active")}</td>
            <td className="py-2 pr-3">{account.lastSignInAt ?? text("never")}</td>
            <td className="space-y-2 py-2">
              <Form method="post" className="flex flex-wrap items-center gap-2">
                <input type="hidden" name="intent" value="role" />
                <input type="hidden" name="userId" value={account.id} />
                <label htmlFor={`role-${account.id}`} className="sr-only">
                  {text("roleFor", { name: account.name })}
                </label>
                <Select inline id={`role-${account.id}`} name="role" defaultValue={account.role}>
                  <option value="viewer">{t("staff.layout.roles.viewer")}</option>
                  <option value="admin">{t("staff.layout.roles.admin")}</option>
                </Select>
                <button
                  type="submit"
                  className="rounded-md border border-brand-700 px-3 py-1 font-semibold text-brand-700 hover:bg-brand-50"
                >
                  {text("changeRole")}
                  <span className="sr-only">{text("changeRoleHidden", { name: account.name })}</span>
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
                    {account.disabledAt ? text("enable") : text("disable")}
                    <span className="sr-only">{text("accountHidden", { name: account.name })}</span>
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </StaffTable>

      <h2 id="new-staff-heading" className="mt-10 text-xl font-semibold text-brand-800">
        {text("newAccount")}
      </h2>
      <div className="mt-4">
        <NewStaffForm values={reply?.create?.values ?? {}} errors={reply?.create?.errors ?? {}} />
      </div>
    </section>
  );
}
