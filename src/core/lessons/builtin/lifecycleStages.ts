import { localized as t } from '../../i18n';
import type { LessonInput } from '../schema';

export const lifecycleStagesLesson: LessonInput = {
  format: 'journey-lab-lesson',
  schemaVersion: 1,
  id: 'lifecycle-stages',
  title: t('The five lifecycle stages', '用户旅程的五个阶段'),
  summary: t(
    'Follow a new user from registration to first order and see how each step of a journey belongs to a stage: awareness, exploration, decision, usage, loyalty.',
    '跟随一位新用户从注册走到首单，看清旅程中的每一步分别属于哪个阶段：意识、探索、决策、使用、忠诚。',
  ),
  journey: { template: 'welcome-new-user' },
  cohort: 'ecommerce',
  users: 2000,
  seed: 1,
  steps: [
    {
      title: t('Awareness: the first impression', '意识：第一印象'),
      text: t(
        'A journey is drawn in five lanes, one per stage. The welcome journey starts in awareness: the user has just registered, gets a newcomer coupon and sees a welcome pop-up. Nothing is sold yet; the goal is to be noticed and remembered.',
        '旅程画布按阶段分成五条泳道。新人欢迎旅程从“意识”阶段开始：用户刚完成注册，获得新人券并看到欢迎弹窗。这时还谈不上成交，目标是让用户注意到我们、记住我们。',
      ),
      focus: ['registered', 'newcomerCoupon', 'welcome'],
      lookAt: [{ target: 'stagePopulation', stage: 'awareness', text: t('Users pass through awareness almost at once: it holds them for minutes, not days.', '用户几乎立刻穿过“意识”阶段：在这里停留的是几分钟，而不是几天。') }],
    },
    {
      title: t('Exploration: a nudge on a channel that reaches', '探索：用能触达的渠道轻推一把'),
      text: t(
        'Users who have not ordered after three days are exploring: they look around but do not commit. The journey nudges them on the channel most likely to reach them: push if they have opened the app in those three days, SMS otherwise, which reaches almost everyone.',
        '注册三天仍未下单的用户处在“探索”阶段：他们在逛，却还没下决心。旅程按最可能触达的渠道提醒他们：这三天内打开过 App 的发 App 推送，否则发几乎人人可达的短信。',
      ),
      focus: ['orders3d', 'usesApp', 'pushNudge', 'smsNudge'],
      lookAt: [
        { target: 'channels', text: t('Compare what push and SMS cost and how many users each reaches.', '比较推送和短信各自的成本与触达人数。') },
        { target: 'nodeUsers', node: 'smsNudge', text: t('How many users had not opened the app, and got an SMS instead?', '有多少用户没打开过 App、改收短信？') },
      ],
    },
    {
      title: t('Decision: the deadline', '决策：截止时间'),
      text: t(
        'The coupon expiry is a natural deadline. The day before it, an official-account message reminds the user; this is the decision stage, where a clear reason to act now matters most.',
        '新人券的到期日是天然的截止时间。到期前一天，公众号消息提醒用户；这就是“决策”阶段，此时最需要一个“现在就行动”的明确理由。',
      ),
      focus: ['orders3dMore', 'expiryReminder', 'lastDay'],
      lookAt: [{ target: 'funnel', text: t('See how many users are still undecided when the reminder goes out.', '看看提醒发出时还有多少用户没做决定。') }],
      tryThis: {
        text: t('Give users longer before the first nudge: wait five days instead of three, and see whether conversion changes.', '让用户多一些时间再提醒：把首次等待从 3 天改为 5 天，看看转化率是否变化。'),
        edits: [{ type: 'setParam', node: 'orders3d', param: 'timeout', value: 'P5D' }],
      },
    },
    {
      title: t('Usage, and the road to loyalty', '使用，以及通往忠诚的路'),
      text: t(
        'The first order moves the user into usage: the journey counts it as a conversion and tags the buyer, so the next journey (repeat purchase, member tiers) can pick them up. Loyalty is a later journey’s job; a lifecycle is a chain of journeys, each moving users one stage on.',
        '首单让用户进入“使用”阶段：旅程把它计为转化，并给用户打上标签，方便下一段旅程（复购、会员升级）接手。“忠诚”是后续旅程的任务；完整的生命周期是一串旅程，每一段都把用户往前推进一个阶段。',
      ),
      focus: ['firstOrder', 'tagBuyer', 'done'],
      lookAt: [
        { target: 'conversionRate', text: t('The share of new users who placed a first order within the journey.', '在旅程中完成首单的新用户占比。') },
        { target: 'stagePopulation', stage: 'usage', text: t('Watch the usage lane fill up day by day.', '观察“使用”泳道的人数如何逐日增加。') },
      ],
    },
  ],
};
