// Live validation output: the journey's problems grouped by severity (errors, warnings, info), each a
// button that selects what it concerns (onSelect). A polite status line announces the counts when they
// change; empty groups are left out, and with no errors or warnings the panel says so.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocation, severities, type Problem, type Severity } from '../../core/journey';
import './panels.css';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

export interface ProblemsPanelProps {
  problems: readonly Problem[];
  /** Called when a problem is chosen (click, Enter or Space): select and reveal what it concerns. */
  onSelect(problem: Problem): void;
}

export function ProblemsPanel({ problems, onSelect }: ProblemsPanelProps) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const headingId = useId();
  const groups = severities.map((severity) => ({ severity, items: problems.filter((problem) => problem.severity === severity) }));
  const count = (severity: Severity) => groups.find((group) => group.severity === severity)?.items.length ?? 0;
  const clean = count('error') === 0 && count('warning') === 0;

  return (
    <section className="problems" aria-labelledby={headingId} lang={lang}>
      <h2 id={headingId} className="panel-heading">
        {t('problems.region')}
      </h2>
      <p className={`problems__status${clean ? ' problems__status--clean' : ''}`} role="status">
        {clean ? t('problems.none') : t('problems.summary', { errors: count('error'), warnings: count('warning'), info: count('info') })}
      </p>
      {groups
        .filter(({ items }) => items.length > 0)
        .map(({ severity, items }) => (
          <ProblemGroup key={severity} severity={severity} items={items} onSelect={onSelect} />
        ))}
    </section>
  );
}

interface ProblemGroupProps {
  severity: Severity;
  items: readonly Problem[];
  onSelect(problem: Problem): void;
}

function ProblemGroup({ severity, items, onSelect }: ProblemGroupProps) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const headingId = useId();
  return (
    <section className={`problems__group problems__group--${severity}`} aria-labelledby={headingId} data-severity={severity}>
      <h3 id={headingId} className="problems__group-heading">
        {t(`problems.groups.${severity}`, { count: items.length })}
      </h3>
      <ul className="problems__list">
        {items.map((problem, index) => (
          <li key={`${problem.code}-${index}`} className="problems__item">
            <button type="button" className="problems__button" onClick={() => onSelect(problem)}>
              <span className="problems__meta">
                <code className="problems__code">{problem.code}</code>
                <span className="problems__location">{say(formatLocation(problem.location), lang)}</span>
              </span>
              <span className="problems__message">{say(problem.message, lang)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
