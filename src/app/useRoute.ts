import { useCallback, useEffect, useState } from 'react';

export type Route = { screen: 'home' } | { screen: 'editor'; journeyId: string };

const JOURNEY_PREFIX = '#/journey/';

export function parseRoute(hash: string): Route {
  if (hash.startsWith(JOURNEY_PREFIX)) {
    const journeyId = decodeURIComponent(hash.slice(JOURNEY_PREFIX.length));
    if (journeyId) return { screen: 'editor', journeyId };
  }
  return { screen: 'home' };
}

export const routeHash = (route: Route): string => (route.screen === 'editor' ? `${JOURNEY_PREFIX}${encodeURIComponent(route.journeyId)}` : '#/');

/** The screen follows the URL fragment, so a reload (or the back button) lands where the user was. */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
    setRoute(next);
  }, []);
  return [route, navigate];
}
