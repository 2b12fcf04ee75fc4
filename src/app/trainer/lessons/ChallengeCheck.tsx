// A challenge step: the goal, "Check my journey" (runs on the worker pool on the lesson's cohort and seed:
// the step's own journey as the baseline and the learner's journey as the attempt, paired on the same users,
// as many as 80 % power at the challenge's thresholds needs: core/lessons/power.ts), the result condition
// by condition with its difference ± margin, and hints one at a time.
import { useEffect, useId, useRef, useState } from 'react';
import { grouped } from '../../../core/i18n.ts';
import { dataLanguage } from '../../../core/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/journey';
import type { JourneyDocument } from '../../../core/journey';
import { checkJourney } from '../../../core/journey';
import { checkChallenge, checkSize, type ChallengeResult, type CheckSize } from '../../../core/lessons';
import { journeyAtStep } from '../../../core/lessons';
import type { Challenge } from '../../../core/lessons';
import type { SimulationReport } from '../../../core/sim/engine';
import { useServices } from '../../services';
import type { SimulationRun } from '../../simulate/protocol';
import { workerRunner } from '../../simulate/workerRunner';
import { useEditor } from '../../store/useEditor';
import { useEditorStore } from '../../store/useEditorStore';
import { ProblemList } from './ProblemList';
import type { ReadyLesson } from './lessonLibrary';
import { failureText } from '../../simulate/failure';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

type Which = 'baseline' | 'attempt';

type Check =
  | { phase: 'idle' }
  /** `sized`: the baseline again, on the users the check needs (more than the lesson's). */
  | { phase: 'running'; which: Which; sized: boolean; users: number; done: number; total: number }
  | { phase: 'done'; result: ChallengeResult; attempt: JourneyDocument }
  | { phase: 'problems'; which: 'baseline' | 'attempt'; problems: Problem[] }
  | { phase: 'failed'; failure: Problem };

