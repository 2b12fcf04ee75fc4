import { localized as t, type Localized } from './i18n';
import { stageNames, stages } from './journey/stages';
import { splitKind } from './journey/kinds/split';

/**
 * The domain glossary (shared/DOMAIN.md): every marketing term Journey Lab uses, named exactly as the
 * rest of the interface names it in both languages (test/core/glossary.test.ts holds the names to the
 * dashboard's labels, the stages and the node kinds), with a short definition and where it shows up.
 */

export const glossaryTermIds = [
  'journey',
  'stages',
  'segment',
  'layering',
  'grouping',
  'clustering',
  'rfm',
  'tag',
  'cohort',
  'touch',
  'conversion',
  'roi',
  'cac',
  'arpu',
  'ltv',
  'churn',
  'winBack',
  'unsubscribes',
  'holdout',
  'lift',
  'abSplit',
  'frequencyCap',
  'quietHours',
  'bgnbd',
] as const;
export type GlossaryTermId = (typeof glossaryTermIds)[number];

export interface GlossaryTerm {
  id: GlossaryTermId;
  name: Localized;
  definition: Localized;
  /** Where the term appears in Journey Lab. */
  inJourneyLab: Localized;
  seeAlso: GlossaryTermId[];
}

const stageList = (lang: keyof Localized) => stages.map((stage) => stageNames[stage][lang]).join(' → ');

