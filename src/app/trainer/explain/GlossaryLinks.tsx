// Links from an explanation to the glossary entries it rests on. They open in a new tab: leaving the
// trainer would unmount it and drop the recording being explained.
import { useTranslation } from 'react-i18next';
import { glossaryTerm, type GlossaryTermId } from '../../../core/glossary';
import { routeHash } from '../../useRoute';
import { listSeparators } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export function GlossaryLinks({ terms }: { terms: readonly GlossaryTermId[] }) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <p className="explain__glossary">
      <span>{t('trainer.explain.glossary')}</span>
      {terms.map((id, index) => {
        const name = say(glossaryTerm(id).name, lang);
        return (
          <span key={id}>
            {listSeparators(terms.length, lang)[index]}
            <a href={routeHash({ screen: 'glossary', term: id })} target="_blank" rel="noopener noreferrer" aria-label={t('trainer.explain.glossaryLink', { term: name })}>
              {name}
            </a>
          </span>
        );
      })}
    </p>
  );
}