export function ChallengeCheck({ entry, stepIndex, challenge }: { entry: ReadyLesson; stepIndex: number; challenge: Challenge }) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const { simulationRunner } = useServices();
  const editor = useEditorStore();
  const journey = useEditor((state) => state.journey);
  const [check, setCheck] = useState<Check>({ phase: 'idle' });
  const [hints, setHints] = useState(0);
  const run = useRef<SimulationRun | null>(null);
  // The step's journey never changes: its run on the check's users is made once and compared again.
  const baselineRun = useRef<{ size: CheckSize; report: SimulationReport } | null>(null);

  useEffect(() => () => run.current?.cancel(), []);

  const start = () => {
    const attempt = editor.getState().journey;
    const baseline = checkJourney(journeyAtStep(entry.lesson, entry.journey, stepIndex)).document;
    if (!attempt || !baseline) return;
    run.current?.cancel();
    const runner = simulationRunner ?? workerRunner;
    const { lesson, cohort } = entry;
    const simulate = (which: Which, document: JourneyDocument, users: number, onDone: (report: SimulationReport) => void) => {
      const sized = which === 'baseline' && users !== lesson.users;
      setCheck({ phase: 'running', which, sized, users, done: 0, total: 1 });
      run.current = runner(
        { journey: document, cohort, users, seed: lesson.seed, replications: 1 },
        {
          onProgress: (done, total) => setCheck({ phase: 'running', which, sized, users, done, total }),
          onDone,
          onProblems: (problems) => setCheck({ phase: 'problems', which, problems }),
          onFailed: (failure) => setCheck({ phase: 'failed', failure }),
        },
      );
    };
    const result = (size: CheckSize, baselineReport: SimulationReport, attemptReport: SimulationReport) =>
      setCheck({ phase: 'done', result: checkChallenge(challenge, baselineReport, attemptReport, { lessonUsers: lesson.users, size }), attempt });
    const compare = (kept: { size: CheckSize; report: SimulationReport }) => simulate('attempt', attempt, kept.size.users, (attemptReport) => result(kept.size, kept.report, attemptReport));
    // The baseline on the users the check needs and the attempt on the same users, side by side on the
    // worker pool; the check is done when both are.
    const bothSized = (size: CheckSize) => {
      setCheck({ phase: 'running', which: 'baseline', sized: true, users: size.users, done: 0, total: 1 });
      const started: SimulationRun[] = [];
      const done = [0, 0];
      const totals = [1, 1];
      const reports: (SimulationReport | null)[] = [null, null];
      let over = false;
      const stopAll = () => {
        over = true;
        for (const each of started) each.cancel();
      };
      run.current = { cancel: stopAll };
      (['baseline', 'attempt'] as const).forEach((which, index) => {
        const journeyOf = which === 'baseline' ? baseline : attempt;
        started.push(
          runner(
            { journey: journeyOf, cohort, users: size.users, seed: lesson.seed, replications: 1 },
            {
              onProgress: (count, total) => {
                if (over) return;
                done[index] = count;
                totals[index] = total;
                setCheck({ phase: 'running', which, sized: true, users: size.users, done: done[0]! + done[1]!, total: totals[0]! + totals[1]! });
              },
              onDone: (report) => {
                if (over) return;
                reports[index] = report;
                if (!reports[0] || !reports[1]) return;
                baselineRun.current = { size, report: reports[0] };
                result(size, reports[0], reports[1]);
              },
              onProblems: (problems) => {
                if (over) return;
                stopAll();
                setCheck({ phase: 'problems', which, problems });
              },
              onFailed: (failure) => {
                if (over) return;
                stopAll();
                setCheck({ phase: 'failed', failure });
              },
            },
          ),
        );
      });
      // A runner that finished or refused at once (tests) may have stopped before the second run was started.
      if (over) for (const each of started) each.cancel();
    };
    if (baselineRun.current) return compare(baselineRun.current);
    // A first run on the lesson's users measures the baseline's spread; the check then runs on as many
    // users as 80 % power at the thresholds needs (the same first users and seed: a paired comparison).
    simulate('baseline', baseline, lesson.users, (pilot) => {
      const size = checkSize(challenge, pilot, lesson.users);
      if (size.users !== lesson.users) return bothSized(size);
      baselineRun.current = { size, report: pilot };
      compare(baselineRun.current);
    });
  };

  const status = (() => {
    switch (check.phase) {
      case 'idle':
        return '';
      case 'running':
        return check.sized
          ? t('trainer.lessons.challenge.running.sized', { users: grouped(check.users), percent: Math.round((100 * check.done) / Math.max(check.total, 1)) })
          : t(`trainer.lessons.challenge.running.${check.which}`, { percent: Math.round((100 * check.done) / Math.max(check.total, 1)) });
      case 'done': {
        const met = check.result.conditions.filter((condition) => condition.met).length;
        return check.result.met ? t('trainer.lessons.challenge.met') : t('trainer.lessons.challenge.notMet', { met, count: check.result.conditions.length });
      }
      case 'problems':
        return t(`trainer.lessons.challenge.problems.${check.which}`);
      case 'failed':
        return t('trainer.lessons.challenge.failed', { message: failureText(check.failure, lang) });
    }
  })();

  return (
    <section className="lesson-tab__challenge" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('trainer.lessons.challenge.heading')}</h4>
      <p className="lesson-tab__goal">{challenge.goal[dataLanguage(lang)]}</p>
      <button type="button" className="button--primary" onClick={start} disabled={check.phase === 'running'}>
        {t('trainer.lessons.challenge.check')}
      </button>
      <p className="lesson-tab__note">{t('trainer.lessons.challenge.how', { users: entry.lesson.users, seed: entry.lesson.seed })}</p>
      {check.phase === 'running' && <progress value={check.done} max={Math.max(check.total, 1)} aria-label={t('trainer.lessons.challenge.progress')} />}
      <p role="status" className={`lesson-tab__verdict${check.phase === 'done' ? (check.result.met ? ' lesson-tab__verdict--met' : ' lesson-tab__verdict--unmet') : ''}`}>
        {status}
      </p>
      {check.phase === 'done' && (
        <>
          <ul className="lesson-tab__results" aria-label={t('trainer.lessons.challenge.results')}>
            {check.result.conditions.map((condition, index) => (
              <li key={index} className={condition.met ? 'lesson-tab__result--met' : 'lesson-tab__result--unmet'}>
                <span className="visually-hidden">{condition.met ? t('trainer.lessons.challenge.conditionMet') : t('trainer.lessons.challenge.conditionUnmet')}: </span>
                {say(condition.text, lang)}
                {condition.uncertainty && <span className="lesson-tab__spread"> {say(condition.uncertainty, lang)}</span>}
              </li>
            ))}
          </ul>
          <p className="lesson-tab__note">{say(check.result.pairing, lang)}</p>
          {journey !== check.attempt && <p className="lesson-tab__note">{t('trainer.lessons.challenge.changedSince')}</p>}
        </>
      )}
      {check.phase === 'problems' && <ProblemList problems={check.problems} label={t('trainer.lessons.problems')} />}
      {challenge.hints.length > 0 && (
        <div className="lesson-tab__hints">
          {hints > 0 && (
            <ol aria-label={t('trainer.lessons.challenge.hints')}>
              {challenge.hints.slice(0, hints).map((hint, index) => (
                <li key={index}>{hint[dataLanguage(lang)]}</li>
              ))}
            </ol>
          )}
          {hints < challenge.hints.length ? (
            <button type="button" onClick={() => setHints(hints + 1)}>
              {t('trainer.lessons.challenge.showHint')}
            </button>
          ) : (
            <p className="lesson-tab__note">{t('trainer.lessons.challenge.noMoreHints')}</p>
          )}
          <p className="lesson-tab__note">{t('trainer.lessons.challenge.hintCount', { shown: hints, count: challenge.hints.length })}</p>
        </div>
      )}
    </section>
  );
}
