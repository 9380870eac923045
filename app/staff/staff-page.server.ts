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

export const DONE_MESSAGES = {
  created: "Account created. Give its owner the password in person or by phone, never by email.",
  disabled: "Account disabled; it was signed out everywhere.",
  enabled: "Account enabled. Its owner can sign in again.",
  role: "Role changed. The account was signed out, so the new role applies from its next sign-in.",
  unchanged: "Nothing changed: the account was already like that.",
} as const;

export const DoneSchema = z.enum(Object.keys(DONE_MESSAGES) as [keyof typeof DONE_MESSAGES]);
