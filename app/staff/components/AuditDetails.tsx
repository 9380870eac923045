import { useT } from "~/i18n/language-context";

/** An audit row's details (JSON) as short "key: value" lines: their keys and values as recorded, not words to translate. */
export function AuditDetails({ details }: { details: unknown }) {
  const { t } = useT();
  const none = <span className="text-slate-700">{t("staff.labels.none")}</span>;
  if (details === null || details === undefined) return none;
  if (typeof details !== "object" || Array.isArray(details)) return <span>{describe(details)}</span>;
  const entries = Object.entries(details as Record<string, unknown>);
  if (entries.length === 0) return none;
  return (
    <dl className="space-y-0.5">
      {entries.map(([key, value]) => (
        <div key={key} className="flex flex-wrap gap-x-1">
          <dt className="font-semibold">{key}:</dt>
          <dd className="break-words">{describe(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(describe).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if ("from" in record && "to" in record && Object.keys(record).length === 2) return `${describe(record.from)} → ${describe(record.to)}`;
    return JSON.stringify(value);
  }
  return String(value);
}
