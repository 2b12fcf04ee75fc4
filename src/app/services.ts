import { createContext, useContext } from 'react';
import type { Message } from '../core/i18n';
import type { JourneyRepository } from './persist/repository';
import type { UnsavedCopies } from './persist/unsavedCopy';
import type { SimulationRunner } from './simulate/protocol';
import type { RecordingRunner } from './trainer/playback/recordingProtocol';
import type { WorkspaceServices } from './workspace/types';

/** What every screen reaches the outside world through: storage, and who this tab is. */
export interface AppServices {
  repository: JourneyRepository;
  tabId: string;
  /** Set when storage is not kept across reloads (the in-memory fallback). */
  storageWarning: Message | null;
  /** Where the editor keeps unsaved changes synchronously (see persist/unsavedCopy.ts); this tab's sessionStorage when left out. */
  unsavedCopies?: UnsavedCopies;
  /** Where simulations run; a Web Worker per run when left out (tests pass a fake). */
  simulationRunner?: SimulationRunner;
  /** Where trainer mode records playbacks; a Web Worker per recording when left out (tests pass a fake). */
  recordingRunner?: RecordingRunner;
  /** On a team workspace's page (served by `journey-lab serve`): who is signed in; absent on a local-only page. */
  workspace?: WorkspaceServices;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices: no ServicesContext provider above this component');
  return services;
}
