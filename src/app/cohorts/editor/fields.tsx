// The cohort editor's form controls. Each shows its value, a short help text and, in place, the
// problems checkCohort found at its path (described to screen readers with aria-describedby).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Message } from '../../../core/i18n';
import type { Language } from '../../i18n/index.ts';
import type { Problem } from '../../../core/journey';
import { displayNumber, parseNumber, problemsAt, textIn, withText, type Path } from '../draft';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export type ProblemMap = Map<string, Problem[]>;
/** Sets one field of the draft. */
export type SetField = (path: Path, value: unknown) => void;

export const fmt = (value: number, lang: Language, digits = 2) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);

export function ProblemText({ id, problems }: { id: string; problems: readonly Problem[] }) {
  const lang = useLang();
  if (problems.length === 0) return null;
  return (
    <span id={id} className="cohort-field__error" role="note">
      {problems.map((problem, index) => (
        <span key={index} className={`cohort-field__problem cohort-field__problem--${problem.severity}`}>
          {say(problem.message, lang)}
        </span>
      ))}
    </span>
  );
}

const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;
const hasError = (problems: readonly Problem[]) => problems.some((problem) => problem.severity === 'error') || undefined;

export interface NumberFieldProps {
  label: string;
  help?: string;
  path: Path;
  value: unknown;
  problems: ProblemMap;
  /** ×100 shows a probability as a percentage. */
  scale?: number;
  onChange: SetField;
  /** In a table cell: the label is for screen readers only. */
  compact?: boolean;
}

/** A number typed as text: the typed text is kept while it is not a number (and the check says so). */
export function NumberField({ label, help, path, value, problems, scale = 1, onChange, compact }: NumberFieldProps) {
  const id = useId();
  const [local, setLocal] = useState(() => ({ text: displayNumber(value, scale), value }));
  let text = local.text;
  if (local.value !== value) {
    // Changed elsewhere (Normalise, a reload): show it, unless the typed text already means it.
    text = parseNumber(local.text, scale) === value ? local.text : displayNumber(value, scale);
    setLocal({ text, value });
  }
  const found = problemsAt(problems, path);
  return (
    <div className={`cohort-field${compact ? ' cohort-field--compact' : ''}`}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={hasError(found)}
        aria-describedby={describedBy(!!help && `${id}-help`, found.length > 0 && `${id}-error`)}
        onChange={(event) => {
          const typed = parseNumber(event.target.value, scale);
          setLocal({ text: event.target.value, value: typed });
          onChange(path, typed);
        }}
      />
      {help && (
        <small id={`${id}-help`} className="cohort-field__help">
          {help}
        </small>
      )}
      <ProblemText id={`${id}-error`} problems={found} />
    </div>
  );
}

/** Text in the shown language (ids are plain strings; names keep their other language). */
export function TextField({ label, help, path, value, problems, onChange }: Omit<NumberFieldProps, 'scale' | 'compact'>) {
  const lang = useLang();
  const id = useId();
  const found = problemsAt(problems, path);
  return (
    <div className="cohort-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={textIn(value, lang)}
        aria-invalid={hasError(found)}
        aria-describedby={describedBy(!!help && `${id}-help`, found.length > 0 && `${id}-error`)}
        onChange={(event) => onChange(path, typeof value === 'string' && path.at(-1) === 'id' ? event.target.value : withText(value, lang, event.target.value))}
      />
      {help && (
        <small id={`${id}-help`} className="cohort-field__help">
          {help}
        </small>
      )}
      <ProblemText id={`${id}-error`} problems={found} />
    </div>
  );
}

export function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="cohort-section" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{title}</legend>
      {help && (
        <p id={`${id}-help`} className="cohort-section__help">
          {help}
        </p>
      )}
      {children}
    </fieldset>
  );
}

interface NameFieldProps {
  label: string;
  help?: string;
  value: string;
  /** Why the text cannot be used (null when it can); the current value itself is always accepted. */
  validate(text: string): Message | null;
  onCommit(text: string): void;
  /** Problems checkCohort found here. */
  problems?: readonly Problem[];
}

/**
 * A name that other parts of the cohort refer to (an attribute, a value): renaming carries through to
 * every segment, so it is applied on Enter or on leaving the field, and only when the new name is
 * usable; until then the typed text stays, with the reason next to it. Escape puts the name back.
 */
export function NameField({ label, help, value, validate, onCommit, problems = [] }: NameFieldProps) {
  const lang = useLang();
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const local = text === value ? null : validate(text);
  const commit = () => {
    if (text !== value && !local) onCommit(text);
  };
  return (
    <div className="cohort-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={!!local || hasError(problems)}
        aria-describedby={describedBy(!!help && `${id}-help`, (!!local || problems.length > 0) && `${id}-error`)}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(value);
        }}
      />
      {help && (
        <small id={`${id}-help`} className="cohort-field__help">
          {help}
        </small>
      )}
      {(local || problems.length > 0) && (
        <span id={`${id}-error`} className="cohort-field__error" role="note">
          {local && <span className="cohort-field__problem cohort-field__problem--error">{say(local, lang)}</span>}
          {problems.map((problem, index) => (
            <span key={index} className={`cohort-field__problem cohort-field__problem--${problem.severity}`}>
              {say(problem.message, lang)}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}

interface AddFormProps {
  label: string;
  help: string;
  button: string;
  validate(text: string): Message | null;
  onAdd(text: string): void;
  /** More inputs submitted with the name (e.g. an attribute's kind). */
  children?: ReactNode;
}

/** One text box and a button that adds what it names, refusing (with the reason in place) what cannot be added. */
export function AddForm({ label, help, button, validate, onAdd, children }: AddFormProps) {
  const lang = useLang();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Message | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    const found = validate(trimmed);
    setProblem(found);
    if (found) return;
    onAdd(trimmed);
    setText('');
  };
  return (
    <form className="cohort-add" onSubmit={submit}>
      <div className="cohort-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="text"
          value={text}
          aria-invalid={!!problem || undefined}
          aria-describedby={describedBy(`${id}-help`, !!problem && `${id}-error`)}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        <small id={`${id}-help`} className="cohort-field__help">
          {help}
        </small>
        {problem && (
          <span id={`${id}-error`} className="cohort-field__error" role="note">
            {say(problem, lang)}
          </span>
        )}
      </div>
      {children}
      <button type="submit">{button}</button>
    </form>
  );
}
