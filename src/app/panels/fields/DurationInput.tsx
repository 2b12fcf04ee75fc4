// A duration as an amount and a unit (minutes, hours, days, weeks), written back as ISO-8601:
// 30 minutes → PT30M, 24 hours → PT24H, 3 days → P3D, 2 weeks → P2W.
import { useState } from 'react';
import { parseDuration } from '../../../core/journey';
import { durationUnits, joinDuration, splitDuration, type DurationUnit, type FieldPath } from '../../../core/journey';
import { useForm } from '../formContext';
import type { ControlProps } from '../FieldShell';
import { deepEqual } from '../deepEqual';

function read(value: unknown): { amount: string; unit: DurationUnit | null } {
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (ms === null) return { amount: '', unit: null };
  const { amount, unit } = splitDuration(ms);
  return { amount: String(amount), unit };
}

const amountOf = (raw: string): number | undefined => {
  const number = Number(raw);
  return raw.trim() !== '' && Number.isFinite(number) && number >= 0 ? number : undefined;
};

export function DurationInput({ path, value, label, control }: { path: FieldPath; value: unknown; label: string; control: ControlProps }) {
  const form = useForm();
  const [state, setState] = useState(() => {
    const shown = read(value);
    return { amount: shown.amount, unit: shown.unit ?? ('days' as DurationUnit), seen: value };
  });
  let { amount, unit } = state;
  if (!deepEqual(state.seen, value)) {
    const current = amountOf(amount);
    const mine = current === undefined ? undefined : joinDuration(current, unit);
    if (mine !== value) {
      const shown = read(value);
      amount = shown.amount;
      unit = shown.unit ?? unit;
    }
    setState({ amount, unit, seen: value });
  }

  const write = (nextAmount: string, nextUnit: DurationUnit) => {
    const number = amountOf(nextAmount);
    const next = number === undefined ? undefined : joinDuration(number, nextUnit);
    setState({ amount: nextAmount, unit: nextUnit, seen: next });
    if (next !== undefined) form.setAt(path, next);
    else if (nextAmount.trim() === '') form.setError(path, { key: 'required' });
    else form.setError(path, { key: Number.isFinite(Number(nextAmount)) ? 'durationAmount' : 'number' });
  };

  return (
    <span className="insp-duration">
      <input
        id={control.id}
        className="insp-input insp-input--number"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={amount}
        aria-invalid={control.invalid || undefined}
        aria-describedby={control.describedBy}
        onChange={(event) => write(event.target.value, unit)}
      />
      <select
        className="insp-select insp-select--unit"
        aria-label={form.t('duration.unit', { field: label })}
        value={unit}
        onChange={(event) => write(amount, event.target.value as DurationUnit)}
      >
        {durationUnits.map((option) => (
          <option key={option} value={option}>
            {form.t(`duration.units.${option}`, { count: amountOf(amount) ?? 2 })}
          </option>
        ))}
      </select>
    </span>
  );
}
