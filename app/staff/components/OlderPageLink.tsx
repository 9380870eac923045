import { Link } from "@remix-run/react";

import { useT } from "~/i18n/language-context";

/** Keyset paging links: back to the newest rows, and on to older ones. */
export function OlderPageLink({
  path,
  params,
  nextCursor,
  paged,
}: {
  path: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  paged: boolean;
}) {
  const { t } = useT();
  const query = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, ...extra })) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  if (!nextCursor && !paged) return null;
  return (
    <nav aria-label={t("staff.lists.pagesLabel")} className="mt-4 flex flex-wrap gap-4">
      {paged ? (
        <Link to={query({})} className="text-brand-700 underline">
          {t("staff.lists.newest")}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link to={query({ before: nextCursor })} className="text-brand-700 underline">
          {t("staff.lists.older")}
        </Link>
      ) : null}
    </nav>
  );
}
