import type { PublicState } from "~/campaigns/campaign-admin.data.server";

const DESCRIPTIONS: Record<PublicState, string> = {
  draft: "Draft: only staff can see it.",
  archived: "Archived: off the site.",
  scheduled: "Published, but not started yet: hidden until its start.",
  live: "Live on the site and taking gifts.",
  ended: "Ended: on the site without the donation form.",
};

/** Where a campaign stands for visitors, with a link to its page when they can see it. */
export function CampaignState({ state, slug }: { state: PublicState; slug: string }) {
  const visible = state === "live" || state === "ended";
  return (
    <>
      {DESCRIPTIONS[state]}{" "}
      {visible ? (
        <a href={`/campaigns/${slug}`} className="text-brand-700 underline">
          View the public page<span className="sr-only"> /campaigns/{slug}</span>
        </a>
      ) : null}
    </>
  );
}
