import type { Lang } from '../core/i18n';
import type { TouchOutcome } from '../core/sim/engine/trace';
import { cohortPresets } from '../core/cohort/presets/index';

/** The texts of `journey-lab simulate`: usage, the summary's labels and the trace's descriptions. */

export const DEFAULT_PRESET = 'ecommerce';
const presetList = cohortPresets.map((preset) => preset.id).join(', ');

const en = {
  usage: `Usage: journey-lab simulate JOURNEY [--cohort FILE | --preset NAME] [--users N] [--seed S]
         [--engine fast|reference] [--workers K] [--replications R] [--json] [--trace USER_ID]
         [--lang en|zh-CN]

Runs a journey (.journey.json) on a synthetic cohort and prints a forecast: users entered and
converted with the conversion rate's 95 % interval, purchases, revenue, cost (touches by channel,
offers), ROI, CAC, ARPU, LTV, churn, unsubscribes, touches per channel, counts per step, goals and
the lift of A/B split arms against a holdout. Money is in the journey's currency.

Options:
  --cohort FILE            A cohort spec (JSON, see docs/cohort-format.md).
  --preset NAME            A ready cohort: ${presetList}. Default: ${DEFAULT_PRESET}.
  --users N                Users to simulate (default: the cohort's size).
  --seed S                 Random seed, a whole number (default 1). The same seed gives the same
                           output whatever the number of workers.
  --engine fast|reference  fast (default): the compiled plan; reference: the XState machine itself,
                           slower, same semantics.
  --workers K              Worker threads to spread the users over (default 1: this thread).
  --replications R         Run R times with seeds S, S+1, …; figures are means over the runs and
                           intervals t intervals (default 1: Wilson and Newcombe intervals).
  --json                   Print the report as JSON; with --trace, { "report", "trace" }.
  --trace USER_ID          Also print one user's path (users are numbered from 0), one line per
                           step, at times such as d3 14:05 (days and hours:minutes after launch).
  --lang en|zh-CN          Language of the summary and messages.

FILE may be "-" to read standard input. Exit status: 0 when the simulation ran; 1 when the journey,
the cohort or the settings have problems (each printed with its code and location) or the journey
loops without time passing; 2 for bad arguments, a file that cannot be read or is not JSON, or a run
that failed (simulation-failed).`,
  bothCohorts: 'Give either --cohort or --preset, not both.',
  unknownPreset: (name: string) => `No cohort preset "${name}". Presets: ${presetList}`,
  badNumber: (option: string, value: string) => `--${option} needs a number, not "${value}".`,
  badWorkers: (value: string) => `--workers needs a whole number from 1 to 256, not "${value}".`,
  badTraceUser: (value: string) => `--trace needs a user number (0 or more), not "${value}".`,
  badEngine: (value: string) => `--engine is fast or reference, not "${value}".`,
  traceOutside: (user: number, users: number) => `User ${user} is not in the run (users are 0 to ${users - 1}).`,
  refused: 'The simulation cannot run:',
  failed: 'The simulation stopped:',
  progress: 'Simulating',
  // Summary
  title: (journey: string, cohort: string) => `${journey} · cohort ${cohort}`,
  runLine: (users: string, engine: string, seed: number, replications: number, days: string) =>
    `${users} users · ${engine} engine · ${replications === 1 ? `seed ${seed}` : `seeds ${seed}–${seed + replications - 1}`} · ${replications} replication${replications === 1 ? '' : 's'} · horizon ${days} days`,
  meansNote: (replications: number) => `Counts and money are means over the ${replications} replications.`,
  results: 'Results',
  entered: 'Entered',
  enteredValue: (users: string, share: string, entries: string) => `${users} users (${share} of the cohort), ${entries} entries`,
  converted: 'Converted',
  convertedValue: (users: string, rate: string) => `${users} users · conversion rate ${rate}`,
  purchases: 'Purchases',
  purchasesValue: (journey: string, all: string) => `${journey} by users while in the journey (${all} by all users)`,
  revenue: 'Revenue',
  revenueValue: (journey: string, all: string) => `${journey} from users while in the journey (${all} from all users)`,
  cost: 'Cost',
  costValue: (total: string, touches: string, byChannel: string, offers: string, granted: string, redeemed: string) =>
    `${total}: touches ${touches}${byChannel ? ` (${byChannel})` : ''}, offers ${offers} (${granted} granted, ${redeemed} redeemed)`,
  roi: 'ROI',
  cac: 'CAC',
  cacValue: (value: string) => `${value} per converted user`,
  arpu: 'ARPU',
  arpuValue: (value: string) => `${value} per user who entered`,
  ltv: 'LTV',
  ltvValue: (value: string) => `${value} per converted user over the horizon`,
  churned: 'Churned',
  churnedValue: (users: string, entered: string) => `${users} users stopped buying (${entered} of them entered)`,
  unsubscribes: 'Unsubscribes',
  none: 'none',
  deadEnds: 'Dead ends',
  deadEndsValue: (users: string) => `${users} users left through an unconnected port`,
  interval: (low: string, high: string) => `95 % CI ${low} – ${high}`,
  touches: 'Touches',
  channel: 'channel',
  sent: 'sent',
  suppressed: 'suppressed',
  unreachable: 'unreachable',
  optedOut: 'opted out',
  opened: 'opened',
  clicked: 'clicked',
  peakDay: 'peak day',
  dayCount: (day: number, count: string) => `day ${day} (${count})`,
  noTouches: 'No touches were sent.',
  peak: (day: number, sends: string) => `Busiest day: day ${day} with ${sends} touches sent (day 0 is launch day).`,
  quietHours: (deferred: string, dropped: string) => `Quiet hours: ${deferred} touches held until they ended, ${dropped} dropped (past the horizon).`,
  steps: 'Steps',
  step: 'step',
  label: 'label',
  entries: 'entries',
  users: 'users',
  ports: 'ports',
  goals: 'Goals',
  goalValue: (users: string, rate: string, interval: string) => `${users} users · ${rate} of those who entered${interval ? ` (${interval})` : ''}`,
  split: (id: string) => `A/B split ${id}`,
  arm: 'arm',
  holdout: 'holdout',
  assigned: 'assigned',
  convertedColumn: 'converted',
  costColumn: 'cost',
  conversion: 'conversion (95 % CI)',
  armRevenue: 'revenue',
  lift: (difference: string, treated: string, holdout: string, interval: string) =>
    `Lift vs holdout: ${difference} (treated ${treated}, holdout ${holdout}${interval ? `; ${interval}` : ''})`,
  incremental: (revenue: string, roi: string) => `Incremental revenue ${revenue} beyond what the holdout shows users buy anyway; incremental ROI ${roi}`,
  points: 'pts',
  // Trace
  nodeName: (id: string, label: string) => (label && label !== id ? `${id} “${label}”` : id),
  traceTitle: (user: number, steps: number) => `Path of user ${user} (${steps} steps):`,
  traceEmpty: (user: number) => `User ${user} never entered the journey and had no events within the horizon.`,
  traceEnter: (node: string, visit: number) => `enters ${node}${visit > 1 ? ` (visit ${visit})` : ''}`,
  tracePort: (node: string, port: string) => `leaves ${node} by “${port}”`,
  traceEvent: (event: string, detail: string) => `event: ${event}${detail ? ` (${detail})` : ''}`,
  traceTouch: (channel: string, node: string, outcome: string) => `${channel} touch from ${node}: ${outcome}`,
  touchOutcomes: {
    sent: 'sent',
    suppressed: 'suppressed by the frequency cap',
    unreachable: 'not delivered, the user cannot be reached on this channel',
    'opted-out': 'not delivered, the user unsubscribed from this channel',
    deferred: 'held until quiet hours end',
    dropped: 'dropped, quiet hours end after the horizon',
  } satisfies Record<TouchOutcome, string>,
  traceOffer: (node: string, value: string) => `gets the offer of ${node}, worth ${value}`,
  traceRedeem: (node: string, value: string) => `redeems the offer of ${node}, worth ${value}`,
  traceGoal: (node: string, goal: string) => `reaches the goal ${goal} at ${node}`,
  traceExit: (node: string, reason: string) => `leaves the journey at ${node}${reason ? `: ${reason}` : ''}`,
  traceDeadEnd: 'leaves the journey through an unconnected port',
  traceTag: (node: string, tag: string, present: boolean) => `${present ? 'gets' : 'loses'} the tag ${tag} at ${node}`,
  traceAttribute: (node: string, attribute: string, value: string) => `attribute ${attribute} set to ${value} at ${node}`,
  traceChurn: 'stops buying for good (churned)',
};

