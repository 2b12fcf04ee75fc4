// The followed user's story as an ordered list: each step's time, what happened, its channel and
// outcome, and why. The step at or just before the playback's moment is the current one.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { channelInfo } from '../../../core/journey';
import type { StoryStep } from '../../../core/trainer';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

/** The last step at or before `timeMs` (the opening profile step at worst). */
export function currentStepIndex(steps: readonly StoryStep[], timeMs: number): number {
  let current = steps.length > 0 ? 0 : -1;
  steps.forEach((step, index) => {
    if (step.at <= timeMs) current = index;
  });
  return current;
}

interface Props {
  user: number;
  steps: readonly StoryStep[];
  current: number;
  onJump(at: number): void;
}

export function StoryList({ user, steps, current, onJump }: Props) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="follow__story" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('trainer.follow.storyHeading')}</h3>
      <ol aria-label={t('trainer.follow.storyLabel', { user })}>
        {steps.map((step, index) =>
          step.kind === 'profile' ? null : (
            <li key={index} className="follow__step" data-kind={step.kind} aria-current={index === current ? 'step' : undefined}>
              <p>
                <time>{say(step.time, lang)}</time>
                {index === current && <span className="follow__now"> {t('trainer.follow.current')}</span>} {say(step.text, lang)}
              </p>
              {(step.channel || step.outcome) && (
                <p className="follow__meta">
                  {step.channel && <span>{t('trainer.follow.channel', { channel: say(channelInfo[step.channel].name, lang) })}</span>}
                  {step.outcome && <span data-outcome={step.outcome}>{t('trainer.follow.outcomeLabel', { outcome: t(`trainer.follow.outcome.${step.outcome}`) })}</span>}
                </p>
              )}
              {step.why && (
                <details>
                  <summary>{t('trainer.follow.why')}</summary>
                  <p>{say(step.why, lang)}</p>
                </details>
              )}
              <button type="button" className="follow__jump" onClick={() => onJump(step.at)}>
                {t('trainer.follow.jump', { time: say(step.time, lang) })}
              </button>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
