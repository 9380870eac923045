import type { PublicState } from "~/campaigns/campaign-admin.data.server";
import { useT } from "~/i18n/language-context";

/** Where a campaign stands for visitors, with a link to its page when they can see it. */
export function CampaignState({ state, slug }: { state: PublicState; slug: string }) {
  const { t } = useT();
  const visible = state === "live" || state === "ended";
  return (
    <>
      {t(`staff.campaignState.${state}`)}{" "}
      {visible ? (
        <a href={`/campaigns/${slug}`} className="text-brand-700 underline">
          {t("staff.campaignState.view")}
          <span className="sr-only">
            {" "}
            {"/campaigns/"}
            {slug}
          </span>
        </a>
      ) : null}
    </>
  );
}
