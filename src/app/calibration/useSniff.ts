// The start of the chosen transactions file read (its first MiB, on this thread: it is small) with the
// layout settings the user may correct; read again whenever the file or a setting changes.
import { useEffect, useState } from 'react';
import { message } from '../../core/i18n';
import { SNIFF_BYTES, sniffTransactions, type Delimiter, type Sniffed, type TextEncoding, type TransactionGuess } from '../../core/calibration/import';
import { sliceBytes } from './runFitJob';

export interface LayoutSettings {
  /** null: detect. */
  encoding: TextEncoding | null;
  delimiter: Delimiter | 'auto';
  header: boolean | 'auto';
}

export const detectLayout: LayoutSettings = { encoding: null, delimiter: 'auto', header: 'auto' };

export type SniffResult = Sniffed & { guess: TransactionGuess | null };

export function useSniff(file: File | null, settings: LayoutSettings): SniffResult | null {
  const [sniffed, setSniffed] = useState<{ file: File; settings: LayoutSettings; result: SniffResult } | null>(null);
  useEffect(() => {
    if (!file) return;
    let live = true;
    sliceBytes(file, 0, SNIFF_BYTES).then(
      (bytes) => {
        if (!live) return;
        const result = sniffTransactions(bytes, { ...(settings.encoding ? { encoding: settings.encoding } : {}), delimiter: settings.delimiter, header: settings.header, complete: file.size <= SNIFF_BYTES });
        setSniffed({ file, settings, result });
      },
      // The browser could not read the file (moved, deleted, no permission): say so where the preview would be.
      (error: unknown) => {
        if (!live) return;
        const reason = error instanceof Error ? error.message : String(error);
        setSniffed({ file, settings, result: { encoding: null, layout: null, rows: [], guess: null, problem: message('core.calibration.import.file.unreadable', { reason }) } });
      },
    );
    return () => {
      live = false;
    };
  }, [file, settings]);
  return sniffed && sniffed.file === file && sniffed.settings === settings ? sniffed.result : null;
}
