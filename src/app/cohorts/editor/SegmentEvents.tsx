// A segment's rates of the events users do on their own: edit, remove, and add one for a new event
// name (refused in place when it is not snake_case, is made by the model itself, or is already rated).
import { useTranslation } from 'react-i18next';
import { addEventRate, eventRateProblem } from '../../../core/cohort';
import { isPlainObject } from '../../../core/journey';
import { problemsAt, type Path } from '../draft';
import { AddForm, NumberField, ProblemText, Section } from './fields';
import type { PartProps } from './SegmentProfile';
import { CloseIcon } from '../../icons';

export function SegmentEvents({ base, segment, problems, set, update, index }: PartProps & { index: number }) {
  const { t } = useTranslation();
  const behaviour = isPlainObject(segment.behaviour) ? segment.behaviour : {};
  const events = isPlainObject(behaviour.events) ? behaviour.events : {};
  const eventNames = Object.keys(events);
  const path: Path = [...base, 'behaviour', 'events'];
  return (
    <Section title={t('cohorts.eventsHeading')} help={t('cohorts.eventsHelp')}>
      {eventNames.length === 0 ? (
        <p>{t('cohorts.noEvents')}</p>
      ) : (
        <ul className="cohort-events">
          {eventNames.map((event) => {
            const rate = isPlainObject(events[event]) ? events[event] : {};
            return (
              <li key={event}>
                <NumberField label={t('cohorts.event', { event })} path={[...path, event, 'perDay']} value={rate.perDay} problems={problems} onChange={set} />
                <button type="button" aria-label={t('cohorts.removeEvent', { event })} title={t('cohorts.removeEvent', { event })} onClick={() => set([...path, event], undefined)}>
                  <CloseIcon />
                </button>
                <ProblemText id={`${[...path, event].join('-')}-error`} problems={problemsAt(problems, [...path, event], false)} />
              </li>
            );
          })}
        </ul>
      )}
      <AddForm
        label={t('cohorts.newEvent')}
        help={t('cohorts.newEventHelp')}
        button={t('cohorts.addEvent')}
        validate={(name) => eventRateProblem(name, eventNames)}
        onAdd={(name) => update((draft) => addEventRate(draft, index, name))}
      />
    </Section>
  );
}
