// Links from an explanation to the glossary entries it rests on.
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../core/i18n';
import { glossaryTerm, type GlossaryTermId } from '../../../core/glossary';
import { routeHash } from '../../useRoute';

export function GlossaryLinks({ terms, lang }: { terms: readonly GlossaryTermId[]; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <p className="explain__glossary">
      <span>{t('trainer.explain.glossary')}: </span>
      {terms.map((id, index) => {
        const name = glossaryTerm(id).name[lang];
        return (
          <span key={id}>
            {index > 0 && (lang === 'en' ? ', ' : '、')}
            <a href={routeHash({ screen: 'glossary', term: id })} aria-label={t('trainer.explain.glossaryLink', { term: name })}>
              {name}
            </a>
          </span>
        );
      })}
    </p>
  );
}
