// The domain glossary: every marketing term the app uses, named in both languages, with a definition
// and where it appears. A link to one term (#/glossary/roi) scrolls to it, marks it and focuses its
// heading, so the "Why?" tab's links land on the term they name.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { glossary, glossaryTerm, isGlossaryTermId } from '../../core/glossary';
import { routeHash } from '../useRoute';
import './glossary.css';
import type { Lang } from '../../core/i18n';
import { LANGUAGES, type Language } from '../i18n/index.ts';
import { listSeparators } from '../i18n/format';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

export const glossaryHeadingId = (term: string) => `glossary-${term}`;

export function GlossaryScreen({ term, onHome }: { term: string | null; onHome(): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const known = isGlossaryTermId(term) ? term : null;
  // A language this catalog has no name for yet is named by its own catalog.
  const languageName = (language: Language) =>
    t(`glossary.languageNames.${language}` as `glossary.languageNames.${Lang}`, { defaultValue: t('language.self', { lng: language }) });

  useEffect(() => {
    if (!known) return;
    const heading = document.getElementById(glossaryHeadingId(known));
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus();
  }, [known]);

  return (
    <div className="glossary-screen">
      <nav className="glossary-screen__nav">
        {/* The href lets it open elsewhere; a plain click navigates once, through onHome. */}
        <a
          href="#/"
          onClick={(event) => {
            event.preventDefault();
            onHome();
          }}
        >
          ← {t('glossary.home')}
        </a>
      </nav>
      <h2>{t('glossary.heading')}</h2>
      <p>{t('glossary.intro')}</p>
      {term !== null && !known && <p role="status">{t('glossary.notFound', { term })}</p>}
      <ul className="glossary-list">
        {glossary.map((entry) => (
          <li key={entry.id}>
            <article
              className="glossary-term"
              aria-labelledby={glossaryHeadingId(entry.id)}
              data-highlighted={entry.id === known || undefined}
              aria-current={entry.id === known ? 'true' : undefined}
            >
              <h3 id={glossaryHeadingId(entry.id)} tabIndex={-1}>
                {say(entry.name, lang)}
              </h3>
              {LANGUAGES.filter((language) => language !== lang).map((language) => (
                <p key={language} className="glossary-term__other" lang={language}>
                  {t('glossary.otherLanguage', { language: languageName(language), name: say(entry.name, language) })}
                </p>
              ))}
              <p>{say(entry.definition, lang)}</p>
              <p>
                <strong>{t('glossary.inJourneyLab')}</strong>
                {say(entry.inJourneyLab, lang)}
              </p>
              <p>
                {t('glossary.seeAlso')}
                {entry.seeAlso.map((id, index, all) => (
                  <span key={id}>
                    {listSeparators(all.length, lang)[index]}
                    <a href={routeHash({ screen: 'glossary', term: id })}>{say(glossaryTerm(id).name, lang)}</a>
                  </span>
                ))}
              </p>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
