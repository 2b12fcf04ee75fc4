// A text box in a table cell (its label for screen readers only), with the problems found at its path
// in place, like NumberField's compact form. A plain text (a date) is stored as typed; a localized
// one (a name) shows and edits the shown language's text and keeps the other language's.
import { useId } from 'react';
import { problemsAt, textIn, withText, type Path } from '../draft';
import { ProblemText, type ProblemMap, type SetField } from './fields';
import { useLang } from '../../i18n/useLang';

export interface CellTextFieldProps {
  label: string;
  path: Path;
  value: unknown;
  problems: ProblemMap;
  onChange: SetField;
  placeholder?: string;
  /** A name in both languages ({ en, zh-CN }) rather than one text stored as typed. */
  localized?: boolean;
}

export function CellTextField({ label, path, value, problems, onChange, placeholder, localized = false }: CellTextFieldProps) {
  const lang = useLang();
  const id = useId();
  const found = problemsAt(problems, path);
  const shown = localized ? textIn(value, lang) : typeof value === 'string' ? value : '';
  return (
    <div className="cohort-field cohort-field--compact">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={shown}
        placeholder={placeholder}
        aria-invalid={found.some((problem) => problem.severity === 'error') || undefined}
        aria-describedby={found.length > 0 ? `${id}-error` : undefined}
        onChange={(event) => onChange(path, localized ? withText(value, lang, event.target.value) : event.target.value)}
      />
      <ProblemText id={`${id}-error`} problems={found} />
    </div>
  );
}
