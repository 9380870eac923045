/**
 * A field's error, linked to its input by `${field}-error` (aria-describedby).
 * `announce` for a form without an error summary, whose only message this is.
 */
export function FieldError({ field, message, announce = false }: { field: string; message: string | undefined; announce?: boolean }) {
  if (!message) return null;
  return (
    <p id={`${field}-error`} role={announce ? "alert" : undefined} className="mt-1 text-sm font-semibold text-red-800">
      {message}
    </p>
  );
}
