import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { AuditDetails } from "~/staff/components/AuditDetails";
import { OlderPageLink } from "~/staff/components/OlderPageLink";
import { SelectFilter } from "~/staff/components/SelectFilter";
import { StaffTable } from "~/staff/components/StaffTable";
import { auditTargetNames } from "~/staff/audit-admin.data.server";
import { AUDIT_ACTIONS, auditLogPage } from "~/staff/audit.data.server";
import { useT } from "~/i18n/language-context";
import { requireAdmin } from "~/staff/auth.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { formatUtc } from "~/utils/datetime";
import { encodeKeyset, KeysetSchema } from "~/utils/keyset.server";
import { z } from "~/utils/zod";

const SearchSchema = z.object({
  action: z.union([z.literal("").transform(() => undefined), z.enum(AUDIT_ACTIONS)]).optional(),
  before: KeysetSchema.optional(),
});

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.audit.title"));

/** Where a target can be looked at in the staff area, if anywhere. */
function targetHref(type: string | null, id: string | null): string | null {
  if (!id) return null;
  if (type === "campaign") return `/admin/campaigns/${id}`;
  if (type === "staff") return `/admin/staff#staff-${id}`;
  return null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const t = staffTranslator();
  const search = SearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!search.success) throw data({ message: t("staff.lists.badFilter") }, { status: 400 });
  const { action, before } = search.data;
  const page = await auditLogPage({ action, before });
  const names = await auditTargetNames(page.rows);
  const last = page.rows.at(-1);
  return {
    action: action ?? "",
    actions: AUDIT_ACTIONS,
    paged: Boolean(before),
    nextCursor: page.hasMore && last ? encodeKeyset(last) : null,
    entries: page.rows.map((row) => ({
      id: row.id,
      when: formatUtc(row.createdAt),
      who: row.actor
        ? t("staff.audit.staffActor", { name: row.actor.name, email: row.actor.email })
        : row.donorActorId
          ? t("staff.audit.donorActor", { id: row.donorActorId })
          : t("staff.audit.commandLine"),
      action: row.action,
      target: row.targetType
        ? {
            type: row.targetType,
            id: row.targetId,
            name: names.get(`${row.targetType}:${row.targetId}`) ?? null,
            href: targetHref(row.targetType, row.targetId),
          }
        : null,
      details: row.details,
      ip: row.ip,
    })),
  };
}

export default function AuditLog() {
  const { entries, action, actions, paged, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.audit.${key}`, values);
  const none = t("staff.labels.none");
  return (
    <section>
      <h1 className="text-2xl font-bold text-brand-800">{text("title")}</h1>
      <p className="mt-1 text-slate-700">{text("intro")}</p>

      <SelectFilter name="action" label={text("action")} allLabel={text("allActions")} options={actions} value={action} />

      {entries.length === 0 ? (
        <p className="mt-6 text-slate-700">{action ? text("noneFor", { action }) : text("none")}</p>
      ) : (
        <StaffTable
          label={text("tableLabel")}
          caption={text("caption")}
          minWidth="min-w-[44rem]"
          columns={(["when", "who", "action", "target", "details", "ip"] as const).map((column) => text(`columns.${column}`))}
        >
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">
                {entry.when}
              </th>
              <td className="py-2 pr-3 break-words">{entry.who}</td>
              <td className="py-2 pr-3 font-mono">{entry.action}</td>
              <td className="py-2 pr-3 break-words">
                {entry.target ? (
                  entry.target.href ? (
                    <Link to={entry.target.href} className="text-brand-700 underline">
                      {entry.target.name ?? text("target", { type: entry.target.type, id: entry.target.id })}
                    </Link>
                  ) : (
                    text("target", { type: entry.target.type, id: entry.target.id ?? "" })
                  )
                ) : (
                  none
                )}
              </td>
              <td className="py-2 pr-3">
                <AuditDetails details={entry.details} />
              </td>
              <td className="py-2 font-mono">{entry.ip ?? none}</td>
            </tr>
          ))}
        </StaffTable>
      )}
      <OlderPageLink path="/admin/audit" params={{ action }} nextCursor={nextCursor} paged={paged} />
    </section>
  );
}
