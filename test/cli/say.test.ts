import { afterEach, describe, expect, it, vi } from 'vitest';
import { say } from '../../src/cli/i18n';
import { message } from '../../src/core/i18n';

// Core messages are keys; the shells render them from the catalogs. A key no catalog has must be
// reported, never shown silently as a fragment of itself.
describe('rendering a core message', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders a message in each language', () => {
    const inner = message('core.journey.kinds.wait.wait');
    expect(say(inner, 'en')).toBe('Wait');
    expect(say(inner, 'zh-CN')).toBe('等待');
  });

  it('reports a key no catalog has and shows the whole key', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(say(message('core.journey.kinds.wait.noSuchMessage'), 'zh-CN')).toBe('core.journey.kinds.wait.noSuchMessage');
    expect(say(message('nonamespace'), 'en')).toBe('nonamespace');
    expect(error.mock.calls.map(([text]) => String(text))).toEqual([
      expect.stringContaining('"core.journey.kinds.wait.noSuchMessage"'),
      expect.stringContaining('"nonamespace"'),
    ]);
  });
});
