import type { ReactNode } from "react";

export type AlertTone = "error" | "warning" | "success" | "info";

const TONES: Record<AlertTone, string> = {
  error: "border-red-300 bg-red-50 text-red-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  success: "border-green-300 bg-green-50 text-green-900",
  info: "border-brand-100 bg-brand-50 text-brand-800",
};

/**
 * A message box. Errors and warnings are announced at once (role "alert"),
 * news such as "saved" politely (role "status"); `announce={false}` for a
 * box inside a region that is already announced, or shown on arrival.
 */
export function Alert({
  tone,
  children,
  className,
  id,
  announce = true,
  labelledBy,
  testId,
}: {
  tone: AlertTone;
  children: ReactNode;
  /** Spacing and size around the box (mt-4, text-sm ...). */
  className?: string;
  id?: string;
  announce?: boolean;
  /** The id of the box's own heading, when it has one. */
  labelledBy?: string;
  testId?: string;
}) {
  const role = !announce ? undefined : tone === "error" || tone === "warning" ? "alert" : "status";
  return (
    <div
      role={role}
      id={id}
      aria-labelledby={labelledBy}
      data-testid={testId}
      className={`rounded-md border p-3 ${TONES[tone]}${className ? ` ${className}` : ""}`}
    >
      {children}
    </div>
  );
}
