import { createContext, useContext } from 'react';
import type { Localized } from '../core/i18n';
import type { JourneyRepository } from './persist/repository';

/** What every screen reaches the outside world through: storage, and who this tab is. */
export interface AppServices {
  repository: JourneyRepository;
  tabId: string;
  /** Set when storage is not kept across reloads (the in-memory fallback). */
  storageWarning: Localized | null;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices: no ServicesContext provider above this component');
  return services;
}
