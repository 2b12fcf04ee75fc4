// What every control of an inspector form reaches through context: the draft, how to change it, the
// messages that belong to a place in it, and the language.
import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { Message } from '../../core/i18n';
import type { Language } from '../i18n/index.ts';
import type { FieldPath, FieldSpec } from '../../core/journey';
import type { FormMessage } from './formMessageSlots';
import type { LocalError } from './useDraftForm';
import { say } from '../i18n/say';

export type InspectorT = TFunction<'app', 'inspector'>;

export interface FormApi {
  lang: Language;
  t: InspectorT;
  /** The journey's currency, for units written as 'currency'. */
  currency: string;
  setAt(path: FieldPath, value: unknown, options?: { remove?: boolean }): void;
  setError(path: FieldPath, error: LocalError, value?: unknown): void;
  /** Messages that belong exactly to the slot at `path`. */
  messagesAt(path: FieldPath): readonly FormMessage[];
  /** A DOM id for a place in the form (`part` tells apart the input, its help, its messages…). */
  idFor(path: FieldPath, part?: string): string;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const form = useContext(FormContext);
  if (!form) throw new Error('Inspector controls must be rendered inside a FieldForm');
  return form;
}

/** A unit as shown: 'currency' is yuan (元) for CNY and the currency code otherwise. */
export function unitText(unit: FieldSpec['unit'], form: Pick<FormApi, 'lang' | 't' | 'currency'>): string | undefined {
  if (unit === undefined) return undefined;
  if (unit === 'currency') return form.currency === 'CNY' ? form.t('units.yuan') : form.currency;
  return say((unit as Message), form.lang);
}

export const joinIds = (...ids: (string | false | null | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;
