import { describe, expect, it } from "vitest";

import { DONOR_FILTERS, DONOR_SORTS } from "~/donors/donor-list-fields";
import { CATALOGUES } from "~/i18n/catalogues";
import { OFFLINE_METHODS } from "~/offline-gifts/fields";

type Tree = { [key: string]: string | Tree };

/** The text at a dotted key of the English catalogue, or undefined. */
function english(key: string): string | undefined {
  let node: string | Tree | undefined = CATALOGUES.en as Tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

describe("donors and offline gifts pages", () => {
  it("have a text for every key they build from a code", () => {
    const built = [
      ...OFFLINE_METHODS.map((method) => `staff.offlineGifts.methods.${method}`),
      ...DONOR_FILTERS.map((filter) => `staff.donors.list.filters.${filter}`),
      ...DONOR_SORTS.map((sort) => `staff.donors.list.sorts.${sort}`),
      ...["updated", "merged", "erased"].map((done) => `staff.donors.page.done.${done}`),
      ...["date", "campaign", "amount", "how", "status", "receipt"].map((column) => `staff.donors.page.giftColumns.${column}`),
      ...["monthly", "yearly", "online"].map((how) => `staff.donors.page.how.${how}`),
      ...["succeeded", "partially_refunded", "refunded", "disputed", "voided"].map((status) => `staff.donors.page.giftStatus.${status}`),
      ...["incomplete", "active", "past_due", "unpaid", "paused", "canceled"].map((status) => `staff.donors.page.monthlyStatus.${status}`),
      ...["pending", "sending", "sent", "failed"].map((status) => `staff.donors.page.emailStatus.${status}`),
      ...["line", "date", "amount", "campaign", "reference", "donor", "problems"].map((column) => `staff.import.columns.${column}`),
      ...["date", "amount", "method", "email", "name", "address", "note", "reference"].map((what) => `staff.import.rowProblems.${what}`),
    ];
    expect(built.filter((key) => english(key) === undefined)).toEqual([]);
  });

  it("keep their texts in the staff section only: no other catalogue carries a Spanish copy", () => {
    const es = CATALOGUES.es as Tree & { staff?: Tree };
    expect(es.staff?.donors).toBeUndefined();
    expect(es.staff?.offlineGifts).toBeUndefined();
    expect(es.staff?.import).toBeUndefined();
  });
});
