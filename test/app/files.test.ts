import * as lzModule from 'lz-string';
import { decodeShareLink, encodeShareLink, SHARE_LINK_WARN_LENGTH, withoutShare } from '../../src/app/persist/shareLink';
import {
  downloadText,
  exportJourneyJson,
  exportMachineJson,
  journeyFileName,
  parseJourneyFile,
  readFileAsText,
  readJourney,
} from '../../src/app/persist/files';
import { persistMessages } from '../../src/app/persist/persistMessages';
import { migrations, type Migration } from '../../src/core/journey/migrate';
import { checkJourney } from '../../src/core/journey/validate';
import { CURRENT_SCHEMA_VERSION, type JourneyDocument } from '../../src/core/journey/schema';
import { instantiateTemplate, templates } from '../../src/core/templates';
import { problemFixtures, validJourney } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';

function checked(input: unknown): JourneyDocument {
  const document = checkJourney(input).document;
  if (!document) throw new Error('fixture does not check');
  return document;
}

const lz = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;

const chineseJourney = () => checked(instantiateTemplate(templates[0]!, 'zh-CN'));

describe('share links', () => {
  it('round-trips a journey, Chinese text included', () => {
    const document = chineseJourney();
    expect(document.name).toMatch(/[\u4e00-\u9fff]/);
    const link = encodeShareLink(document, 'https://example.com/journey-lab/?x=1#old');
    expect(link.hash).toMatch(/^#share=[A-Za-z0-9+\-$]+$/);
    expect(link.url).toBe(`https://example.com/journey-lab/?x=1${link.hash}`);
    expect(link.length).toBe(link.url.length);
    expect(link.tooLong).toBe(false);

    expect(decodeShareLink(link.hash)).toEqual({ ok: true, document });
    expect(decodeShareLink(link.url)).toEqual({ ok: true, document });
    expect(decodeShareLink(link.hash.slice(1))).toEqual({ ok: true, document });
    // A messenger that percent-encodes "$" and "+" on the way does not break it.
    const mangled = link.hash.replace(/\$/g, '%24').replace(/\+/g, '%2B');
    expect(decodeShareLink(mangled)).toEqual({ ok: true, document });
  });

  it('warns when the link gets long', () => {
    const document = checked({ ...validJourney(), description: Array.from({ length: 4000 }, (_, at) => `w${(at * 7919) % 10007}`).join(' ').slice(0, 5000) });
    const big = checked({
      ...document,
      nodes: [...document.nodes, ...Array.from({ length: 300 }, (_, at) => ({ ...document.nodes[4]!, id: `extra${at}`, label: `Extra step ${(at * 7919) % 10007} ${(at * 104729) % 65537}` }))],
    });
    const link = encodeShareLink(big);
    expect(link.length).toBeGreaterThan(SHARE_LINK_WARN_LENGTH);
    expect(link.tooLong).toBe(true);
    expect(inEnglish(link.warning)).toContain(String(SHARE_LINK_WARN_LENGTH.toLocaleString('en')));
    expect(inChinese(link.warning)).toContain('截断');
  });

  it('returns null when there is no share fragment', () => {
    expect(decodeShareLink('')).toBeNull();
    expect(decodeShareLink('#')).toBeNull();
    expect(decodeShareLink('#journey=abc')).toBeNull();
    expect(decodeShareLink('https://example.com/')).toBeNull();
  });

  it.each([
    ['empty', '#share='],
    ['not lz-string', '#share=hello world!'],
    ['random letters', '#share=Zm9vYmFyYmF6cXV4'],
    ['truncated', encodeShareLink(checked(validJourney())).hash.slice(0, 60)],
    ['bad percent escape', '#share=%E0%A4%A'],
    ['JSON that is not an object', `#share=${lz.compressToEncodedURIComponent('[1, 2]')}`],
    ['not JSON at all', `#share=${lz.compressToEncodedURIComponent('hello, world')}`],
  ])('handles a garbage fragment (%s) without throwing', (_case, hash) => {
    const result = decodeShareLink(hash);
    expect(result).not.toBeNull();
    expect(result!.ok).toBe(false);
    if (result && !result.ok) expect(inEnglish(result.message).length).toBeGreaterThan(0);
  });

  it('says what is wrong with an empty link', () => {
    expect(decodeShareLink('#share=')).toEqual({ ok: false, message: persistMessages.shareLinkEmpty });
  });

  it('removes the share part of a fragment', () => {
    expect(withoutShare('#share=abc')).toBe('');
    expect(withoutShare('#view=1&share=abc')).toBe('#view=1');
  });
});

describe('journey files', () => {
  it('names files after the journey, keeping Chinese names readable', () => {
    expect(journeyFileName({ id: 'basic', name: 'Basic cart reminder!' })).toBe('basic-cart-reminder.journey.json');
    expect(journeyFileName({ id: 'x', name: '新用户欢迎 / 7 天' })).toBe('新用户欢迎-7-天.journey.json');
    expect(journeyFileName({ id: 'fallback', name: '***' })).toBe('fallback.journey.json');
  });

  it('exports the document as it is and reads it back', () => {
    const document = chineseJourney();
    const text = exportJourneyJson(document);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(document);
    const parsed = parseJourneyFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document).toEqual(document);
    expect(parsed.problems.every((problem) => problem.severity !== 'error')).toBe(true);
    expect(parsed.migratedFrom).toBeUndefined();
  });

  it('accepts a file with a byte-order mark', () => {
    expect(parseJourneyFile(`\uFEFF${JSON.stringify(validJourney())}`).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{ "schemaVersion": 1, nodes: [ }', /not valid JSON/],
    ['empty', '   ', /empty/],
    ['a JSON array', '[1, 2]', /expected a JSON object/],
  ])('refuses a file that is %s', (_case, text, pattern) => {
    const parsed = parseJourneyFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ severity: 'error', code: 'not-a-journey' });
    expect(inEnglish(parsed.problems[0]!.message)).toMatch(pattern);
    expect(inChinese(parsed.problems[0]!.message).length).toBeGreaterThan(0);
    expect(inEnglish(parsed.message)).toMatch(/not opened/);
  });

  it('refuses a newer format version, naming it', () => {
    const parsed = parseJourneyFile(JSON.stringify({ ...validJourney(), schemaVersion: 7 }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ code: 'unsupported-version' });
    expect(inEnglish(parsed.problems[0]!.message)).toContain('version 7');
  });

  it('refuses a journey with duplicate ids and lists all its problems, errors first', () => {
    const journey = validJourney();
    journey.edges.push({ id: 'toGhost', source: 'remind', sourcePort: 'next', target: 'ghost' });
    journey.nodes.push({ id: 'remind', kind: 'message', stage: 'decision', params: { channel: 'sms' } });
    const parsed = parseJourneyFile(JSON.stringify(journey));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const codes = parsed.problems.map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['edge-missing-node', 'duplicate-id']));
    const firstNonError = parsed.problems.findIndex((problem) => problem.severity !== 'error');
    if (firstNonError >= 0) expect(parsed.problems.slice(firstNonError).every((problem) => problem.severity !== 'error')).toBe(true);
    const errors = parsed.problems.filter((problem) => problem.severity === 'error').length;
    expect(inEnglish(parsed.message)).toContain(`${errors} error`);
  });

  it('drops edges to missing nodes or ports and says so', () => {
    const journey = validJourney();
    journey.edges.push({ id: 'toGhost', source: 'remind', sourcePort: 'next', target: 'ghost' }, { id: 'badPort', source: 'start', sourcePort: 'nope', target: 'done' });
    const parsed = parseJourneyFile(JSON.stringify(journey));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.droppedEdges?.sort()).toEqual(['badPort', 'toGhost']);
    expect(parsed.document.edges.map((edge) => edge.id)).not.toContain('toGhost');
    expect(inEnglish(parsed.notice)).toContain('2 connection(s)');
    expect(parsed.problems.some((problem) => problem.severity === 'error')).toBe(false);
  });

  it('opens a journey still being built, errors included, for the editor to show', () => {
    const parsed = parseJourneyFile(JSON.stringify(problemFixtures['wait-without-duration']));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.problems.map((problem) => problem.code)).toContain('wait-without-duration');
  });

  it('refuses a malformed journey with the path of each problem', () => {
    const parsed = parseJourneyFile(JSON.stringify(problemFixtures['schema-invalid']));
    expect(parsed).toMatchObject({ ok: false, problems: [{ code: 'schema-invalid', location: { path: ['name'] } }] });
  });

  it('migrates an older version and says so', () => {
    // What a future format step looks like: v0 called the document's name "title".
    const titleToName: Migration = {
      name: 'TitleToName',
      from: 0,
      up: ({ title, ...rest }) => ({ ...rest, name: title }),
      down: ({ name, ...rest }) => ({ ...rest, title: name }),
    };
    const { name, ...withoutName } = validJourney();
    const old = { ...withoutName, schemaVersion: 0, title: name };
    const parsed = readJourney(JSON.parse(JSON.stringify(old)), { migrations: [titleToName, ...migrations], oldest: 0 });
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 0, document: { schemaVersion: CURRENT_SCHEMA_VERSION, name, goals: [] } });
    if (parsed.ok) expect(inEnglish(parsed.notice)).toContain('version 0');
    // Without that step, version 0 is refused.
    expect(parseJourneyFile(JSON.stringify(old)).ok).toBe(false);
  });

  it('opens a version 1 file (before goals) as the current version with no goals, and says so', () => {
    const parsed = parseJourneyFile(JSON.stringify({ ...validJourney(), schemaVersion: 1 }));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 1, document: { schemaVersion: CURRENT_SCHEMA_VERSION, goals: [] } });
    if (parsed.ok) expect(inEnglish(parsed.notice)).toContain('version 1');
  });

  it('exports goals with the journey and reads them back', () => {
    const goals = [{ metric: 'revenue' as const, comparison: '>=' as const, target: 5000, withinDays: 30 }];
    const document = { ...checked(validJourney()), goals };
    const parsed = parseJourneyFile(exportJourneyJson(document));
    expect(parsed).toMatchObject({ ok: true, document: { goals } });
    expect(parsed.ok ? parsed.migratedFrom : 'refused').toBeUndefined();
  });

  it('exports the compiled machine, or the errors that stop it', () => {
    const machine = exportMachineJson(checked(validJourney()));
    expect(machine.ok).toBe(true);
    if (machine.ok) {
      expect(machine.fileName).toBe('basic-cart-reminder.machine.json');
      const config = JSON.parse(machine.text) as { id: string; states: Record<string, unknown> };
      expect(config.id).toBe('journey');
      expect(Object.keys(config.states)).toContain('__journey');
    }
    const broken = { ...checked(validJourney()), nodes: [] };
    const refused = exportMachineJson(broken);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.map((problem) => problem.code)).toContain('no-entry');
  });

  it('reads a chosen file as text', async () => {
    const text = exportJourneyJson(chineseJourney());
    expect(await readFileAsText(new File([text], 'x.journey.json', { type: 'application/json' }))).toBe(text);
  });

  it('downloads text through an object URL and revokes it afterwards', () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    const revoked: string[] = [];
    const clicks: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:test/1');
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} ${this.getAttribute('href')}`);
    });
    try {
      downloadText('a.journey.json', '{}', 'application/json');
      expect(clicks).toEqual(['a.journey.json blob:test/1']);
      expect(created[0]?.type).toContain('application/json');
      expect(document.querySelector('a[download]')).toBeNull();
      expect(revoked).toEqual([]);
      vi.runAllTimers();
      expect(revoked).toEqual(['blob:test/1']);
    } finally {
      click.mockRestore();
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      vi.useRealTimers();
    }
  });
});
