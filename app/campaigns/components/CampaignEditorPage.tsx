import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import type { EditorReply } from "~/campaigns/editor.server";
import { CampaignForm, type CampaignFormProps } from "~/campaigns/components/CampaignForm";
import { useT } from "~/i18n/language-context";

/**
 * The new and edit campaign pages: the way back to the list, the page's own
 * heading and notes (`children`), then the editor, which shows the last reply
 * (a preview or errors) when there is one and `values` otherwise. `formKey`
 * remounts the editor when it changes.
 */
export function CampaignEditorPage({
  children,
  reply,
  values,
  formKey,
  ...form
}: Omit<CampaignFormProps, "errors" | "previewHtml"> & { children: ReactNode; reply: EditorReply | undefined; formKey?: string }) {
  const { t } = useT();
  return (
    <section className="max-w-3xl">
      <p>
        <Link to="/admin/campaigns" className="text-sm text-brand-700 underline">
          {t("staff.campaignEditor.allCampaigns")}
        </Link>
      </p>
      {children}
      <div className="mt-6">
        <CampaignForm
          key={formKey}
          values={reply?.values ?? values}
          errors={reply?.errors ?? {}}
          previewHtml={reply?.previewHtml ?? null}
          {...form}
        />
      </div>
    </section>
  );
}