const zh: typeof en = {
  usage: `用法：journey-lab simulate JOURNEY [--cohort FILE | --preset NAME] [--users N] [--seed S]
         [--engine fast|reference] [--workers K] [--replications R] [--json] [--trace USER_ID]
         [--lang en|zh-CN]

在模拟人群上运行旅程（.journey.json）并输出预测：进入和转化的用户数及转化率的 95% 置信区间、
购买次数、收入、成本（按渠道的触达成本和优惠券成本）、ROI、获客成本、ARPU、LTV、流失、退订、
各渠道触达、各节点的计数、目标，以及 A/B 分流各方案相对对照组的增量。金额使用旅程设定的币种。

选项：
  --cohort FILE            人群设定文件（JSON，见 docs/cohort-format.md）。
  --preset NAME            预设人群：${presetList}。默认 ${DEFAULT_PRESET}。
  --users N                模拟的用户数（默认：人群设定的规模）。
  --seed S                 随机种子，整数（默认 1）。种子相同，无论使用多少个工作线程，输出都相同。
  --engine fast|reference  fast（默认）：编译后的执行计划；reference：直接运行 XState 状态机，
                           较慢，语义相同。
  --workers K              分摊用户的工作线程数（默认 1：在当前线程运行）。
  --replications R         以种子 S、S+1、… 重复运行 R 次；各项数字取平均，区间为 t 区间
                           （默认 1：Wilson 和 Newcombe 区间）。
  --json                   以 JSON 输出报告；同时使用 --trace 时输出 { "report", "trace" }。
  --trace USER_ID          另外逐步输出一个用户的路径（用户从 0 开始编号），每步一行，时间形如
                           d3 14:05（上线后第几天及时:分）。
  --lang en|zh-CN          摘要和提示的语言。

FILE 为 "-" 时从标准输入读取。退出码：模拟完成为 0；旅程、人群设定或模拟参数有问题（逐条输出代码
和位置），或旅程在同一时刻无限循环时为 1；参数错误、文件无法读取或不是 JSON，或模拟运行失败
（simulation-failed）时为 2。`,
  bothCohorts: '--cohort 和 --preset 只能二选一。',
  unknownPreset: (name) => `没有预设人群「${name}」。可用预设：${presetList}`,
  badNumber: (option, value) => `--${option} 需要一个数字，而不是「${value}」。`,
  badWorkers: (value) => `--workers 需要 1 到 256 之间的整数，而不是「${value}」。`,
  badTraceUser: (value) => `--trace 需要用户编号（0 或以上），而不是「${value}」。`,
  badEngine: (value) => `--engine 只能是 fast 或 reference，而不是「${value}」。`,
  traceOutside: (user, users) => `用户 ${user} 不在本次模拟中（用户编号为 0 到 ${users - 1}）。`,
  refused: '无法运行模拟：',
  failed: '模拟已中止：',
  progress: '模拟中',
  title: (journey, cohort) => `${journey} · 人群 ${cohort}`,
  runLine: (users, engine, seed, replications, days) =>
    `${users} 名用户 · ${engine} 引擎 · 种子 ${seed}${replications > 1 ? `–${seed + replications - 1}` : ''} · 重复 ${replications} 次 · 模拟时长 ${days} 天`,
  meansNote: (replications) => `人数和金额为 ${replications} 次重复的平均值。`,
  results: '结果',
  entered: '进入旅程',
  enteredValue: (users, share, entries) => `${users} 人（占人群 ${share}），共进入 ${entries} 次`,
  converted: '转化',
  convertedValue: (users, rate) => `${users} 人 · 转化率 ${rate}`,
  purchases: '购买',
  purchasesValue: (journey, all) => `用户在旅程中购买 ${journey} 次（全部用户 ${all} 次）`,
  revenue: '收入',
  revenueValue: (journey, all) => `用户在旅程中贡献 ${journey}（全部用户 ${all}）`,
  cost: '成本',
  costValue: (total, touches, byChannel, offers, granted, redeemed) =>
    `${total}：触达 ${touches}${byChannel ? `（${byChannel}）` : ''}，优惠 ${offers}（发放 ${granted} 张，核销 ${redeemed} 张）`,
  roi: 'ROI',
  cac: '获客成本',
  cacValue: (value) => `每个转化用户 ${value}`,
  arpu: 'ARPU',
  arpuValue: (value) => `每个进入旅程的用户 ${value}`,
  ltv: 'LTV',
  ltvValue: (value) => `模拟时长内每个转化用户 ${value}`,
  churned: '流失',
  churnedValue: (users, entered) => `${users} 人不再购买（其中 ${entered} 人进入过旅程）`,
  unsubscribes: '退订',
  none: '无',
  deadEnds: '断头路',
  deadEndsValue: (users) => `${users} 人从未连接的出口离开`,
  interval: (low, high) => `95% 置信区间 ${low} – ${high}`,
  touches: '触达',
  channel: '渠道',
  sent: '已发送',
  suppressed: '被抑制',
  unreachable: '不可达',
  optedOut: '已退订',
  opened: '打开',
  clicked: '点击',
  peakDay: '高峰日',
  dayCount: (day, count) => `第 ${day} 天（${count}）`,
  noTouches: '没有发送任何触达。',
  peak: (day, sends) => `发送最多的一天：第 ${day} 天，发送 ${sends} 次触达（上线当天为第 0 天）。`,
  quietHours: (deferred, dropped) => `免打扰时段：${deferred} 次触达延后到时段结束发送，${dropped} 次因超出模拟时长被丢弃。`,
  steps: '节点',
  step: '节点',
  label: '名称',
  entries: '进入次数',
  users: '人数',
  ports: '出口',
  goals: '目标',
  goalValue: (users, rate, interval) => `${users} 人 · 占进入旅程用户的 ${rate}${interval ? `（${interval}）` : ''}`,
  split: (id) => `A/B 分流 ${id}`,
  arm: '方案',
  holdout: '对照组',
  assigned: '分配人数',
  convertedColumn: '转化人数',
  costColumn: '成本',
  conversion: '转化率（95% 置信区间）',
  armRevenue: '收入',
  lift: (difference, treated, holdout, interval) => `相对对照组的增量：${difference}（实验组 ${treated}，对照组 ${holdout}${interval ? `；${interval}` : ''}）`,
  incremental: (revenue, roi) => `增量收入 ${revenue}（扣除对照组显示的用户自然购买）；增量 ROI ${roi}`,
  points: '个百分点',
  nodeName: (id, label) => (label && label !== id ? `${id}「${label}」` : id),
  traceTitle: (user, steps) => `用户 ${user} 的路径（${steps} 步）：`,
  traceEmpty: (user) => `用户 ${user} 在模拟时长内没有进入旅程，也没有任何事件。`,
  traceEnter: (node, visit) => `进入 ${node}${visit > 1 ? `（第 ${visit} 次）` : ''}`,
  tracePort: (node, port) => `经「${port}」离开 ${node}`,
  traceEvent: (event, detail) => `事件：${event}${detail ? `（${detail}）` : ''}`,
  traceTouch: (channel, node, outcome) => `${channel}触达（${node}）：${outcome}`,
  touchOutcomes: {
    sent: '已发送',
    suppressed: '因频次上限被抑制',
    unreachable: '未送达，用户在该渠道不可达',
    'opted-out': '未送达，用户已退订该渠道',
    deferred: '处于免打扰时段，延后到时段结束发送',
    dropped: '已丢弃，免打扰时段结束时已超出模拟时长',
  },
  traceOffer: (node, value) => `获得 ${node} 的优惠，价值 ${value}`,
  traceRedeem: (node, value) => `核销 ${node} 的优惠，价值 ${value}`,
  traceGoal: (node, goal) => `在 ${node} 达成目标 ${goal}`,
  traceExit: (node, reason) => `在 ${node} 离开旅程${reason ? `：${reason}` : ''}`,
  traceDeadEnd: '从未连接的出口离开旅程',
  traceTag: (node, tag, present) => `在 ${node} ${present ? '打上' : '移除'}标签 ${tag}`,
  traceAttribute: (node, attribute, value) => `在 ${node} 将属性 ${attribute} 设为 ${value}`,
  traceChurn: '不再购买（流失）',
};

export type SimulateMessages = typeof en;
export const simulateMessages: Record<Lang, SimulateMessages> = { en, 'zh-CN': zh };
