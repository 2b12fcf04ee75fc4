// Moving to a lesson step: the params and settings the steps' setups set are put to how they stand at
// that step (forward and back); every other change the learner made stays.
import { journeyForStep } from '../../src/app/trainer/lessons/stepSetup';
import { frequencyCapsLesson } from '../../src/core/lessons/builtin/frequencyCaps';
import { journeyAtStep } from '../../src/core/lessons/edits';
import { parseLesson } from '../../src/core/lessons/load';
import type { LessonInput } from '../../src/core/lessons/schema';
import { inEnglish } from '../support/messages.ts';

function lessonWithSetups() {
  const input = structuredClone(frequencyCapsLesson) as LessonInput;
  input.steps[0]!.setup = [{ type: 'setParam', node: 'sms1', param: 'content', value: 'Step one text' }];
  input.steps[1]!.setup = [{ type: 'setSetting', setting: 'frequencyCap', value: { touches: 3, window: 'P7D' } }];
  const parsed = parseLesson(input);
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => inEnglish(problem.message)).join('\n'));
  return parsed;
}

const node = (journey: ReturnType<typeof journeyAtStep>, id: string) => journey.nodes!.find((candidate) => candidate.id === id)!;

describe('journeyForStep', () => {
  const { lesson, journey } = lessonWithSetups();

  it('applies the setups on top of the learner’s journey, keeping the learner’s other changes', () => {
    const learner = journeyAtStep(lesson, journey, 0);
    node(learner, 'sms2').label = 'My own label';
    node(learner, 'sms1').params = { ...node(learner, 'sms1').params, content: 'Rewritten by the learner' };
    const next = journeyForStep(lesson, journey, learner, 1);
    expect(next.settings?.frequencyCap).toEqual({ touches: 3, window: 'P7D' });
    expect(node(next, 'sms1').params?.content).toBe('Step one text');
    expect(node(next, 'sms2').label).toBe('My own label');
  });

  it('going back puts a later step’s setting back as it was', () => {
    const atSecond = journeyAtStep(lesson, journey, 1);
    const back = journeyForStep(lesson, journey, atSecond, 0);
    expect(back.settings?.frequencyCap).toBeNull();
    expect(node(back, 'sms1').params?.content).toBe('Step one text');
  });

  it('changes nothing for a lesson without setups', () => {
    const parsed = parseLesson(frequencyCapsLesson);
    if (!parsed.ok) throw new Error('the built-in lesson must parse');
    const current = structuredClone(parsed.journey);
    expect(journeyForStep(parsed.lesson, parsed.journey, current, 2)).toBe(current);
  });
});
