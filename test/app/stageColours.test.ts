// One colour per lifecycle stage everywhere (issue 17): the canvas's CSS accents are the same colours
// as src/app/stageColours.ts, which the dashboard's stage chart, the printed picture and the trainer's
// lifecycle strip draw with — no second palette left anywhere in the app.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { stageColours } from '../../src/app/stageColours';
import { stages } from '../../src/core/journey';

const app = path.resolve(__dirname, '../../src/app');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));

describe('stage colours', () => {
  it('the canvas lanes and nodes use the same colour for each stage', () => {
    const css = readFileSync(path.join(app, 'canvas/canvas.css'), 'utf8');
    for (const stage of stages) expect(css).toMatch(new RegExp(`--stage-${stage}:\\s*${stageColours[stage]};`, 'i'));
  });

  it('the stage chart, the picture and the lifecycle strip take theirs from stageColours, and no other palette of stages is left', () => {
    const users = ['simulate/dashboard/StagesSection.tsx', 'simulate/dashboard/journeyPicture.ts', 'trainer/playback/LifecycleStrip.tsx'];
    for (const file of users) expect(readFileSync(path.join(app, file), 'utf8')).toContain('stageColours[');
    // The old trainer strip palette (sky, violet, pink, green, amber) is gone from every source file.
    for (const file of files(app).filter((name) => /\.(tsx?|css)$/.test(name))) expect(readFileSync(file, 'utf8')).not.toMatch(/#60a5fa.*#a78bfa|STAGE_COLOURS/);
  });
});
