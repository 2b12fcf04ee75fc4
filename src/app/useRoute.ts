import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { screen: 'home' }
  | { screen: 'editor'; journeyId: string }
  /** Trainer mode on a stored journey, following a lesson when one is given. */
  | { screen: 'train'; journeyId: string; lessonId: string | null }
  /** The lessons; `link` is a lesson shared as a link (its encoded text), shown for starting. */
  | { screen: 'learn'; link: string | null }
  | { screen: 'cohorts' }
  | { screen: 'cohort'; cohortId: string }
  /** The domain glossary, scrolled to a term when one is given. */
  | { screen: 'glossary'; term: string | null };

const JOURNEY_PREFIX = '#/journey/';
const TRAIN_PREFIX = '#/train/';
const LEARN = '#/learn';
const LESSON_LINK_PREFIX = '#/learn?lesson=';
const COHORTS = '#/cohorts';
const COHORT_PREFIX = '#/cohorts/';
const GLOSSARY = '#/glossary';

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
};

export function parseRoute(hash: string): Route {
  if (hash.startsWith(JOURNEY_PREFIX)) {
    const journeyId = decode(hash.slice(JOURNEY_PREFIX.length));
    if (journeyId) return { screen: 'editor', journeyId };
  }
  if (hash.startsWith(TRAIN_PREFIX)) {
    const [journeyId, lessonId] = hash.slice(TRAIN_PREFIX.length).split('/').map(decode);
    if (journeyId) return { screen: 'train', journeyId, lessonId: lessonId || null };
  }
  if (hash.startsWith(LESSON_LINK_PREFIX)) return { screen: 'learn', link: hash.slice(LESSON_LINK_PREFIX.length) || null };
  if (hash === LEARN || hash === `${LEARN}/`) return { screen: 'learn', link: null };
  if (hash.startsWith(COHORT_PREFIX)) {
    const cohortId = decode(hash.slice(COHORT_PREFIX.length));
    if (cohortId) return { screen: 'cohort', cohortId };
  }
  if (hash === COHORTS || hash === COHORT_PREFIX) return { screen: 'cohorts' };
  if (hash === GLOSSARY || hash.startsWith(`${GLOSSARY}/`)) return { screen: 'glossary', term: decode(hash.slice(GLOSSARY.length + 1)) || null };
  return { screen: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'editor':
      return `${JOURNEY_PREFIX}${encodeURIComponent(route.journeyId)}`;
    case 'train':
      return `${TRAIN_PREFIX}${encodeURIComponent(route.journeyId)}${route.lessonId ? `/${encodeURIComponent(route.lessonId)}` : ''}`;
    case 'learn':
      // The link text is already URL-safe (lz-string's encodedURIComponent alphabet).
      return route.link ? `${LESSON_LINK_PREFIX}${route.link}` : LEARN;
    case 'cohorts':
      return COHORTS;
    case 'cohort':
      return `${COHORT_PREFIX}${encodeURIComponent(route.cohortId)}`;
    case 'glossary':
      return route.term ? `${GLOSSARY}/${encodeURIComponent(route.term)}` : GLOSSARY;
    case 'home':
      return '#/';
  }
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
