// Fuzzing the two link readers that take text from strangers: share links (journeys) and lesson links.
// Whatever arrives — random text, damaged or bit-flipped links, links that unpack to any JSON, bombs —
// they never throw and always answer with a document or a message in both languages. 2,000 cases a
// reader, with fixed seeds.
import fc from 'fast-check';
import { decodeShareLink, encodeShareLink, type DecodedShareLink } from '../../src/app/persist/shareLink';
import { persistMessages } from '../../src/app/persist/persistMessages';
import { decodeLesson, encodeLesson } from '../../src/core/lessons/share';
import type { ParsedLesson } from '../../src/core/lessons/load';
import { builtinLessons } from '../../src/core/lessons/builtin';
import { compressForLink } from '../../src/core/linkCompression';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { bombLink } from '../support/linkBombs';
import { isMessage } from '../../src/core/i18n';
import { inEnglish, inChinese } from '../support/messages.ts';

const SEED = 1_212;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

const isLocalized = isMessage;

function expectShareAnswer(result: DecodedShareLink | null) {
  if (result === null) return;
  if (result.ok) expect(typeof result.document === 'object' && result.document !== null && !Array.isArray(result.document)).toBe(true);
  else expect(isLocalized(result.message) && inEnglish(result.message).length > 0 && inChinese(result.message).length > 0).toBe(true);
}

function expectLessonAnswer(result: ParsedLesson) {
  if (result.ok) return expect(result.lesson.id).toEqual(expect.any(String));
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) expect(isLocalized(problem.message) && inEnglish(problem.message).length > 0).toBe(true);
}

/** A valid link damaged the ways links get damaged: cut, characters changed, dropped, inserted, doubled. */
const mutated = (link: string) =>
  fc
    .record({
      at: fc.nat({ max: link.length }),
      length: fc.nat({ max: 40 }),
      insert: fc.string({ unit: fc.constantFrom(...ALPHABET, '%', ' ', '#', '&', '='), maxLength: 12 }),
      how: fc.constantFrom('cut', 'replace', 'drop', 'insert', 'double'),
    })
    .map(({ at, length, insert, how }) => {
      if (how === 'cut') return link.slice(0, at);
      if (how === 'replace') return link.slice(0, at) + insert + link.slice(at + insert.length);
      if (how === 'drop') return link.slice(0, at) + link.slice(at + length);
      if (how === 'insert') return link.slice(0, at) + insert + link.slice(at);
      return link.slice(0, at) + link.slice(at, at + length) + link.slice(at);
    });

// A generous limit per test only catches a hang: the cases are small, but CI machines are busy.
const HANG = { timeout: 30_000 };

describe('share-link fuzzing', HANG, () => {
  const valid = encodeShareLink(validJourney() as unknown as JourneyDocument).hash;

  it('never throws on arbitrary text, with or without the share prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const prefix of ['', '#share=', 'https://x.test/#view=1&share=']) expectShareAnswer(decodeShareLink(prefix + text));
      }),
      { numRuns: 800, seed: SEED },
    );
  });

  it('never throws on damaged valid links', () => {
    fc.assert(
      fc.property(mutated(valid), (link) => {
        expectShareAnswer(decodeShareLink(link));
      }),
      { numRuns: 800, seed: SEED },
    );
  });

  it('answers a link that unpacks to any JSON at all: a document only for an object', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const result = decodeShareLink(`#share=${compressForLink(JSON.stringify(value))}`);
        expectShareAnswer(result);
        expect(result?.ok).toBe(typeof value === 'object' && value !== null && !Array.isArray(value));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('refuses a bomb with its own message, in both languages', () => {
    expect(decodeShareLink(`#share=${bombLink(6_500)}`)).toEqual({ ok: false, message: persistMessages.shareLinkTooLarge });
    expect(inEnglish(persistMessages.shareLinkTooLarge)).toContain('20,000,000 characters');
    expect(inChinese(persistMessages.shareLinkTooLarge)).toContain('20,000,000 个字符');
  });
});

describe('lesson-link fuzzing', HANG, () => {
  const valid = encodeLesson(builtinLessons[0]!);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectLessonAnswer(decodeLesson(text));
      }),
      { numRuns: 800, seed: SEED },
    );
  });

  it('never throws on damaged valid links', () => {
    fc.assert(
      fc.property(mutated(valid), (link) => {
        expectLessonAnswer(decodeLesson(link));
      }),
      { numRuns: 800, seed: SEED },
    );
  });

  it('never throws on a link that unpacks to any JSON, or to a lesson with a field changed', () => {
    const lesson = builtinLessons[0]! as unknown as Record<string, unknown>;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...Object.keys(lesson)), (value, key) => {
        expectLessonAnswer(decodeLesson(compressForLink(JSON.stringify(value))));
        expectLessonAnswer(decodeLesson(compressForLink(JSON.stringify({ ...lesson, [key]: value }))));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('refuses a bomb, saying so in both languages', () => {
    const result = decodeLesson(bombLink(6_500));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toMatchObject([{ code: 'lesson-invalid', severity: 'error' }]);
    expect(inEnglish(result.problems[0]!.message)).toContain('more than 20,000,000 characters');
    expect(inChinese(result.problems[0]!.message)).toContain('超过 20,000,000 个字符');
  });
});
