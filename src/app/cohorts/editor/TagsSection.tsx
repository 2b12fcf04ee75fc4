// The cohort's tag vocabulary: every tag a segment may give a chance for. Adding one gives it 0 % in
// every segment until edited; removing one removes it from every segment too.
import { useTranslation } from 'react-i18next';
import { addTag, removeTag, tagNameProblem } from '../../../core/cohort';
import { problemsAt } from '../draft';
import { AddForm, ProblemText, Section, type ProblemMap } from './fields';
import type { Update } from './SegmentProfile';
import { CloseIcon } from '../../icons';

export function TagsSection({ tags, problems, update }: { tags: readonly string[]; problems: ProblemMap; update: Update }) {
  const { t } = useTranslation();
  return (
    <Section title={t('cohorts.tagsHeading')} help={t('cohorts.tagsHelp')}>
      {tags.length === 0 ? (
        <p>{t('cohorts.noTags')}</p>
      ) : (
        <ul className="cohort-tags" aria-label={t('cohorts.tagsHeading')}>
          {tags.map((tag, index) => (
            <li key={tag}>
              <code>{tag}</code>
              <button type="button" aria-label={t('cohorts.removeTag', { tag })} title={t('cohorts.removeTag', { tag })} onClick={() => update((draft) => removeTag(draft, tag))}>
                <CloseIcon />
              </button>
              <ProblemText id={`tag-${index}-error`} problems={problemsAt(problems, ['tags', index])} />
            </li>
          ))}
        </ul>
      )}
      <AddForm label={t('cohorts.newTag')} help={t('cohorts.newTagHelp')} button={t('cohorts.addTag')} validate={(tag) => tagNameProblem(tag, tags)} onAdd={(tag) => update((draft) => addTag(draft, tag))} />
    </Section>
  );
}
