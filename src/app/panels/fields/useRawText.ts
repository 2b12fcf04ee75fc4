import { useState } from 'react';
import { deepEqual } from '../deepEqual';

/**
 * The text a control shows, kept apart from the value it stands for, so that half-typed input ("1.",
 * "north,") is not rewritten on every keystroke. When the value changes to something the text does
 * not already mean (undo, another item moving into this place), the text is reset from the value.
 */
export function useRawText<T>(value: T, valueOf: (raw: string) => T | undefined, format: (value: T) => string) {
  const [raw, setRaw] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  let shown = raw;
  if (!deepEqual(seen, value)) {
    setSeen(value);
    if (!deepEqual(valueOf(raw), value)) {
      shown = format(value);
      setRaw(shown);
    }
  }
  return [shown, setRaw] as const;
}
