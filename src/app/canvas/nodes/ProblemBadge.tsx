// The problems of one canvas element: a small badge (count, coloured by the worst severity) and the
// list of messages, which is a tooltip for sighted users (hover the badge, or focus the node) and, being
// in the accessibility tree all the time, the badge's description for screen readers.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/journey';
import { worstSeverity } from './describe.ts';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';
import { SeverityIcon } from '../../icons';

export interface ProblemBadgeProps {
  problems: readonly Problem[];
}

export function ProblemBadge({ problems }: ProblemBadgeProps) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const listId = useId();
  const severity = worstSeverity(problems);
  if (severity === null) return null;
  return (
    <span className="problem-badge-anchor">
      <span
        role="img"
        className={`problem-badge problem-badge--${severity}`}
        data-severity={severity}
        aria-label={t('canvas.node.problemCount', { count: problems.length })}
        aria-describedby={listId}
      >
        {/* Shape as well as colour tells the severities apart. */}
        <SeverityIcon severity={severity} className="problem-badge__glyph" />
        <span aria-hidden="true">{problems.length}</span>
      </span>
      <ul id={listId} className="problem-tooltip" aria-label={t('canvas.node.problemList')}>
        {problems.map((problem, index) => (
          <li key={`${problem.code}-${index}`} className={`problem-tooltip__item problem-tooltip__item--${problem.severity}`}>
            {t('canvas.problemLine', { severity: t(`canvas.severity.${problem.severity}`), message: say(problem.message, lang) })}
          </li>
        ))}
      </ul>
    </span>
  );
}
