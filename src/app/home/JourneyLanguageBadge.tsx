import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../../core/i18n';

/**
 * The language a listed journey was written in, when its summary says so. Read from any object so the
 * list works whether or not the stored summaries carry it yet (journeys made before format version 6
 * have none, and show no badge).
 */
export function languageOfSummary(summary: object): Lang | null {
  return 'language' in summary && isLang(summary.language) ? summary.language : null;
}

const badgeKeys = { en: 'home.language.badgeEn', 'zh-CN': 'home.language.badgeZh' } as const;
const nameKeys = { en: 'home.language.writtenInEnglish', 'zh-CN': 'home.language.writtenInChinese' } as const;

/**
 * "EN" or "中文" beside a journey's name, read as the whole thing ("Written in Chinese"); nothing for
 * a journey whose language is not known.
 */
export function JourneyLanguageBadge({ of: summary }: { of: object }) {
  const { t } = useTranslation();
  const language = languageOfSummary(summary);
  if (!language) return null;
  const name = t(nameKeys[language]);
  return (
    <span className="journey-list__language" title={name} lang={language}>
      <span aria-hidden="true">{t(badgeKeys[language])}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
