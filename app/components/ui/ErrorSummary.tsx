import { Alert } from "~/components/ui/Alert";
import { useT } from "~/i18n/language-context";

/**
 * The list of a form's problems at its top, each linking to its field (whose
 * own message has the id `${field}-error`). Announced when it appears. The
 * form's own problem (`form`), if any, is listed first, without a link.
 */
export function ErrorSummary({
  errors,
  labels = {},
  title,
  targetOf = (field) => field,
}: {
  errors: Partial<Record<string, string>>;
  /** Put before each message ("Email: …"); leave out when the messages say which field they are about. */
  labels?: Partial<Record<string, string>>;
  /** A heading, or one chosen by how many problems there are (the catalogue's formErrors.summaryTitle unless told). */
  title?: string | ((count: number) => string);
  /** The id a problem's link goes to (the field's control unless told); null: a problem with no field to go to. */
  targetOf?: (field: string) => string | null;
}) {
  const { t } = useT();
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <Alert tone="error" className="text-sm" labelledBy="error-summary-title">
      <p id="error-summary-title" className="font-semibold">
        {typeof title === "function" ? title(entries.length) : (title ?? t("formErrors.summaryTitle"))}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "form" || targetOf(field) === null ? (
              message
            ) : (
              <a href={`#${targetOf(field)}`} className="underline">
                {labels[field] ? `${labels[field]}: ` : ""}
                {message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
