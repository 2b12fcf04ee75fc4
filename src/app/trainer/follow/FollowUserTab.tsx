// Follow one sampled user of the recorded playback: find one by what happened to them (or by number),
// then read who they are and their story, step by step with the why of each decision. The followed
// user's dot is highlighted on the canvas (by the playback layer) and the node of the story's current
// step is focused there.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileOf } from '../../../core/trainer';
import { findUser, type UserKind } from '../../../core/trainer';
import { storyOf } from '../../../core/trainer';
import { usePlayback, usePlaybackStore } from '../playback/PlaybackContext';
import { useShownTime } from '../playback/useShownTime';
import { useTrainerStore } from '../TrainerStoreContext';
import { storyModelOf } from './storyModel';
import { UserPicker } from './UserPicker';
import { UserProfileView } from './UserProfileView';
import { StoryList, currentStepIndex } from './StoryList';
import './follow.css';
import { useLang } from '../../i18n/useLang';

const userKinds: readonly UserKind[] = ['converted', 'churned', 'capProtected', 'any'];

export function FollowUserTab() {
  const lang = useLang();
  const { t } = useTranslation();
  const playback = usePlaybackStore();
  const phase = usePlayback((state) => state.phase);
  const progress = usePlayback((state) => state.progress);
  const stale = usePlayback((state) => state.stale);
  const input = usePlayback((state) => state.input);
  const sample = usePlayback((state) => state.sample);
  const followed = usePlayback((state) => state.followed);
  // Throttled while playing: the story's current step need not move sixty times a second.
  const timeMs = useShownTime(playback);
  const trainer = useTrainerStore();
  const [notice, setNotice] = useState('');
  const headingId = useId();

  const model = useMemo(() => (phase === 'ready' && input ? storyModelOf(input) : null), [phase, input]);
  const trace = followed !== null ? sample?.traces.get(followed) : undefined;
  const profile = useMemo(() => (model && followed !== null ? profileOf(model.cohort, model.generator, followed) : null), [model, followed]);
  const steps = useMemo(() => (model && followed !== null && trace ? storyOf(model, followed, trace) : []), [model, followed, trace]);
  const current = currentStepIndex(steps, timeMs);

  // The canvas shows where the followed user is in their story: the node of the current step (or the
  // last step before it that happened at a node).
  const focusNode = steps.slice(0, current + 1).findLast((step) => step.nodeId)?.nodeId ?? null;
  useEffect(() => {
    if (!trainer) return;
    trainer.getState().setFocus(focusNode ? [focusNode] : []);
  }, [trainer, focusNode]);
  useEffect(() => () => trainer?.getState().setFocus([]), [trainer]);

  const follow = (user: number | null) => {
    playback.getState().follow(user);
    setNotice(user === null ? '' : t('trainer.follow.found', { user }));
  };

  const find = (kind: UserKind) => {
    if (!sample) return;
    const user = findUser(sample, kind, followed ?? -1);
    if (user === null) setNotice(t('trainer.follow.noneFound', { kind: t(`trainer.follow.kindLower.${kind}`), count: sample.users.length }));
    else follow(user);
  };

  return (
    <section className="follow" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('trainer.follow.heading')}</h2>
      {phase === 'idle' && (
        <>
          <p>{t('trainer.follow.notRecorded')}</p>
          <button type="button" onClick={() => playback.getState().record()}>
            {t('trainer.follow.record')}
          </button>
        </>
      )}
      {phase === 'recording' && <p role="status">{t('trainer.follow.recording', { done: progress.done.toLocaleString(lang), total: progress.total.toLocaleString(lang) })}</p>}
      {(phase === 'problems' || phase === 'failed') && <p role="alert">{t('trainer.follow.failed')}</p>}
      {phase === 'ready' && sample && (
        <>
          {stale && <p className="follow__stale">{t('trainer.follow.stale')}</p>}
          <div className="follow__find" role="group" aria-label={t('trainer.follow.find')}>
            {userKinds.map((kind) => (
              <button key={kind} type="button" onClick={() => find(kind)}>
                {t(`trainer.follow.kind.${kind}`)}
              </button>
            ))}
          </div>
          <UserPicker users={sample.users} followed={followed} onFollow={follow} onNotice={setNotice} />
          <p role="status" className="follow__notice">
            {notice}
          </p>
          {!model && <p role="alert">{t('trainer.follow.noModel')}</p>}
          {model && profile && followed !== null && (
            <>
              <UserProfileView user={followed} profile={profile} cohort={model.cohort} onStop={() => follow(null)} />
              <StoryList user={followed} steps={steps} current={current} onJump={(at) => playback.getState().seek(at)} />
            </>
          )}
        </>
      )}
    </section>
  );
}
