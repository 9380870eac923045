/** A field's error, linked to its input by `${field}-error` (aria-describedby). */
export function FieldError({ field, message }: { field: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${field}-error`} className="mt-1 text-sm font-semibold text-red-800">
      {message}
    </p>
  );
}
