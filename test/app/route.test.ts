import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../src/app/useRoute';

describe('routes', () => {
  const routes: Route[] = [
    { screen: 'home' },
    { screen: 'editor', journeyId: 'j 1/x' },
    { screen: 'train', journeyId: 'j-1', lessonId: null },
    { screen: 'train', journeyId: 'j/1', lessonId: 'lifecycle-stages' },
    { screen: 'learn', link: null },
    { screen: 'learn', link: 'N4IgLgng-abc$' },
    { screen: 'cohorts' },
    { screen: 'cohort', cohortId: 'c1' },
    { screen: 'glossary', term: null },
    { screen: 'glossary', term: 'roi' },
  ];
  it.each(routes)('reads back what it writes: %o', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('reads the glossary with and without a term', () => {
    expect(routeHash({ screen: 'glossary', term: 'frequencyCap' })).toBe('#/glossary/frequencyCap');
    expect(parseRoute('#/glossary')).toEqual({ screen: 'glossary', term: null });
    expect(parseRoute('#/glossary/')).toEqual({ screen: 'glossary', term: null });
    expect(parseRoute('#/glossaryx')).toEqual({ screen: 'home' });
  });

  it('sends anything else home, including a malformed escape', () => {
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'home' });
    expect(parseRoute('#/train/%E0%A4%A')).toEqual({ screen: 'home' });
  });
});
