import { useLocation } from "@remix-run/react";

import { languageInfo } from "~/i18n/catalogues";
import { useLanguage, useT } from "~/i18n/language-context";
import { splitLanguage } from "~/i18n/paths";

/**
 * Links to the same page in the site's other languages: plain links to the
 * switch (/language/es?to=…), which remembers the choice in a cookie, so they
 * work with JavaScript off. Each is named in its own language.
 */
export function LanguageSwitch() {
  const { t } = useT();
  const { lang, languages, defaultLanguage } = useLanguage();
  const { pathname, search } = useLocation();
  if (languages.length < 2) return null;
  const { path } = splitLanguage(pathname, languages, defaultLanguage);
  const to = `${path}${search}`;
  return (
    <nav aria-label={t("language.switchLabel")}>
      <ul className="flex gap-2 text-sm">
        {languages
          .filter((other) => other !== lang)
          .map((other) => (
            <li key={other}>
              <a
                href={`/language/${other}?to=${encodeURIComponent(to)}`}
                hrefLang={other}
                lang={other}
                rel="nofollow"
                className="font-semibold text-brand-700 underline"
              >
                {languageInfo(other).switchTo}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
