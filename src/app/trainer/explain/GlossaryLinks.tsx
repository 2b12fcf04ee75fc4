// Links from an explanation to the glossary entries it rests on. They open in a new tab: leaving the
// trainer would unmount it and drop the recording being explained.
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../core/i18n';
import { glossaryTerm, type GlossaryTermId } from '../../../core/glossary';
import { routeHash } from '../../useRoute';

export function GlossaryLinks({ terms, lang }: { terms: readonly GlossaryTermId[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <p className="explain__glossary">
      <span>{t('trainer.explain.glossary')}</span>
      {terms.map((id, index) => {
        const name = glossaryTerm(id).name[lang];
        return (
          <span key={id}>
            {index > 0 && (lang === 'en' ? ', ' : '、')}
            <a href={routeHash({ screen: 'glossary', term: id })} target="_blank" rel="noopener noreferrer" aria-label={t('trainer.explain.glossaryLink', { term: name })}>
              {name}
            </a>
          </span>
        );
      })}
    </p>
  );
}
