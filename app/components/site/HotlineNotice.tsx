/** The hotline, on every public page, before anything else a visitor reads. */
export function HotlineNotice({ text }: { text: string }) {
  return (
    <aside aria-label="Help is available" className="bg-brand-800 text-white">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm">
        <span className="font-semibold">Need help now? </span>
        {text}
      </p>
    </aside>
  );
}
