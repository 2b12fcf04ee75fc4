// One colour per lifecycle stage, everywhere a stage is drawn: the canvas lanes and node accents
// (canvas.css's --stage-* variables, held equal to these by test/app/stageColours.test.ts), the
// dashboard's stage chart, the printed journey picture and the trainer's lifecycle strip. Each is
// at least 4.5:1 on white, so a stage's name can be written in its colour.
import type { Stage } from '../core/journey';

export const stageColours: Readonly<Record<Stage, string>> = {
  awareness: '#2458c6',
  exploration: '#187a4f',
  decision: '#9a5b00',
  usage: '#6a45bd',
  loyalty: '#b8325a',
};
