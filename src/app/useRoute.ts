import { useCallback, useEffect, useState } from 'react';

export type Route = { screen: 'home' } | { screen: 'editor'; journeyId: string } | { screen: 'cohorts' } | { screen: 'cohort'; cohortId: string };

const JOURNEY_PREFIX = '#/journey/';
const COHORTS = '#/cohorts';
const COHORT_PREFIX = '#/cohorts/';

export function parseRoute(hash: string): Route {
  if (hash.startsWith(JOURNEY_PREFIX)) {
    const journeyId = decodeURIComponent(hash.slice(JOURNEY_PREFIX.length));
    if (journeyId) return { screen: 'editor', journeyId };
  }
  if (hash.startsWith(COHORT_PREFIX)) {
    const cohortId = decodeURIComponent(hash.slice(COHORT_PREFIX.length));
    if (cohortId) return { screen: 'cohort', cohortId };
  }
  if (hash === COHORTS || hash === COHORT_PREFIX) return { screen: 'cohorts' };
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'editor') return `${JOURNEY_PREFIX}${encodeURIComponent(route.journeyId)}`;
  if (route.screen === 'cohorts') return COHORTS;
  if (route.screen === 'cohort') return `${COHORT_PREFIX}${encodeURIComponent(route.cohortId)}`;
  return '#/';
}

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
