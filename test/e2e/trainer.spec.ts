// A trainer in front of a class, in Chinese: open the lifecycle lesson, record the journey's playback,
// play and pause it, scrub to day 14, follow a user who converted and read their story, present the
// lesson full screen and advance it from the keyboard; then finish the frequency-cap challenge.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const presenting = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-presenting'));

test('plays a lesson back in Chinese, follows a converted user, presents, and finishes a challenge', async ({ page, saveScreenshot }) => {
  test.setTimeout(Math.max(test.info().timeout, 180_000));
  await page.setViewportSize({ width: 1440, height: 900 });
  const playback = page.getByRole('group', { name: '回放' });

  await test.step('open the lessons in Chinese', async () => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await page.getByRole('link', { name: '课程', exact: true }).click();
    await page.getByRole('heading', { name: '课程', level: 2 }).waitFor();
    await expect(page.getByRole('list', { name: '内置课程' }).getByRole('article')).toHaveCount(5);
    await saveScreenshot('trainer-lessons-zh');
  });

  await test.step('start the lifecycle lesson and record its playback', async () => {
    await page.getByRole('button', { name: '开始：用户旅程的五个阶段' }).click();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('navigation', { name: '课程步骤' }).waitFor();
    await playback.getByRole('button', { name: '录制回放' }).click();
    await page.waitForFunction(
      () => [...document.querySelectorAll('button')].some((button) => button.textContent?.includes('播放') && !button.disabled && !button.textContent.includes('录制')),
      null,
      { timeout: 60_000 },
    );
  });

  await test.step('play, pause, scrub to day 14', async () => {
    await playback.getByRole('button', { name: '播放', exact: true }).click();
    await page.waitForTimeout(1_500);
    await playback.getByRole('button', { name: '暂停', exact: true }).click();
    const time = playback.getByRole('status', { name: '模拟时间' });
    expect(((await time.textContent()) ?? '').trim(), 'time moved while playing').not.toBe('第 0 天 00:00');
    await playback.getByRole('slider', { name: '天' }).fill('14');
    await time.getByText(/^第 14 天/).waitFor();
    const lifecycle = page.getByRole('list', { name: /^当前（第 14 天/ });
    await lifecycle.waitFor();
    expect(await lifecycle.textContent()).toMatch(/意识.*探索.*决策.*使用.*忠诚/s);
    await saveScreenshot('trainer-playback-zh');
  });

  await test.step('follow a user who converted and read their story', async () => {
    await page.getByRole('tab', { name: '跟随用户' }).click();
    await page.getByRole('button', { name: '一位转化的用户' }).click();
    const story = page.getByRole('list', { name: /号用户的故事$/ });
    await story.getByText(/转化成功/).first().waitFor();
    expect(await story.getByRole('listitem').count(), 'the story has several steps').toBeGreaterThanOrEqual(3);
    await saveScreenshot('trainer-follow-zh');
  });

  await test.step('present the lesson and advance it from the keyboard', async () => {
    await page.getByRole('tab', { name: '课程' }).click();
    await page.getByRole('button', { name: '演示', exact: true }).click();
    expect(await presenting(page)).toBe(true);
    const caption = page.getByRole('region', { name: '课程字幕' });
    await caption.getByText('第 1 步，共 4 步').waitFor();
    await page.keyboard.press('n');
    await caption.getByText('第 2 步，共 4 步').waitFor();
    await saveScreenshot('trainer-presenting-zh');
    await page.keyboard.press('Escape');
    expect(await presenting(page)).toBe(false);
  });

  await test.step('finish the frequency-cap challenge', async () => {
    await page.getByRole('toolbar').getByRole('button', { name: /旅程/ }).first().click();
    await page.getByRole('button', { name: '开始：频次上限：别再轰炸用户' }).click();
    const steps = page.getByRole('navigation', { name: '课程步骤' });
    await steps.getByRole('button', { name: '下一步' }).click();
    await steps.getByRole('button', { name: '下一步' }).click();
    const challenge = page.getByRole('region', { name: '挑战' });
    await challenge.getByRole('button', { name: '检查我的旅程' }).click();
    await challenge.getByText(/尚未完成/).waitFor({ timeout: 60_000 });
    await challenge.getByRole('button', { name: '显示提示' }).click();
    await page.getByRole('region', { name: '试一试' }).getByRole('button', { name: '应用建议' }).click();
    await challenge.getByRole('button', { name: '检查我的旅程' }).click();
    await challenge.getByText('挑战完成：所有条件都满足。').waitFor({ timeout: 60_000 });
    await saveScreenshot('trainer-challenge-zh');
  });
});
