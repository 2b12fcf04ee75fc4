import { useContext, useEffect, useState, type ReactNode } from 'react';
import { useServices } from '../../services';
import { useEditorStore } from '../../store/useEditorStore';
import { SimulationStoreContext } from '../../simulate/SimulationStoreContext';
import { cohortOfSettings } from '../../simulate/simulationStore';
import { createPlaybackStore } from './playbackStore';
import { PlaybackStoreContext } from './PlaybackContext';
import { recordingWorkerRunner } from './recordingWorkerRunner';

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Gives trainer mode the open journey's playback store: recordings take the Simulate panel's users, seed
 * and cohort unless told otherwise, and turn stale when the journey is edited after them.
 */
export function PlaybackProvider({ children }: { children: ReactNode }) {
  const editor = useEditorStore();
  const simulation = useContext(SimulationStoreContext);
  const { recordingRunner } = useServices();
  const [store] = useState(() =>
    createPlaybackStore(recordingRunner ?? recordingWorkerRunner, {
      journey: () => editor.getState().journey,
      defaults: () => {
        const settings = simulation?.getState().settings;
        if (!settings) return { users: 10_000, seed: 1, cohort: cohortOfSettings({ users: '', seed: '', replications: '', presetId: '' }).spec };
        return { users: toNumber(settings.users), seed: toNumber(settings.seed), cohort: cohortOfSettings(settings).spec };
      },
    }),
  );
  useEffect(() => {
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.journey !== previous.journey) store.getState().journeyChanged(state.journey);
    });
    return () => {
      unsubscribe();
      store.getState().dispose();
    };
  }, [editor, store]);
  return <PlaybackStoreContext.Provider value={store}>{children}</PlaybackStoreContext.Provider>;
}
