import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { StaffTable } from "~/staff/components/StaffTable";
import { checkImport, IMPORT_COLUMNS } from "~/offline-gifts/gift-import.server";
import { ImportRowRefused, importOfflineGifts } from "~/offline-gifts/gift-import.data.server";
import { CheckboxSchema } from "~/offline-gifts/offline-gift-rules.server";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { metaTranslator } from "~/staff/staff-text";
import { translateTexts } from "~/i18n/text-key";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { parseForm } from "~/utils/forms.server";
import { staffPageMeta } from "~/utils/meta";
import { readForm } from "~/utils/request.server";
import { singleLineText } from "~/utils/text";
import { useIsPending } from "~/utils/use-is-pending";
import { z } from "~/utils/zod";

export const meta: MetaFunction = ({ matches }) => staffPageMeta(metaTranslator(matches)("staff.import.title"));

const OptionsSchema = z.object({
  intent: z.enum(["preview", "import"]),
  fileName: singleLineText().max(200).catch("upload.csv"),
  sendReceipts: CheckboxSchema,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

/** The uploaded file (preview) or the text the preview carried back (import). */
async function csvText(form: FormData): Promise<{ text: string; name: string } | null> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return { text: await file.text(), name: file.name || "upload.csv" };
  const carried = form.get("csv");
  return typeof carried === "string" && carried.trim() !== "" ? { text: carried, name: "" } : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const t = translator(requestLanguage(request).lang);
  const form = await readForm(request);
  const options = parseForm(form, { fields: ["intent", "fileName", "sendReceipts"], schema: OptionsSchema });
  if (!options.ok) return data({ kind: "refused" as const, message: t("staff.import.unknownAction") }, { status: 400 });
  const upload = await csvText(form);
  if (!upload) return data({ kind: "refused" as const, message: t("staff.import.chooseFile") }, { status: 422 });
  const fileName = upload.name || options.data.fileName;
  const check = await checkImport(upload.text, t);
  if (!check.ok) return data({ kind: "refused" as const, message: check.fileProblem }, { status: 422 });
  const preview = {
    kind: "preview" as const,
    fileName,
    csv: upload.text,
    rows: check.rows,
    problems: check.problems,
    duplicates: check.duplicates,
    toAdd: check.gifts.length - check.duplicates,
  };
  if (options.data.intent === "preview" || check.problems > 0) return data(preview, { status: check.problems > 0 ? 422 : 200 });
  const gifts = check.gifts.map((gift) => ({
    ...gift,
    // Receipts only when asked, and only to donors with an email.
    sendReceipt: options.data.sendReceipts && "email" in gift.donor && gift.donor.email !== null,
  }));
  try {
    const done = await importOfflineGifts(gifts, { name: fileName, sha256: check.sha256 }, staffActor(staff, context));
    return data({ kind: "imported" as const, ...done });
  } catch (error) {
    if (error instanceof ImportRowRefused) {
      const problem = Object.values(translateTexts(error.problems, t)).join(" ");
      return data({ kind: "refused" as const, message: t("staff.import.nothingImported", { line: error.row, problem }) }, { status: 422 });
    }
    throw error;
  }
}

export default function ImportOfflineGifts() {
  const reply = useActionData<typeof action>();
  const busy = useIsPending();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand-800">{t("staff.import.title")}</h1>
      <p className="max-w-prose text-slate-700">{t("staff.import.intro", { columns: IMPORT_COLUMNS.join(", ") })}</p>
      {reply?.kind === "refused" ? <Alert tone="error">{reply.message}</Alert> : null}
      {reply?.kind === "imported" ? (
        <Alert tone="success">
          {t("staff.import.imported", { count: reply.added })}
          {reply.skipped ? t("staff.import.skipped", { count: reply.skipped }) : null}
          {t("staff.import.receipts", { count: reply.receipts })}
        </Alert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="preview" />
        <label className="text-sm font-semibold">
          {t("staff.import.file")}
          <input type="file" name="file" accept=".csv,text/csv" className="mt-1 block" required />
        </label>
        <button type="submit" disabled={busy} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("staff.import.check")}
        </button>
      </Form>
      {reply?.kind === "preview" ? (
        <section aria-labelledby="preview" className="space-y-3">
          <h2 id="preview" className="text-lg font-semibold text-brand-800">
            {t("staff.import.previewHeading", { file: reply.fileName, count: reply.rows.length })}
          </h2>
          {reply.problems > 0 ? (
            <Alert tone="error">{t("staff.import.problems", { count: reply.problems })}</Alert>
          ) : (
            <Alert tone="info">
              {t("staff.import.willAdd", { count: reply.toAdd })}
              {reply.duplicates ? t("staff.import.duplicates", { count: reply.duplicates }) : null}
              {t("staff.import.end")}
            </Alert>
          )}
          <StaffTable
            label={t("staff.import.tableLabel")}
            caption={t("staff.import.caption")}
            minWidth="min-w-[48rem]"
            columns={(["line", "date", "amount", "campaign", "reference", "donor", "problems"] as const).map((column) =>
              t(`staff.import.columns.${column}`),
            )}
          >
            {reply.rows.map((row) => (
              <tr key={row.line} className="border-b border-slate-200" data-problems={row.problems.length}>
                <td className="py-2 pr-3">{row.line}</td>
                <td className="py-2 pr-3">{row.date}</td>
                <td className="py-2 pr-3">{row.amount}</td>
                <td className="py-2 pr-3">{row.campaign}</td>
                <td className="py-2 pr-3">{row.reference}</td>
                <td className="py-2 pr-3">{row.donor}</td>
                <td className="py-2">
                  {row.problems.length
                    ? row.problems.join(t("staff.import.problemsJoin"))
                    : t(row.duplicate ? "staff.import.importedBefore" : "staff.import.ok")}
                </td>
              </tr>
            ))}
          </StaffTable>
          {reply.problems === 0 ? (
            <Form method="post" encType="multipart/form-data" className="space-y-3">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="fileName" value={reply.fileName} />
              <input type="hidden" name="csv" value={reply.csv} />
              <label className="flex items-center gap-2 text-sm font-semibold">
                <input type="checkbox" name="sendReceipts" />
                {t("staff.import.sendReceipts")}
              </label>
              <button
                type="submit"
                disabled={busy}
                className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
              >
                {t("staff.import.submit", { count: reply.toAdd })}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
