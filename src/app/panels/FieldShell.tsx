// The frame around one control: its label, the control, its unit, help text and messages, wired so that
// the control's accessible description is the help plus the messages and it is aria-invalid on errors.
import type { ReactNode } from 'react';
import type { FieldPath } from '../../core/journey';
import type { FormMessage } from './formMessageSlots';
import { joinIds, useForm, type InspectorT } from './formContext';
import { SeverityIcon } from '../icons';

export function Messages({ id, messages, t }: { id: string; messages: readonly FormMessage[]; t: InspectorT }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="insp-messages">
      {messages.map((message, index) => (
        <li key={index} className={`insp-msg insp-msg--${message.severity}`} data-code={message.code}>
          <span className="insp-msg__icon" aria-hidden="true">
            <SeverityIcon severity={message.severity} />
          </span>
          <span className="insp-msg__body">
            <span className="insp-sr-only">{t(`severity.${message.severity}`)}:</span> {message.text}
            {message.hint ? (
              <>
                {' '}
                <span className="insp-msg__hint">{message.hint}</span>
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface ControlProps {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** Ids, messages and validity for the slot at `path`. */
export function useSlot(path: FieldPath, extraDescribedBy: (string | undefined)[] = []) {
  const form = useForm();
  const messages = form.messagesAt(path);
  const msgId = form.idFor(path, 'msg');
  return {
    form,
    messages,
    msgId,
    invalid: messages.some((message) => message.severity === 'error'),
    describedBy: joinIds(...extraDescribedBy, messages.length > 0 && msgId),
  };
}

export function FieldShell({
  path,
  label,
  help,
  unit,
  layout = 'stack',
  before,
  children,
}: {
  path: FieldPath;
  label: string;
  help?: string;
  unit?: string;
  /** 'check' puts the control before its label (checkboxes). */
  layout?: 'stack' | 'check';
  /** Shown between the label and the control (e.g. a "No cap" checkbox). */
  before?: ReactNode;
  /** The control, or null when there is none to show (a switched-off nullable value). */
  children: (props: ControlProps) => ReactNode;
}) {
  const form = useForm();
  const id = form.idFor(path, 'input');
  const helpId = form.idFor(path, 'help');
  const unitId = form.idFor(path, 'unit');
  const slot = useSlot(path, [unit ? unitId : undefined, help ? helpId : undefined]);
  const control = children({ id, describedBy: slot.describedBy, invalid: slot.invalid });
  const labelElement = (
    <label htmlFor={id} className="insp-field__label">
      {label}
    </label>
  );
  return (
    <div className={`insp-field insp-field--${layout}${slot.invalid ? ' insp-field--invalid' : ''}`}>
      {layout === 'check' ? (
        <div className="insp-field__check">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {before}
          {control !== null && (
            <div className="insp-field__row">
              {control}
              {unit ? (
                <span id={unitId} className="insp-field__unit">
                  {unit}
                </span>
              ) : null}
            </div>
          )}
        </>
      )}
      {help ? (
        <p id={helpId} className="insp-field__help">
          {help}
        </p>
      ) : null}
      <Messages id={slot.msgId} messages={slot.messages} t={form.t} />
    </div>
  );
}
