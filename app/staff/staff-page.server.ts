import { z } from "zod";

import { StaffRoleSchema } from "~/staff/accounts.server";

/** The posts the staff accounts page understands (the new-account form is checked by NewStaffSchema). */
export const StaffIntentSchema = z.enum(["create", "disable", "enable", "role"]);

export const AccountChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable"), userId: z.uuid() }),
  z.object({ intent: z.literal("enable"), userId: z.uuid() }),
  z.object({ intent: z.literal("role"), userId: z.uuid(), role: StaffRoleSchema }),
]);

/** The new-account form's fields, in the order it shows them. */
export const NEW_STAFF_FIELDS = ["name", "email", "role", "password"] as const;
export type NewStaffField = (typeof NEW_STAFF_FIELDS)[number];

/** What the page says after a change: staff.accounts.done.<key> in the catalogue. */
export const DoneSchema = z.enum(["created", "disabled", "enabled", "role", "unchanged"]);
