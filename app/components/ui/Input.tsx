import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * The site's form controls: one look for every text box, text area and
 * list, with a red border while the field has an error (aria-invalid). A
 * control fills its column unless `inline` (then it is as wide as its
 * content, beside other controls). `className` adds to the look (a margin, a
 * font), it does not replace it.
 */
const CONTROL_CLASS = "rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

function controlClass(inline: boolean | undefined, className: string | undefined): string {
  return [inline ? "" : "block w-full", CONTROL_CLASS, className].filter(Boolean).join(" ");
}

interface ControlOptions {
  inline?: boolean;
}

export function Input({ className, inline, ...props }: InputHTMLAttributes<HTMLInputElement> & ControlOptions) {
  return <input {...props} className={controlClass(inline, className)} />;
}

export function TextArea({ className, inline, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & ControlOptions) {
  return <textarea {...props} className={controlClass(inline, className)} />;
}

export function Select({ className, inline, ...props }: SelectHTMLAttributes<HTMLSelectElement> & ControlOptions) {
  return <select {...props} className={controlClass(inline, className)} />;
}
