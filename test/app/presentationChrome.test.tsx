// Presentation mode on the real trainer screen, with trainer.css applied (jsdom computes `display` and
// custom properties from a style sheet): the editing toolbar hides with the side panel, the presenter
// keeps the button that stops presenting, and the minimap is legible on the black canvas.
import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { winBackJourney } from './trainerSupport';

/** WCAG relative luminance of a #rgb, #rrggbb or rgb() colour; the contrast of two. */
function luminance(colour: string): number {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(colour.trim());
  const digits = hex ? (hex[1]!.length === 3 ? [...hex[1]!].map((digit) => digit + digit) : hex[1]!.match(/../g)!) : null;
  const channels = digits ? digits.map((pair) => Number.parseInt(pair, 16)) : (/rgb\((\d+),?\s*(\d+),?\s*(\d+)/.exec(colour)?.slice(1).map(Number) ?? []);
  if (channels.length !== 3) throw new Error(`not a colour: ${colour}`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe('presentation mode’s page', () => {
  const style = document.createElement('style');
  beforeAll(() => {
    style.textContent = readFileSync('src/app/trainer/trainer.css', 'utf8');
    document.head.append(style);
  });
  afterAll(() => style.remove());
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('hides the editing toolbar and keeps a legible minimap', async () => {
    const journey = winBackJourney();
    const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab', storageWarning: null, recordingRunner: () => ({ cancel: () => {} }), simulationRunner: () => ({ cancel: () => {} }) };
    await services.repository.save(journey, { expectedRevision: null, writer: 'setup' });
    const user = userEvent.setup();
    render(
      <ServicesContext.Provider value={services}>
        <EditorScreen journeyId={journey.id} onBack={() => {}} mode={{ kind: 'trainer', lessonId: null }} />
      </ServicesContext.Provider>,
    );
    const toolbar = await screen.findByRole('toolbar', { name: 'Journey tools' });
    expect(toolbar).toBeVisible();

    await user.click(await screen.findByRole('button', { name: 'Present' }));
    expect(document.documentElement).toHaveAttribute('data-presenting');
    expect(toolbar).not.toBeVisible();
    expect(screen.getByRole('button', { name: 'Stop presenting' })).toBeVisible();

    const canvas = document.querySelector('.react-flow')!;
    const minimap = within(screen.getByRole('region', { name: 'Journey canvas' })).getByRole('img', { name: 'Mini map' });
    expect(minimap).toBeVisible();
    const read = (name: string) => getComputedStyle(canvas).getPropertyValue(name).trim();
    const ground = read('--xy-minimap-background-color');
    // The minimap sits on the black canvas: a dark ground, not a white box; light steps on it.
    expect(contrast(ground, '#000')).toBeLessThan(1.5);
    expect(contrast(read('--xy-minimap-node-background-color'), ground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(read('--xy-minimap-mask-stroke-color'), ground)).toBeGreaterThanOrEqual(3);

    await user.click(screen.getByRole('button', { name: 'Stop presenting' }));
    expect(toolbar).toBeVisible();
  }, 30_000);
});
