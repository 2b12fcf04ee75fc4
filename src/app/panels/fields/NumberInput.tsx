// A number, typed as text so that "-" or "0." on the way to a value is kept; empty leaves the key out
// for optional values (the default applies) and is an error otherwise.
import type { FieldPath } from '../../../core/journey';
import { useForm } from '../formContext';
import type { ControlProps } from '../FieldShell';
import { useRawText } from './useRawText';

const valueOf = (raw: string): number | undefined => {
  if (raw.trim() === '') return undefined;
  const number = Number(raw);
  return Number.isFinite(number) ? number : undefined;
};
const format = (value: unknown) => (typeof value === 'number' ? String(value) : '');

export function NumberInput({
  path,
  value,
  min,
  max,
  step,
  optional,
  placeholder,
  control,
}: {
  path: FieldPath;
  value: unknown;
  min?: number | undefined;
  max?: number | undefined;
  step?: number | undefined;
  optional?: boolean | undefined;
  placeholder?: string | undefined;
  control: ControlProps;
}) {
  const form = useForm();
  const [raw, setRaw] = useRawText(value, valueOf, format);
  return (
    <input
      id={control.id}
      className="insp-input insp-input--number"
      type="number"
      inputMode="decimal"
      value={raw}
      min={min}
      max={max}
      step={step ?? 'any'}
      placeholder={placeholder}
      aria-invalid={control.invalid || undefined}
      aria-describedby={control.describedBy}
      onChange={(event) => {
        const text = event.target.value;
        setRaw(text);
        const number = valueOf(text);
        if (text.trim() === '') {
          if (optional) form.setAt(path, undefined, { remove: true });
          else form.setError(path, { key: 'required' });
        } else if (number === undefined) form.setError(path, { key: 'number' });
        else form.setAt(path, number);
      }}
    />
  );
}
