/**
 * The list of a form's problems at its top, each linking to its field (whose
 * own message has the id `${field}-error`). Announced when it appears.
 */
export function ErrorSummary({
  errors,
  labels,
  title = "Please correct the following:",
}: {
  errors: Partial<Record<string, string>>;
  labels: Partial<Record<string, string>>;
  title?: string;
}) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="error-summary-title" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p id="error-summary-title" className="font-semibold">
        {title}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "form" ? (
              message
            ) : (
              <a href={`#${field}`} className="underline">
                {labels[field] ? `${labels[field]}: ` : ""}
                {message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
