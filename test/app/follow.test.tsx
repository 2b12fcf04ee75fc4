// Following one user of a real recording (the churn win-back template, 2,000 users, every 4th sampled),
// by role and accessible name: finding users by what happened to them or by number, their profile, and
// their story with the current step, in English and Chinese.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { FollowUserTab } from '../../src/app/trainer/follow/FollowUserTab';
import { PlaybackBar } from '../../src/app/trainer/playback/PlaybackBar';
import { findUser } from '../../src/core/trainer/sample';
import type { Lang } from '../../src/core/i18n';
import type { PlaybackStore } from '../../src/app/trainer/playback/playbackStore';
import { createTrainerStore, playbackStore, TrainerProviders } from './trainerSupport';

function open(lang: Lang = 'en', playback: PlaybackStore = playbackStore()) {
  setLanguage(lang);
  const trainer = createTrainerStore({ tab: 'follow' });
  render(
    <TrainerProviders playback={playback} trainer={trainer}>
      <FollowUserTab />
    </TrainerProviders>,
  );
  return { playback, trainer, user: userEvent.setup() };
}

function recorded() {
  const playback = playbackStore();
  playback.getState().record();
  expect(playback.getState().phase).toBe('ready');
  return playback;
}

describe('follow one user', () => {
  it('asks for a recording first, and records from here', async () => {
    const { playback, user } = open();
    expect(screen.getByText(/Nothing is recorded yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record playback' }));
    expect(playback.getState().phase).toBe('ready');
    expect(screen.getByRole('group', { name: 'Find a user' })).toBeInTheDocument();
    expect(screen.getByText(/One user in every 4 is sampled: 0, 4, 8 … 1,996 \(500 users\)/)).toBeInTheDocument();
  });

  it('follows a user who converted and tells their conversion, with the story’s node focused', async () => {
    const { playback, trainer, user } = open('en', recorded());
    await user.click(screen.getByRole('button', { name: 'A user who converted' }));
    const followed = playback.getState().followed!;
    expect(followed).toBe(findUser(playback.getState().sample!, 'converted'));
    expect(screen.getByRole('status')).toHaveTextContent(`Following user #${followed}.`);
    expect(screen.getByRole('heading', { name: `User #${followed}` })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'User number' })).toHaveValue(followed);

    const story = screen.getByRole('list', { name: `Story of user #${followed}` });
    const goal = within(story).getAllByRole('listitem').find((item) => item.textContent!.includes('Converted: reached the goal'))!;
    expect(goal).toBeDefined();
    expect(goal.querySelector('time')!.textContent).toMatch(/^Day \d+, \d\d:\d\d$/);

    // Jumping to the conversion makes it the current step and focuses its goal node on the canvas.
    await user.click(within(goal).getByRole('button', { name: /^Jump to this moment \(Day \d+, \d\d:\d\d\)$/ }));
    const at = playback.getState().timeMs;
    expect(at).toBeGreaterThan(0);
    const current = within(story).getAllByRole('listitem').filter((item) => item.getAttribute('aria-current') === 'step');
    expect(current).toHaveLength(1);
    expect(current[0]!.querySelector('time')!.textContent).toBe(goal.querySelector('time')!.textContent);
    // At that moment they reach the goal (and, exit on goal, leave): the canvas focuses one of those nodes.
    const [focused] = trainer.getState().focus;
    expect(['goal', 'exit']).toContain(playback.getState().input!.journey.nodes.find((node) => node.id === focused)?.kind);
  });

  it('tells the same day and time in the story as the playback bar after jumping there (day 0 is launch day)', async () => {
    const playback = recorded();
    setLanguage('en');
    render(
      <TrainerProviders playback={playback} trainer={createTrainerStore({ tab: 'follow' })}>
        <FollowUserTab />
        <PlaybackBar />
      </TrainerProviders>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'A user who converted' }));
    const story = screen.getByRole('list', { name: /^Story of user #\d+$/ });
    const items = within(story).getAllByRole('listitem');
    const later = items.filter((item) => /^Day [1-9]/.test(item.querySelector('time')!.textContent!));
    expect(later.length).toBeGreaterThan(0);
    for (const item of [items[0]!, later[0]!, later.at(-1)!]) {
      const time = item.querySelector('time')!.textContent!;
      await user.click(within(item).getByRole('button', { name: `Jump to this moment (${time})` }));
      expect(screen.getByRole('status', { name: 'Simulated time' })).toHaveTextContent(time);
    }
  });

  it('shows the profile with segment, RFM and reachable channels', async () => {
    const { user } = open('en', recorded());
    await user.click(screen.getByRole('button', { name: 'Any user' }));
    const profile = screen.getByRole('heading', { name: /^User #\d+$/ }).closest('section')!;
    for (const term of ['Segment', 'Attributes', 'RFM scores', 'Tags', 'Reachable channels']) expect(within(profile).getByText(term)).toBeInTheDocument();
    expect(within(profile).getByText(/^R[1-5] F[1-5] M[1-5]$/)).toBeInTheDocument();
    // Said once, in the list: no paragraph repeating the profile under it.
    expect(within(profile).getAllByText(/R[1-5] F[1-5] M[1-5]/)).toHaveLength(1);
  });

  it('explains a touch held by quiet hours, in an expandable why', async () => {
    const playback = recorded();
    const { traces } = playback.getState().sample!;
    const held = [...traces.entries()].find(([, trace]) => trace.some((entry) => entry.type === 'touch' && entry.outcome === 'deferred'))![0];
    const { user } = open('en', playback);
    await user.type(screen.getByRole('spinbutton', { name: 'User number' }), String(held));
    await user.click(screen.getByRole('button', { name: 'Follow' }));
    const step = screen.getAllByText('Outcome: deferred by quiet hours')[0]!.closest('li')!;
    expect(within(step).getByText('Channel: SMS', { exact: false })).toBeInTheDocument();
    const why = within(step).getByText(/^Quiet hours run from 22:00 to 08:00/);
    expect(why).not.toBeVisible();
    await user.click(within(step).getByText('Why?'));
    expect(why).toBeVisible();
  });

  it('follows a sampled user by number and says which numbers are sampled', async () => {
    const { playback, user } = open('en', recorded());
    const input = screen.getByRole('spinbutton', { name: 'User number' });
    expect(input).toHaveAccessibleDescription(/One user in every 4 is sampled/);
    await user.type(input, '13');
    await user.click(screen.getByRole('button', { name: 'Follow' }));
    expect(screen.getByRole('status')).toHaveTextContent('User #13 is not sampled; the nearest sampled user is #12.');
    expect(playback.getState().followed).toBeNull();
    await user.clear(input);
    await user.type(input, '12');
    await user.click(screen.getByRole('button', { name: 'Follow' }));
    expect(playback.getState().followed).toBe(12);
    await user.click(screen.getByRole('button', { name: 'Stop following' }));
    expect(playback.getState().followed).toBeNull();
  });

  it('says so when the sample has no such user (nobody hits this journey’s cap)', async () => {
    const { playback, user } = open('en', recorded());
    await user.click(screen.getByRole('button', { name: 'A user the cap protected' }));
    expect(screen.getByRole('status')).toHaveTextContent('No user the frequency cap protected among the 500 sampled users.');
    expect(playback.getState().followed).toBeNull();
  });

  it('tells the story in Chinese', async () => {
    const { playback, user } = open('zh-CN', recorded());
    await user.click(screen.getByRole('button', { name: '一位转化的用户' }));
    const followed = playback.getState().followed!;
    const story = screen.getByRole('list', { name: `${followed} 号用户的故事` });
    expect(within(story).getByText(/转化成功/)).toBeInTheDocument();
    expect(within(story).getAllByRole('button', { name: /^跳到这一刻（第 \d+ 天 \d\d:\d\d）$/ }).length).toBeGreaterThan(1);
  });
});

describe('the story’s model', () => {
  it('is rebuilt once per recording, from what was recorded', async () => {
    const { storyModelOf } = await import('../../src/app/trainer/follow/storyModel');
    const input = recorded().getState().input!;
    const model = storyModelOf(input)!;
    expect(storyModelOf(input)).toBe(model);
    expect(model.seed).toBe(input.seed);
    expect(model.users).toBe(input.users);
    expect(storyModelOf({ ...input, cohort: { nonsense: true } })).toBeNull();
  });
});
