// The attribute columns of a chosen profiles file (from its start, as the worker will guess them): the
// values segments can be made by.
import { useEffect, useState } from 'react';
import { guessProfileMapping, SNIFF_BYTES, sniffTable } from '../../core/calibration/import';
import { sliceBytes } from './runFitJob';

export function useProfileColumns(file: File | null): readonly string[] {
  const [found, setFound] = useState<{ file: File; columns: string[] } | null>(null);
  useEffect(() => {
    if (!file) return;
    let live = true;
    sliceBytes(file, 0, SNIFF_BYTES).then(
      (bytes) => {
        const sniffed = sniffTable(bytes, { delimiter: 'auto', header: 'auto', complete: file.size <= SNIFF_BYTES });
        const columns = sniffed.layout ? guessProfileMapping(sniffed.layout, sniffed.rows.map((row) => row.cells)).attributes.map((attribute) => attribute.name) : [];
        if (live) setFound({ file, columns });
      },
      // Unreadable: no columns to segment by; reading it for the fit then says why.
      () => live && setFound({ file, columns: [] }),
    );
    return () => {
      live = false;
    };
  }, [file]);
  return found && found.file === file ? found.columns : noColumns;
}

const noColumns: readonly string[] = [];