const terms: Record<GlossaryTermId, Omit<GlossaryTerm, 'id'>> = {
  journey: {
    name: t('Journey', '用户旅程'),
    definition: t(
      'The path a customer takes with a brand, and the plan that moves them along it: who enters, which touches they get, when, and what counts as success.',
      '用户与品牌之间经历的路径，以及推动用户沿路径前进的计划：谁进入、收到哪些触达、何时触达、怎样才算成功。',
    ),
    inJourneyLab: t('Every canvas is a journey: its nodes are the steps, its edges the paths between them.', '每张画布就是一条用户旅程：节点是步骤，连线是步骤之间的路径。'),
    seeAlso: ['stages', 'touch', 'conversion'],
  },
  stages: {
    name: t('Lifecycle stages', '生命周期阶段'),
    definition: t(
      `The five stages a customer passes through: ${stageList('en')}. Each has its own goal — acquisition, conversion, activation and retention, win-back.`,
      `用户经历的五个阶段：${stageList('zh-CN')}。每个阶段各有目标——拉新、转化、促活与留存、召回。`,
    ),
    inJourneyLab: t(
      'The canvas lanes, each node’s stage, the funnel on the dashboard and the lifecycle strip under trainer playback.',
      '画布上的泳道、每个节点所属的阶段、看板上的漏斗，以及讲解模式回放下方的生命周期条。',
    ),
    seeAlso: ['journey', 'conversion', 'winBack'],
  },
  segment: {
    name: t('Segment', '细分'),
    definition: t(
      'A part of the customers treated alike. Segmenting comes before any personalisation, in three ways: layering, grouping and clustering.',
      '被同等对待的一部分用户。细分先于任何个性化，有三种方式：分层、分组和分群。',
    ),
    inJourneyLab: t(
      'A cohort is made of segments, each with its own attributes, RFM scores, tags and behaviour; branch conditions can test a user’s segment.',
      '模拟人群由若干细分组成，每个细分有自己的属性、RFM 评分、标签和行为；分支条件可以判断用户所属的细分。',
    ),
    seeAlso: ['layering', 'grouping', 'clustering', 'cohort'],
  },
  layering: {
    name: t('Layering', '分层'),
    definition: t(
      'Dividing customers vertically by value or loyalty — RFM scores, member tiers with points and rights. It makes spending efficient: more for the valuable.',
      '按价值或忠诚度纵向划分用户——如 RFM 评分、带积分和权益的会员等级。它提升投入效率：把更多资源给高价值用户。',
    ),
    inJourneyLab: t('Branch conditions on RFM scores or a member-tier attribute.', '基于 RFM 评分或会员等级属性的分支条件。'),
    seeAlso: ['rfm', 'segment'],
  },
  grouping: {
    name: t('Grouping', '分组'),
    definition: t(
      'Dividing customers horizontally by attributes such as region, age band, gender, occupation or device. It improves the fit of each message.',
      '按地区、年龄段、性别、职业、设备等属性横向划分用户，提升每条信息的匹配度。',
    ),
    inJourneyLab: t('Branch conditions on a user’s attributes, and the attributes a cohort’s segments declare.', '基于用户属性的分支条件，以及模拟人群各细分声明的属性。'),
    seeAlso: ['segment', 'clustering'],
  },
  clustering: {
    name: t('Clustering', '分群'),
    definition: t(
      'Dividing customers horizontally by behaviour — browsing, favourites, add-to-cart, purchases, consultations. It keeps scale while targeting intent.',
      '按行为横向划分用户——浏览、收藏、加购、购买、咨询。在保持规模的同时按意图精准触达。',
    ),
    inJourneyLab: t('Entry triggers on events, “did an event N times within…” conditions, and tags set by the journey.', '基于事件的进入触发、“在某段时间内发生某事件 N 次”的条件，以及旅程打上的标签。'),
    seeAlso: ['segment', 'tag'],
  },
  rfm: {
    name: t('RFM', 'RFM'),
    definition: t(
      'Recency (how lately a customer bought), frequency (how often) and monetary value (how much they spent), each scored 1–5 with 5 the best. The classic basis of layering.',
      '最近一次消费（R）、消费频率（F）和消费金额（M），各按 1–5 分评分，5 分最好。是分层最经典的依据。',
    ),
    inJourneyLab: t('Each synthetic user has RFM scores (shown when you follow a user); branch conditions can compare them.', '每个模拟用户都有 RFM 评分（跟随用户时可见）；分支条件可以比较这些评分。'),
    seeAlso: ['layering'],
  },
  tag: {
    name: t('Tag', '标签'),
    definition: t('A label on a customer, set automatically or by hand, that strategies read: “price_sensitive”, “vip”.', '用户身上的标记，可自动或手动设置，供各种策略读取，例如“价格敏感”“VIP”。'),
    inJourneyLab: t('Users start with their segment’s tags; a Tag node adds or removes one; conditions test them.', '用户带着所属细分的标签开始；“标签”节点添加或移除标签；条件可以判断标签。'),
    seeAlso: ['clustering'],
  },
  cohort: {
    name: t('Cohort (synthetic)', '模拟人群'),
    definition: t(
      'An invented population that behaves like real customers — segments with their sizes, attributes, channels and purchase habits — so a plan can be tried before any money is spent.',
      '一群虚构但行为接近真实用户的人群——各细分的规模、属性、渠道和购买习惯——让计划在花钱之前先试跑。',
    ),
    inJourneyLab: t('The Cohorts screen, and the cohort each simulation runs on.', '“模拟人群”页面，以及每次模拟所用的人群。'),
    seeAlso: ['segment', 'bgnbd'],
  },
  touch: {
    name: t('Touch', '触达'),
    definition: t('One contact with a customer on one channel: an SMS, a push, an e-mail, a WeCom message, a call.', '在某个渠道上与用户的一次接触：一条短信、一次推送、一封邮件、一条企业微信消息、一通电话。'),
    inJourneyLab: t('Message nodes send touches; each costs the channel’s price and may be held by the frequency cap or quiet hours.', '消息节点发送触达；每次触达按渠道单价计费，并可能被频次上限或免打扰时段拦下或推迟。'),
    seeAlso: ['frequencyCap', 'quietHours', 'unsubscribes'],
  },
  conversion: {
    name: t('Conversion', '转化'),
    definition: t('A customer doing what the journey is for — usually a purchase. The conversion rate is the share of entered users who did.', '用户完成旅程的目标——通常是购买。转化率是进入旅程的用户中完成目标的比例。'),
    inJourneyLab: t('Goal nodes count conversions; the dashboard shows the conversion rate and the funnel.', '转化目标节点计数转化；看板展示转化率和漏斗。'),
    seeAlso: ['lift', 'cac'],
  },
  roi: {
    name: t('ROI', 'ROI（投资回报率）'),
    definition: t('Return on investment: what the journey earned beyond its cost, per unit of cost. (revenue − cost) ÷ cost.', '投资回报率：旅程在成本之外多赚的钱与成本之比。（收入 − 成本）÷ 成本。'),
    inJourneyLab: t('A dashboard card, and the “Why?” tab in trainer mode with this run’s numbers.', '看板上的指标卡，以及讲解模式“为什么？”页中代入本次数字的公式。'),
    seeAlso: ['cac', 'arpu'],
  },
  cac: {
    name: t('CAC', 'CAC（获客成本）'),
    definition: t('Customer acquisition cost: what one converted customer cost. cost ÷ converted users.', '获客成本：每获得一位转化用户所花的钱。成本 ÷ 转化用户数。'),
    inJourneyLab: t('A dashboard card; compare it with LTV.', '看板上的指标卡；应与 LTV 对比。'),
    seeAlso: ['ltv', 'roi'],
  },
  arpu: {
    name: t('ARPU', 'ARPU（人均收入）'),
    definition: t('Average revenue per user: revenue ÷ users who entered the journey.', '人均收入：收入 ÷ 进入旅程的用户数。'),
    inJourneyLab: t('A dashboard card.', '看板上的指标卡。'),
    seeAlso: ['ltv', 'roi'],
  },
  ltv: {
    name: t('LTV', 'LTV（客户终身价值）'),
    definition: t(
      'Lifetime value: what a customer spends over their life with the brand. A journey pays when LTV is well above CAC.',
      '客户终身价值：用户在与品牌的整个关系中消费的金额。LTV 明显高于 CAC 时，旅程才划算。',
    ),
    inJourneyLab: t('A dashboard card: converted users’ spend from the converting order to the horizon, per converted user.', '看板上的指标卡：转化用户从转化订单到模拟期结束的消费，按转化用户平均。'),
    seeAlso: ['cac', 'arpu'],
  },
  churn: {
    name: t('Churn', '流失'),
    definition: t('A customer stopping buying for good. Churn warnings and win-back journeys try to prevent or reverse it.', '用户永久不再购买。流失预警和召回旅程试图预防或挽回流失。'),
    inJourneyLab: t('Synthetic users drop out as the BG/NBD model says; the dashboard counts them; “a user who churned” can be followed.', '模拟用户按 BG/NBD 模型流失；看板统计流失人数；可以跟随“一位流失的用户”。'),
    seeAlso: ['bgnbd', 'winBack'],
  },
  winBack: {
    name: t('Win-back', '召回'),
    definition: t('Bringing back churned or at-risk customers, with a treatment that fits why they left (e.g. a coupon for price-sensitive users).', '把已流失或有流失风险的用户拉回来，按流失原因对症下药（例如给价格敏感用户发券）。'),
    inJourneyLab: t('The churn win-back template.', '“流失召回”模板。'),
    seeAlso: ['churn', 'tag'],
  },
  unsubscribes: {
    name: t('Unsubscribes', '退订'),
    definition: t('Customers opting out of a channel — the price of touching them too often or with the wrong message.', '用户退订某个渠道——触达过于频繁或内容不对的代价。'),
    inJourneyLab: t('A dashboard card and the per-channel table; an unsubscribed user is no longer reachable there.', '看板上的指标卡和分渠道表格；退订后的用户在该渠道不再可触达。'),
    seeAlso: ['frequencyCap', 'touch'],
  },
  holdout: {
    name: t('Holdout (control group)', '对照组'),
    definition: t(
      'A random share of users who get nothing from the journey, so that comparing the others with them shows the journey’s true, incremental effect.',
      '随机选出、不接受旅程任何触达的一部分用户；把其他用户与他们对比，才能看出旅程真实的增量效果。',
    ),
    inJourneyLab: t('A variant of an A/B split marked as holdout; lift is measured against it.', 'A/B 分流中被标为对照组的一组；提升相对它计算。'),
    seeAlso: ['lift', 'abSplit'],
  },
  lift: {
    name: t('Lift vs holdout', '相对对照组的提升'),
    definition: t(
      'How much more often treated users converted than the holdout, in percentage points: what the journey caused, not what would have happened anyway.',
      '实验组比对照组多出的转化率（百分点）：这是旅程带来的效果，而不是本来就会发生的转化。',
    ),
    inJourneyLab: t('A dashboard card when the journey has a holdout.', '旅程设有对照组时看板上的指标卡。'),
    seeAlso: ['holdout', 'conversion'],
  },
  abSplit: {
    name: splitKind.name,
    definition: t(
      'Dividing users at random, by weight, into variants that get different treatment, to learn which works better.',
      '按权重把用户随机分成几组，给予不同的处理，从而了解哪种做法更好。',
    ),
    inJourneyLab: t('The A/B split node; the dashboard compares its arms.', '“A/B 分流”节点；看板会比较各组的结果。'),
    seeAlso: ['holdout', 'lift'],
  },
  frequencyCap: {
    name: t('Frequency cap', '频次上限'),
    definition: t(
      'The most touches one customer may receive in a window, across all channels, so that non-responders are not bombarded until they leave.',
      '一位用户在一个时间窗口内（所有渠道合计）最多收到的触达次数，避免未响应的用户被反复轰炸直到离开。',
    ),
    inJourneyLab: t('The journey settings; touches over it are held back, and “a user the cap protected” can be followed.', '旅程设置中；超出上限的触达会被拦下，可以跟随“一位被频次上限保护的用户”。'),
    seeAlso: ['touch', 'unsubscribes', 'quietHours'],
  },
  quietHours: {
    name: t('Quiet hours', '免打扰时段'),
    definition: t('Hours of the day when no touch is sent — usually the night; touches wait until they end.', '一天中不发送任何触达的时段——通常是夜间；期间的触达会顺延到时段结束。'),
    inJourneyLab: t('The journey settings, and the shaded hours of the dashboard’s hourly chart.', '旅程设置中，以及看板每小时图表中的阴影时段。'),
    seeAlso: ['frequencyCap', 'touch'],
  },
  bgnbd: {
    name: t('BG/NBD', 'BG/NBD'),
    definition: t(
      'Beta-geometric / negative binomial distribution: a standard model of repeat buying in which each customer buys at their own rate until, after some purchase, they drop out for good.',
      'Beta 几何 / 负二项分布模型：一种经典的重复购买模型，每位用户按自己的频率购买，直到某次购买后永久流失。',
    ),
    inJourneyLab: t('How synthetic users buy and churn; the Cohorts screen shows each segment’s parameters.', '模拟用户购买与流失的方式；“模拟人群”页面展示各细分的参数。'),
    seeAlso: ['churn', 'cohort'],
  },
};

export const glossary: readonly GlossaryTerm[] = glossaryTermIds.map((id) => ({ id, ...terms[id] }));

export const glossaryTerm = (id: GlossaryTermId): GlossaryTerm => ({ id, ...terms[id] });

export function isGlossaryTermId(value: unknown): value is GlossaryTermId {
  return typeof value === 'string' && (glossaryTermIds as readonly string[]).includes(value);
}

const kindTerms: Record<string, GlossaryTermId[]> = {
  entry: ['journey', 'stages', 'clustering'],
  message: ['touch', 'frequencyCap', 'quietHours', 'unsubscribes'],
  offer: ['touch', 'roi', 'cac'],
  wait: ['journey'],
  waitForEvent: ['clustering', 'conversion'],
  branch: ['segment', 'layering', 'grouping', 'clustering', 'rfm'],
  split: ['abSplit', 'holdout', 'lift'],
  tag: ['tag', 'clustering'],
  goal: ['conversion', 'roi', 'ltv'],
  exit: ['journey', 'churn'],
};

/** The glossary terms a node kind rests on (the lifecycle stages for any kind not listed). */
export const termsOfKind = (kind: string): GlossaryTermId[] => kindTerms[kind] ?? ['stages'];
