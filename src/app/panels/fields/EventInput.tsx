// A behaviour event: one of the events the product knows (localized), or a custom snake_case name.
import { useState } from 'react';
import { knownEvents } from '../../../core/journey';
import { say } from '../../i18n/say';
import type { FieldPath } from '../../../core/journey';
import { useForm } from '../formContext';
import type { ControlProps } from '../FieldShell';

const CUSTOM = '__custom';
const isKnown = (value: unknown): value is string => typeof value === 'string' && Object.hasOwn(knownEvents, value);

export function EventInput({ path, value, label, control }: { path: FieldPath; value: unknown; label: string; control: ControlProps }) {
  const form = useForm();
  const [customChosen, setCustomChosen] = useState(!isKnown(value));
  const custom = customChosen || !isKnown(value);
  const hintId = form.idFor(path, 'event-hint');
  return (
    <span className="insp-event">
      <select
        id={control.id}
        className="insp-select"
        value={custom ? CUSTOM : (value as string)}
        aria-invalid={(!custom && control.invalid) || undefined}
        aria-describedby={control.describedBy}
        onChange={(event) => {
          const next = event.target.value;
          if (next === CUSTOM) setCustomChosen(true);
          else {
            setCustomChosen(false);
            form.setAt(path, next);
          }
        }}
      >
        {Object.entries(knownEvents).map(([event, name]) => (
          <option key={event} value={event}>
            {say(name, form.lang)}
          </option>
        ))}
        <option value={CUSTOM}>{form.t('event.custom')}</option>
      </select>
      {custom ? (
        <input
          className="insp-input"
          type="text"
          aria-label={form.t('event.customName', { field: label })}
          placeholder="renewal_due"
          spellCheck={false}
          autoCapitalize="off"
          value={typeof value === 'string' ? value : ''}
          aria-invalid={control.invalid || undefined}
          aria-describedby={[hintId, control.describedBy].filter(Boolean).join(' ')}
          onChange={(event) => form.setAt(path, event.target.value)}
        />
      ) : null}
      {custom ? (
        <span id={hintId} className="insp-event__hint">
          {form.t('event.customHelp')}
        </span>
      ) : null}
    </span>
  );
}
