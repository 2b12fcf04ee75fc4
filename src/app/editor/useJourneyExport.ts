import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore } from '../store/useEditorStore';
import { downloadDataUrl, downloadText, exportJourneyJson, exportMachineJson, journeyFileName, journeySlug } from '../persist/files';
import { persistMessages } from '../persist/persistMessages';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

export const exportKinds = ['journey', 'machine', 'png', 'svg'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** Exports the open journey as its file, its compiled machine, or a picture of the canvas; `error` says why one failed. */
export function useJourneyExport(): { run(what: ExportKind): Promise<void>; error: string | null } {
  const lang = useLang();
  const store = useEditorStore();
  const flow = useReactFlow();
  const [error, setError] = useState<string | null>(null);

  const run = async (what: ExportKind) => {
    setError(null);
    const journey = store.getState().journey;
    if (!journey) return;
    if (what === 'journey') return downloadText(journeyFileName(journey), exportJourneyJson(journey));
    if (what === 'machine') {
      const machine = exportMachineJson(journey);
      if (machine.ok) downloadText(machine.fileName, machine.text);
      else setError(say(persistMessages.exportRefused, lang));
      return;
    }
    const element = document.querySelector<HTMLElement>('.journey-canvas .react-flow');
    if (!element) return;
    try {
      const background = getComputedStyle(element).backgroundColor || '#ffffff';
      // html-to-image loads with the first picture export, not with the editor.
      const { exportCanvasImage } = await import('../persist/imageExport');
      const url = await exportCanvasImage(element, what, { background, nodes: flow.getNodes() });
      downloadDataUrl(`${journeySlug(journey)}.${what}`, url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return { run, error };
}
