import { useSyncExternalStore } from 'react';

/** At or below this window width the toolbar's secondary actions go into its "More" menu. */
export const NARROW_TOOLBAR_QUERY = '(max-width: 1100px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia?.(NARROW_TOOLBAR_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};

/** Whether the window is narrow enough that the toolbar collapses its secondary actions into a menu. */
export function useNarrowToolbar(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(NARROW_TOOLBAR_QUERY).matches ?? false, () => false);
}
