import { db } from "~/db/db.server";

/**
 * Names for the targets of audit rows (a campaign's title, a staff member's
 * name), fetched in two queries for a whole page. A target that no longer
 * exists simply has no name.
 */
export async function auditTargetNames(
  targets: Array<{ targetType: string | null; targetId: string | null }>,
): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(targets.filter((t) => t.targetType === type && t.targetId && isUuid(t.targetId)).map((t) => t.targetId as string)),
  ];
  const campaignIds = idsOf("campaign");
  const staffIds = idsOf("staff");
  const [campaigns, staff] = await Promise.all([
    campaignIds.length ? db().campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, title: true } }) : [],
    staffIds.length ? db().staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, email: true } }) : [],
  ]);
  return new Map([
    ...campaigns.map((c) => [`campaign:${c.id}`, c.title] as const),
    ...staff.map((s) => [`staff:${s.id}`, `${s.name} (${s.email})`] as const),
  ]);
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
