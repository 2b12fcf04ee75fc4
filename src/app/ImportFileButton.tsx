// "Import a file": a visible button that opens the browser's file picker through a hidden file input
// (still named, for screen readers and tests that set files on it). The input is emptied after each
// pick, so choosing the same file again imports it again.
import { useRef } from 'react';
import { ImportIcon } from './icons';

export interface ImportFileButtonProps {
  /** The button's text (after the import icon). */
  label: string;
  /** The hidden input's accessible name. */
  inputLabel: string;
  /** File types offered, as the input's `accept`. */
  accept: string;
  onFile(file: File): void;
}

export function ImportFileButton({ label, inputLabel, accept, onFile }: ImportFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        <ImportIcon /> {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        aria-label={inputLabel}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
