// A form over one value (a node's params, the journey settings) built from FieldSpecs: keeps the draft,
// validates it with the schema as the user types, hands it on when valid, and places every message
// (schema issues, the controls' own, the journey's problems) next to the field it is about.
import { useId } from 'react';
import type { z } from 'zod';
import { pathKey, type FieldPath, type FieldSpec } from '../../core/journey';
import { FieldControl } from './FieldControl';
import { Messages } from './FieldShell';
import { FormContext, type FormApi, type InspectorT } from './formContext';
import { assignMessages, collectSlots, issueText, TOP, type PathMessage } from './formMessageSlots';
import { useDraftForm } from './useDraftForm';
import { useLang } from '../i18n/useLang';

export interface FieldFormProps<T> {
  fields: readonly FieldSpec[];
  schema: z.ZodType<T>;
  value: T;
  onCommit(next: T): void;
  /** Messages from elsewhere (the journey's problems), with paths relative to `value`. */
  external?: readonly PathMessage[];
  t: InspectorT;
  currency: string;
  /** Accessible name of the list of messages that belong to no field. */
  messagesLabel: string;
}

export function FieldForm<T>({ fields, schema, value, onCommit, external = [], t, currency, messagesLabel }: FieldFormProps<T>) {
  const lang = useLang();
  const form = useDraftForm({ value, schema, onCommit });
  const prefix = useId();
  const { draft, issues, local } = form;

  const slots = collectSlots(fields, draft);
  const localKeys = new Set(local.map((entry) => pathKey(entry.path)));
  const messages: PathMessage[] = [
    ...local.map(({ path, error }) => ({
      path,
      message: { severity: 'error' as const, text: error.key === 'json' ? t('errors.json', { detail: error.detail ?? '' }) : t(`errors.${error.key}`, error.params ?? {}) },
    })),
    // A control's own message says it better than the schema's about the same place.
    ...issues
      .filter(({ path }) => !localKeys.has(pathKey(path)))
      .map(({ path, issue }) => ({ path, message: { severity: 'error' as const, text: issueText(issue, lang, t) } })),
    ...external,
  ];
  const bySlot = assignMessages(slots, messages);

  const api: FormApi = {
    lang,
    t,
    currency,
    setAt: form.setAt,
    setError: form.setError,
    messagesAt: (path: FieldPath) => (path.length === 0 ? [] : (bySlot.get(pathKey(path)) ?? [])),
    idFor: (path: FieldPath, part = 'input') => `${prefix}${path.join('.')}-${part}`,
  };
  const top = bySlot.get(TOP) ?? [];

  return (
    <FormContext.Provider value={api}>
      {top.length > 0 ? (
        <div className="insp-top" role="group" aria-label={messagesLabel}>
          <Messages id={`${prefix}top`} messages={top} t={t} />
        </div>
      ) : null}
      <div className="insp-fields">
        {fields.map((field) => (
          <FieldControl key={field.key} field={field} scope={draft} at={[]} />
        ))}
      </div>
    </FormContext.Provider>
  );
}
