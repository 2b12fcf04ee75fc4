import { z } from 'zod';
import { grouped, localized, type Localized } from '../i18n';
import { pathText } from '../journey/problems';
import { channels } from '../journey/channels';
import { rfmDimensions } from '../journey/condition';
import { idSchema } from '../journey/schema';
import { eventNameSchema } from '../journey/events';
import { isPlainObject, plainPath, localizeIssue, zodMessage } from '../journey/zodMessages';
import { bySeverity, type Problem, type ProblemDefinition } from '../journey/problems';
import { migrateCohort } from './migrations';
import { COHORT_SCHEMA_VERSION, OLDEST_COHORT_SCHEMA_VERSION } from './version';
import { MAX_DURATION_DAYS, MAX_LABEL_CHARS, MAX_USERS } from '../journey/limits';
import { limitOfIssue, listedIssues, measureDocument } from '../journey/limitChecks';

/**
 * The synthetic cohort (模拟人群) a journey is simulated on: how many users, which segments with which
 * shares, and per segment the distributions of attributes, RFM scores, tags and channel reach, plus the
 * numbers the behaviour model reads (purchase rates, order values, responses to touches). The spec
 * holds numbers only; src/core/cohort/generate.ts turns it into users, and the behaviour model the
 * numbers into events. Documented field by field in docs/cohort-format.md.
 */

/**
 * The cohort format version this build reads and writes: 2 (defined beside the migrations in
 * cohortMigrations.ts, which bring a v1 spec up to it). A newer one is refused with both versions named.
 */
export { COHORT_SCHEMA_VERSION };

// ---------------------------------------------------------------------------------------------------
// Building blocks

const probability = z
  .number()
  .min(0, zodMessage('Probabilities are between 0 and 1 (e.g. 0.25 for 25 %)', '概率取值在 0 到 1 之间（例如 0.25 表示 25%）'))
  .max(1, zodMessage('Probabilities are between 0 and 1 (e.g. 0.25 for 25 %)', '概率取值在 0 到 1 之间（例如 0.25 表示 25%）'));

const percent = z
  .number()
  .min(0, zodMessage('Shares are percentages from 0 to 100', '占比是 0 到 100 之间的百分数'))
  .max(100, zodMessage('Shares are percentages from 0 to 100', '占比是 0 到 100 之间的百分数'));

const positive = z.number().positive(zodMessage('Must be greater than 0', '必须大于 0'));

const nameText = z.string().min(1).max(MAX_LABEL_CHARS);

/** Text a person reads: one string, or the same text in both languages. */
export const localizedTextSchema = z
  .union([nameText, z.strictObject({ en: nameText, 'zh-CN': nameText })])
  .meta({ description: 'A plain string, or { "en": …, "zh-CN": … } to give the text in both languages.' });
export type LocalizedText = z.output<typeof localizedTextSchema>;

const descriptionText = z.union([z.string().max(5000), z.strictObject({ en: z.string().max(5000), 'zh-CN': z.string().max(5000) })]);

/** The text in one language (a plain string is the same in both). */
/** Attribute names are what journey conditions compare: snake_case, like "member_tier". */
export const attributeNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, zodMessage('Attribute names are snake_case, e.g. "member_tier"', '属性名使用小写加下划线，例如 "member_tier"'));

export const tagNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_:-]{0,63}$/, zodMessage('Tags are 1–64 letters, digits, "_", ":" or "-", e.g. "price_sensitive"', '标签由 1–64 个字母、数字、"_"、":" 或 "-" 组成，例如 "price_sensitive"'));

const attributeValue = z.union([z.string().min(1).max(100), z.number(), z.boolean()]);
export type AttributeValue = z.output<typeof attributeValue>;

/** Shares in percent per value of a categorical attribute; keys are the values as text ("true", "3"). */
const sharesSchema = z
  .record(z.string(), percent)
  .meta({ description: 'Percentage of users per value, keyed by the value as text; adds up to 100.' });

export const numericDistributionSchema = z
  .strictObject({
    mean: z.number().meta({ description: 'Mean of the normal distribution values are drawn from.' }),
    sd: z.number().min(0, zodMessage('A standard deviation cannot be negative', '标准差不能为负数')).meta({ description: 'Its standard deviation (0 gives every user the mean).' }),
  })
  .meta({ description: 'Normal distribution of a numeric attribute; draws are clamped to the declared range (and rounded when it is integer).' });
export type NumericDistribution = z.output<typeof numericDistributionSchema>;

export const attributeDeclarationSchema = z
  .strictObject({
    name: localizedTextSchema.optional().meta({ description: 'What operators call the attribute; the key is used when absent.' }),
    values: z
      .array(attributeValue)
      .min(1)
      .optional()
      .meta({ description: 'Categorical attribute: the values it can take (strings, numbers or booleans). Give either values or numeric.' }),
    shares: sharesSchema
      .optional()
      .meta({ description: 'Categorical only: the distribution of users whose segment does not give its own, in percent per value.' }),
    numeric: z
      .strictObject({
        min: z.number().meta({ description: 'Smallest value.' }),
        max: z.number().meta({ description: 'Largest value.' }),
        integer: z.boolean().default(false).meta({ description: 'Round draws to whole numbers.' }),
      })
      .optional()
      .meta({ description: 'Numeric attribute: its range. Give either values or numeric.' }),
    normal: numericDistributionSchema
      .optional()
      .meta({ description: 'Numeric only: the distribution of users whose segment does not give its own.' }),
  })
  .meta({ description: 'Declares one attribute: its values (categorical) or range (numeric), and optionally a cohort-wide distribution.' });
export type AttributeDeclaration = z.output<typeof attributeDeclarationSchema>;

const uniformRfm = [20, 20, 20, 20, 20] as const;
const rfmShares = z
  .tuple([percent, percent, percent, percent, percent])
  .default([...uniformRfm])
  .meta({ description: 'Percentage of users with score 1, 2, 3, 4 and 5 (5 = most recent / most frequent / highest spend); adds up to 100.' });

export const rfmDistributionSchema = z
  .strictObject({ recency: rfmShares, frequency: rfmShares, monetary: rfmShares })
  .prefault({})
  .meta({ description: 'Distribution of RFM scores, independently per dimension; uniform when left out.' });
export type RfmDistribution = z.output<typeof rfmDistributionSchema>;

export const purchaseParamsSchema = z
  .strictObject({
    r: positive.meta({ description: 'BG/NBD: shape of the gamma distribution of purchase rates across users.' }),
    alpha: positive.meta({ description: 'BG/NBD: rate parameter of that gamma distribution, in days (mean purchase rate while active = r / alpha per day).' }),
    a: positive.meta({ description: 'BG/NBD: first shape of the beta distribution of the chance of dropping out after a purchase.' }),
    b: positive.meta({ description: 'BG/NBD: second shape (mean drop-out chance per purchase = a / (a + b)).' }),
  })
  .meta({ description: 'BG/NBD purchase model (Fader, Hardie & Lee 2005), with time in days.' });
export type PurchaseParams = z.output<typeof purchaseParamsSchema>;

export const orderValueParamsSchema = z
  .strictObject({
    p: positive.meta({ description: 'Gamma-gamma: shape of the spend of one order around the user’s own mean.' }),
    q: z
      .number()
      .gt(1, zodMessage('q must be greater than 1, or the mean order value is infinite', 'q 必须大于 1，否则平均订单金额为无穷大'))
      .meta({ description: 'Gamma-gamma: shape of the distribution of users’ mean spend (must exceed 1).' }),
    gamma: positive.meta({ description: 'Gamma-gamma: rate parameter of the distribution of users’ spend level, in yuan (mean order value = p × gamma / (q − 1)).' }),
  })
  .meta({ description: 'Gamma-gamma order value model (Fader, Hardie & Lee 2005), values in yuan.' });
export type OrderValueParams = z.output<typeof orderValueParamsSchema>;

export const channelResponseSchema = z
  .strictObject({
    open: probability.meta({ description: 'Chance that a delivered touch is opened (read, tapped, answered).' }),
    click: probability.meta({ description: 'Chance that an opened touch is clicked through (conditional on the open).' }),
    unsubscribe: probability.meta({ description: 'Chance that a delivered touch makes the user opt out of the channel.' }),
  })
  .meta({ description: 'How the segment responds to one touch on a channel.' });
export type ChannelResponse = z.output<typeof channelResponseSchema>;

/**
 * Events the behaviour model makes itself, so a segment cannot give them a rate: purchases come from
 * the BG/NBD model, opens, clicks and unsubscribes from responses to touches. (`visit` is not one:
 * clicks cause visits too, and a rate adds the visits users make unprompted.)
 */
export const modelledEvents = ['purchase', 'open', 'click', 'unsubscribe'] as const;
export type ModelledEvent = (typeof modelledEvents)[number];

export const eventRateSchema = z
  .strictObject({
    perDay: z
      .number()
      .min(0, zodMessage('A rate per day cannot be negative', '每天的发生率不能为负数'))
      .meta({ description: 'Mean number of times a day a user of the segment does the event (0 = never).' }),
  })
  .meta({ description: 'The rate of one behaviour event.' });
export type EventRate = z.output<typeof eventRateSchema>;

export const segmentBehaviourSchema = z
  .strictObject({
    purchase: purchaseParamsSchema,
    orderValue: orderValueParamsSchema,
    events: z
      .record(eventNameSchema, eventRateSchema)
      .default({})
      .meta({
        description:
          'Rates of behaviour events the user does on their own, per day (a Poisson process each), e.g. { "add_to_cart": { "perDay": 0.05 } }. Entry triggers, waits for events and conditions read them; purchases come from the BG/NBD model instead and opens/clicks from touches.',
      }),
    response: z
      .partialRecord(z.enum(channels), channelResponseSchema)
      .default({})
      .meta({ description: 'Response per channel; a channel left out is never opened.' }),
    responseDelayHours: positive
      .max(MAX_DURATION_DAYS * 24, zodMessage(`A delay is at most ${grouped(MAX_DURATION_DAYS * 24)} hours (${grouped(MAX_DURATION_DAYS)} days)`, `延迟最长为 ${grouped(MAX_DURATION_DAYS * 24)} 小时（${grouped(MAX_DURATION_DAYS)} 天）`))
      .default(2)
      .meta({ description: 'Mean time from a delivered touch to its open (and click, and unsubscribe), in hours; delays are exponential.' }),
    fatigue: probability
      .default(1)
      .meta({ description: 'Multiplier on open and click chances for every touch received in the response window (1 = no fatigue).' }),
    clickLift: positive
      .default(1)
      .meta({ description: 'Multiplier on the purchase rate for responseWindowDays after a click (1 = no effect).' }),
    offerLift: positive
      .default(1)
      .meta({ description: 'Multiplier on the purchase rate while an offer received is valid (1 = no effect).' }),
    responseWindowDays: positive
      .max(MAX_DURATION_DAYS, zodMessage(`A window is at most ${grouped(MAX_DURATION_DAYS)} days`, `时间窗口最长为 ${grouped(MAX_DURATION_DAYS)} 天`))
      .default(7).meta({ description: 'Days a click keeps lifting purchases, and over which recent touches count towards fatigue.' }),
  })
  .meta({ description: 'Numbers the behaviour model reads for users of the segment.' });
export type SegmentBehaviour = z.output<typeof segmentBehaviourSchema>;

export const cohortSegmentSchema = z
  .strictObject({
    id: idSchema.meta({ description: 'Segment id, as journey conditions name it ({ "segment": id }).' }),
    name: localizedTextSchema,
    description: descriptionText.default('').meta({ description: 'Who these users are.' }),
    share: percent.meta({ description: 'Percentage of the cohort in this segment; all segments add up to 100.' }),
    attributes: z
      .record(z.string(), sharesSchema)
      .default({})
      .meta({ description: 'Per categorical attribute: percentage of the segment per value (adds up to 100).' }),
    numeric: z
      .record(z.string(), numericDistributionSchema)
      .default({})
      .meta({ description: 'Per numeric attribute: the normal distribution of its value in the segment.' }),
    rfm: rfmDistributionSchema,
    tags: z
      .record(z.string(), probability)
      .default({})
      .meta({ description: 'Per declared tag: the chance a user of the segment carries it.' }),
    reach: z
      .partialRecord(z.enum(channels), probability)
      .default({})
      .meta({ description: 'Per channel: the chance a user can be reached there (opted in, app installed, follows the account). A channel left out reaches nobody.' }),
    behaviour: segmentBehaviourSchema,
  })
  .meta({ description: 'One segment (细分) of the cohort.' });
export type CohortSegment = z.output<typeof cohortSegmentSchema>;

export const cohortSpecSchema = z
  .strictObject({
    schemaVersion: z.literal(COHORT_SCHEMA_VERSION).meta({ description: 'Cohort format version.' }),
    id: idSchema,
    name: localizedTextSchema,
    description: descriptionText.default('').meta({ description: 'What the cohort represents and where its numbers come from.' }),
    size: z
      .number()
      .int(zodMessage('The size is a whole number of users', '人数必须是整数'))
      .min(1, zodMessage('A cohort has at least 1 user', '人群至少有 1 个用户'))
      .max(MAX_USERS, zodMessage(`A cohort has at most ${grouped(MAX_USERS)} users`, `人群最多 ${grouped(MAX_USERS)} 个用户`))
      .default(10_000)
      .meta({ description: 'Number of synthetic users.' }),
    attributes: z
      .record(attributeNameSchema, attributeDeclarationSchema)
      .default({})
      .meta({ description: 'The attribute vocabulary: every attribute a segment may give a distribution for.' }),
    tags: z.array(tagNameSchema).default([]).meta({ description: 'The tag vocabulary: every tag a segment may give a chance for.' }),
    segments: z
      .array(cohortSegmentSchema)
      .min(1, zodMessage('A cohort needs at least one segment', '人群至少需要一个细分'))
      .meta({ description: 'The segments; their shares add up to 100.' }),
  })
  .meta({ id: 'CohortSpec', title: 'Journey Lab cohort', description: `A synthetic cohort to simulate journeys on (cohort format v${COHORT_SCHEMA_VERSION}).` });

export type CohortSpec = z.output<typeof cohortSpecSchema>;
/** A spec as written in a file: fields with defaults may be left out. */
export type CohortSpecInput = z.input<typeof cohortSpecSchema>;

/** The attributes the domain names for grouping (分组); specs may declare others too. */
// ---------------------------------------------------------------------------------------------------
// Problems

export const cohortProblems = {
  'cohort-invalid': {
    severity: 'error',
    title: localized('Cohort does not match the format', '人群设定不符合格式'),
    fix: localized('Correct the field at the path shown; docs/cohort-format.md describes every field.', '按提示路径修正字段；docs/cohort-format.md 说明了每个字段。'),
  },
  'cohort-unsupported-version': {
    severity: 'error',
    title: localized('Unsupported cohort format version', '不支持的人群格式版本'),
    fix: localized(
      `A newer version needs a newer Journey Lab: update it, or write the cohort in a version this one supports (${OLDEST_COHORT_SCHEMA_VERSION}–${COHORT_SCHEMA_VERSION}; older ones are migrated when read).`,
      `更新的版本需要更新的 Journey Lab：请升级，或按本版支持的格式版本（${OLDEST_COHORT_SCHEMA_VERSION}–${COHORT_SCHEMA_VERSION}，旧版本读取时会自动迁移）编写人群设定。`,
    ),
  },
  'cohort-shares': {
    severity: 'error',
    title: localized('Segment shares do not add up to 100 %', '细分占比合计不等于 100%'),
    fix: localized('Change the segments’ shares so that together they make 100.', '调整各细分的占比，使合计为 100。'),
  },
  'cohort-attribute-shares': {
    severity: 'error',
    title: localized('Attribute shares do not add up to 100 %', '属性取值占比合计不等于 100%'),
    fix: localized('Change the shares of the attribute’s values so that together they make 100.', '调整该属性各取值的占比，使合计为 100。'),
  },
  'cohort-rfm-shares': {
    severity: 'error',
    title: localized('RFM score shares do not add up to 100 %', 'RFM 分值占比合计不等于 100%'),
    fix: localized('Give five percentages (scores 1 to 5) that together make 100.', '给出 5 个百分数（分值 1 到 5），合计为 100。'),
  },
  'cohort-unknown-attribute': {
    severity: 'error',
    title: localized('Unknown attribute or value', '未声明的属性或取值'),
    fix: localized('Declare the attribute (and its values) under "attributes", or correct the name.', '在 "attributes" 中声明该属性（及其取值），或更正名称。'),
  },
  'cohort-unknown-tag': {
    severity: 'error',
    title: localized('Unknown tag', '未声明的标签'),
    fix: localized('Add the tag to the cohort’s "tags" list, or correct its name.', '把标签加入人群的 "tags" 列表，或更正其名称。'),
  },
  'cohort-attribute-kind': {
    severity: 'error',
    title: localized('Categorical and numeric attribute mixed up', '分类属性与数值属性混用'),
    fix: localized(
      'Declare an attribute with either "values" (categorical; segments give shares under "attributes") or "numeric" (segments give mean and sd under "numeric").',
      '属性要么用 "values" 声明为分类属性（细分在 "attributes" 中给出占比），要么用 "numeric" 声明为数值属性（细分在 "numeric" 中给出均值和标准差）。',
    ),
  },
  'cohort-numeric-range': {
    severity: 'error',
    title: localized('Numeric range or mean out of order', '数值范围或均值不合理'),
    fix: localized('Make min at most max, and put every mean inside [min, max].', '让 min 不大于 max，并让每个均值落在 [min, max] 之内。'),
  },
  'cohort-duplicate': {
    severity: 'error',
    title: localized('Listed twice', '重复出现'),
    fix: localized('Give every segment its own id, and list every tag and attribute value once.', '每个细分使用唯一的 id，每个标签和属性取值只列一次。'),
  },
  'cohort-modelled-event': {
    severity: 'error',
    title: localized('Rate given for an event the model makes', '为模型生成的事件设置了发生率'),
    fix: localized(
      'Remove the rate: purchases come from behaviour.purchase (the BG/NBD model), and opens, clicks and unsubscribes from behaviour.response to touches.',
      '删除该发生率：购买由 behaviour.purchase（BG/NBD 模型）产生，打开、点击和退订由 behaviour.response 对触达的响应产生。',
    ),
  },
  'cohort-no-response': {
    severity: 'warning',
    title: localized('Reachable channel without a response', '可触达的渠道没有响应参数'),
    fix: localized('Add behaviour.response for the channel, or set its reach to 0: touches there are never opened.', '为该渠道添加 behaviour.response，或把触达率设为 0：否则该渠道的触达永远不会被打开。'),
  },
} satisfies Record<string, ProblemDefinition>;

export type CohortProblemCode = keyof typeof cohortProblems;

declare const checkedCohort: unique symbol;

/** A cohort spec that passed checkCohort with no error: a run takes it as proof and never checks it again. */
export type CheckedCohortSpec = CohortSpec & { readonly [checkedCohort]: true };

export interface CheckedCohort {
  /** The parsed spec with defaults filled in, or null when it has an error. */
  spec: CheckedCohortSpec | null;
  problems: Problem[];
}

type Path = (string | number)[];
type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => isPlainObject(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const SUM_TOLERANCE = 1e-6;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** "segments[1].behaviour.purchase.r" */
/** A path as people read it, e.g. `segments[1].reach.sms`. */
export const cohortPathText = (path: Path): string => pathText(path) || '(cohort)';

function problem(code: CohortProblemCode, path: Path, en: string, zh: string): Problem {
  return { severity: cohortProblems[code].severity, code, message: localized(en, zh), location: { path } };
}

function zodProblems(error: z.ZodError): Problem[] {
  const { listed, more } = listedIssues(error.issues);
  const problems = listed.map((issue) => {
    const path = plainPath(issue.path);
    const text = limitOfIssue(issue)?.message ?? localizeIssue(issue);
    const where = cohortPathText(path);
    return problem('cohort-invalid', path, `${where}: ${text.en}`, `${where}：${text['zh-CN']}`);
  });
  if (more) problems.push(problem('cohort-invalid', [], more.en, more['zh-CN']));
  return problems;
}

const listText = (entries: [string, number][]) => entries.map(([key, value]) => `${key} ${round(value)} %`).join(', ');
const listTextZh = (entries: [string, number][]) => entries.map(([key, value]) => `${key} ${round(value)}%`).join('、');

/** Keys of a shares record: each must be a declared value; together they must make 100. */
function checkShares(shares: Raw, declared: Set<string> | null, path: Path, subject: Localized, into: Problem[]): void {
  const entries = Object.entries(shares);
  if (declared)
    for (const [key] of entries)
      if (!declared.has(key))
        into.push(
          problem(
            'cohort-unknown-attribute',
            [...path, key],
            `${subject.en}: "${key}" is not one of the declared values (${[...declared].join(', ')}).`,
            `${subject['zh-CN']}：“${key}” 不是已声明的取值（${[...declared].join('、')}）。`,
          ),
        );
  const numbers = entries.filter((entry): entry is [string, number] => isFiniteNumber(entry[1]));
  if (numbers.length !== entries.length) return; // the format check reports values that are not numbers
  const sum = numbers.reduce((total, [, value]) => total + value, 0);
  if (Math.abs(sum - 100) > SUM_TOLERANCE)
    into.push(
      problem(
        'cohort-attribute-shares',
        path,
        `${subject.en}: the shares add up to ${round(sum)} %, not 100 %${entries.length ? ` (${listText(numbers)})` : ''}.`,
        `${subject['zh-CN']}：各取值占比合计为 ${round(sum)}%，应为 100%${entries.length ? `（${listTextZh(numbers)}）` : ''}。`,
      ),
    );
}

function checkMean(distribution: unknown, range: { min: number; max: number } | null, path: Path, subject: Localized, into: Problem[]): void {
  if (!range || !isRecord(distribution) || !isFiniteNumber(distribution.mean)) return;
  const { mean } = distribution;
  if (mean < range.min || mean > range.max)
    into.push(
      problem(
        'cohort-numeric-range',
        [...path, 'mean'],
        `${subject.en}: the mean ${mean} is outside the declared range ${range.min}–${range.max}.`,
        `${subject['zh-CN']}：均值 ${mean} 超出了声明的范围 ${range.min}–${range.max}。`,
      ),
    );
}

interface Vocabulary {
  categorical: Map<string, Set<string>>;
  numeric: Map<string, { min: number; max: number } | null>;
}

function checkDeclarations(raw: Raw, into: Problem[]): Vocabulary {
  const vocabulary: Vocabulary = { categorical: new Map(), numeric: new Map() };
  const declarations = isRecord(raw.attributes) ? raw.attributes : {};
  for (const [name, declaration] of Object.entries(declarations)) {
    if (!isRecord(declaration)) continue;
    const path: Path = ['attributes', name];
    const subject = localized(`Attribute "${name}"`, `属性“${name}”`);
    const hasValues = declaration.values !== undefined;
    const hasNumeric = declaration.numeric !== undefined;
    if (hasValues === hasNumeric) {
      into.push(
        problem(
          'cohort-attribute-kind',
          path,
          `${subject.en} needs exactly one of "values" (categorical) and "numeric" (a range).`,
          `${subject['zh-CN']} 必须且只能给出 "values"（分类）或 "numeric"（数值范围）之一。`,
        ),
      );
    }
    if (hasValues && !hasNumeric) {
      const values = Array.isArray(declaration.values) ? declaration.values : [];
      const seen = new Set<string>();
      values.forEach((value, index) => {
        const key = String(value);
        if (seen.has(key))
          into.push(problem('cohort-duplicate', [...path, 'values', index], `${subject.en}: the value "${key}" is listed twice.`, `${subject['zh-CN']}：取值“${key}”重复出现。`));
        seen.add(key);
      });
      vocabulary.categorical.set(name, seen);
      if (declaration.normal !== undefined)
        into.push(problem('cohort-attribute-kind', [...path, 'normal'], `${subject.en} is categorical: give "shares", not "normal".`, `${subject['zh-CN']} 是分类属性：请给出 "shares"，而不是 "normal"。`));
      if (isRecord(declaration.shares)) checkShares(declaration.shares, seen, [...path, 'shares'], subject, into);
    }
    if (hasNumeric && !hasValues) {
      const numeric = isRecord(declaration.numeric) ? declaration.numeric : {};
      let range: { min: number; max: number } | null = null;
      if (isFiniteNumber(numeric.min) && isFiniteNumber(numeric.max)) {
        if (numeric.min > numeric.max)
          into.push(
            problem(
              'cohort-numeric-range',
              [...path, 'numeric'],
              `${subject.en}: min ${numeric.min} is greater than max ${numeric.max}.`,
              `${subject['zh-CN']}：min ${numeric.min} 大于 max ${numeric.max}。`,
            ),
          );
        else range = { min: numeric.min, max: numeric.max };
      }
      vocabulary.numeric.set(name, range);
      if (declaration.shares !== undefined)
        into.push(problem('cohort-attribute-kind', [...path, 'shares'], `${subject.en} is numeric: give "normal", not "shares".`, `${subject['zh-CN']} 是数值属性：请给出 "normal"，而不是 "shares"。`));
      checkMean(declaration.normal, range, [...path, 'normal'], subject, into);
    }
  }
  return vocabulary;
}

function checkSegment(segment: Raw, index: number, vocabulary: Vocabulary, tags: Set<string>, into: Problem[]): void {
  const base: Path = ['segments', index];
  const label = typeof segment.id === 'string' ? segment.id : `#${index + 1}`;
  const attributes = isRecord(segment.attributes) ? segment.attributes : {};
  for (const [name, shares] of Object.entries(attributes)) {
    const path: Path = [...base, 'attributes', name];
    const subject = localized(`Segment "${label}", attribute "${name}"`, `细分“${label}”的属性“${name}”`);
    if (vocabulary.numeric.has(name))
      into.push(
        problem('cohort-attribute-kind', path, `${subject.en} is numeric: give its mean and sd under "numeric".`, `${subject['zh-CN']} 是数值属性：请在 "numeric" 中给出均值和标准差。`),
      );
    else if (!vocabulary.categorical.has(name))
      into.push(
        problem(
          'cohort-unknown-attribute',
          path,
          `Segment "${label}" refers to attribute "${name}", which the cohort does not declare under "attributes".`,
          `细分“${label}”引用了属性“${name}”，但人群未在 "attributes" 中声明它。`,
        ),
      );
    else if (isRecord(shares)) checkShares(shares, vocabulary.categorical.get(name) ?? null, path, subject, into);
  }
  const numeric = isRecord(segment.numeric) ? segment.numeric : {};
  for (const [name, distribution] of Object.entries(numeric)) {
    const path: Path = [...base, 'numeric', name];
    const subject = localized(`Segment "${label}", attribute "${name}"`, `细分“${label}”的属性“${name}”`);
    if (vocabulary.categorical.has(name))
      into.push(
        problem('cohort-attribute-kind', path, `${subject.en} is categorical: give its shares under "attributes".`, `${subject['zh-CN']} 是分类属性：请在 "attributes" 中给出各取值占比。`),
      );
    else if (!vocabulary.numeric.has(name))
      into.push(
        problem(
          'cohort-unknown-attribute',
          path,
          `Segment "${label}" refers to numeric attribute "${name}", which the cohort does not declare under "attributes".`,
          `细分“${label}”引用了数值属性“${name}”，但人群未在 "attributes" 中声明它。`,
        ),
      );
    else checkMean(distribution, vocabulary.numeric.get(name) ?? null, path, subject, into);
  }
  if (isRecord(segment.rfm))
    for (const dimension of rfmDimensions) {
      const shares = segment.rfm[dimension];
      if (!Array.isArray(shares) || shares.length !== 5 || !shares.every(isFiniteNumber)) continue;
      const sum = shares.reduce((total, value) => total + value, 0);
      if (Math.abs(sum - 100) > SUM_TOLERANCE)
        into.push(
          problem(
            'cohort-rfm-shares',
            [...base, 'rfm', dimension],
            `Segment "${label}": the ${dimension} score shares add up to ${round(sum)} %, not 100 % (${shares.join(', ')}).`,
            `细分“${label}”：${dimension} 各分值占比合计为 ${round(sum)}%，应为 100%（${shares.join('、')}）。`,
          ),
        );
    }
  if (isRecord(segment.tags))
    for (const tag of Object.keys(segment.tags))
      if (!tags.has(tag))
        into.push(
          problem(
            'cohort-unknown-tag',
            [...base, 'tags', tag],
            `Segment "${label}" gives a chance for tag "${tag}", which is not in the cohort's "tags" list.`,
            `细分“${label}”为标签“${tag}”设置了概率，但该标签不在人群的 "tags" 列表中。`,
          ),
        );
  const reach = isRecord(segment.reach) ? segment.reach : {};
  const behaviour = isRecord(segment.behaviour) ? segment.behaviour : null;
  if (behaviour && isRecord(behaviour.events))
    for (const event of Object.keys(behaviour.events))
      if ((modelledEvents as readonly string[]).includes(event)) {
        const [en, zh] =
          event === 'purchase'
            ? ['purchases come from the BG/NBD model (behaviour.purchase)', '购买由 BG/NBD 模型（behaviour.purchase）产生']
            : ['opens, clicks and unsubscribes come from responses to touches (behaviour.response)', '打开、点击和退订由对触达的响应（behaviour.response）产生'];
        into.push(
          problem(
            'cohort-modelled-event',
            [...base, 'behaviour', 'events', event],
            `Segment "${label}" gives a rate for the event "${event}", which the behaviour model makes itself: ${en}.`,
            `细分“${label}”为事件“${event}”设置了发生率，但该事件由行为模型生成：${zh}。`,
          ),
        );
      }
  const response = behaviour && isRecord(behaviour.response) ? behaviour.response : behaviour && behaviour.response === undefined ? {} : null;
  if (response)
    for (const channel of channels)
      if (isFiniteNumber(reach[channel]) && (reach[channel] as number) > 0 && response[channel] === undefined)
        into.push(
          problem(
            'cohort-no-response',
            [...base, 'reach', channel],
            `Segment "${label}" can be reached on ${channel} (reach ${String(reach[channel])}) but has no response for it: touches there are never opened.`,
            `细分“${label}”可通过 ${channel} 触达（触达率 ${String(reach[channel])}），但没有该渠道的响应参数：该渠道的触达永远不会被打开。`,
          ),
        );
}

function semanticProblems(raw: Raw): Problem[] {
  const found: Problem[] = [];
  const vocabulary = checkDeclarations(raw, found);
  const tags = new Set<string>();
  if (Array.isArray(raw.tags))
    raw.tags.forEach((tag, index) => {
      if (typeof tag !== 'string') return;
      if (tags.has(tag)) found.push(problem('cohort-duplicate', ['tags', index], `The tag "${tag}" is listed twice.`, `标签“${tag}”重复出现。`));
      tags.add(tag);
    });
  if (!Array.isArray(raw.segments)) return found;
  const segments = raw.segments.filter(isRecord);
  if (segments.length === raw.segments.length && segments.length > 0) {
    const shares = segments.map((segment) => segment.share);
    if (shares.every(isFiniteNumber)) {
      const sum = shares.reduce((total, value) => total + value, 0);
      if (Math.abs(sum - 100) > SUM_TOLERANCE) {
        const entries = segments.map((segment, index): [string, number] => [typeof segment.id === 'string' ? segment.id : `#${index + 1}`, segment.share as number]);
        found.push(
          problem(
            'cohort-shares',
            ['segments'],
            `The segments' shares add up to ${round(sum)} %, not 100 % (${listText(entries)}).`,
            `各细分占比合计为 ${round(sum)}%，应为 100%（${listTextZh(entries)}）。`,
          ),
        );
      }
    }
  }
  const ids = new Set<string>();
  raw.segments.forEach((segment, index) => {
    if (!isRecord(segment)) return;
    if (typeof segment.id === 'string') {
      if (ids.has(segment.id))
        found.push(problem('cohort-duplicate', ['segments', index, 'id'], `Two segments have the id "${segment.id}".`, `两个细分使用了相同的 id“${segment.id}”。`));
      ids.add(segment.id);
    }
    checkSegment(segment, index, vocabulary, tags, found);
  });
  return found;
}

/**
 * Reads any input as a cohort spec. Never throws: every format problem (from zod) and every semantic
 * one (shares, unknown attributes and tags, ranges, duplicates, rates of modelled events) comes back
 * with its path and a message in both languages. A spec of an older supported version is migrated
 * first (the migrations keep every field where it was, so paths name the fields as written); a newer
 * or unknown version is refused with both versions named, and nothing else is checked. The spec is
 * returned only when there is no error (warnings may remain).
 */
export function checkCohort(input: unknown): CheckedCohort {
  try {
    // Before anything recurses or clones: nesting and size of the whole value, walked with its own stack.
    const breach = measureDocument(input);
    if (breach) {
      const where = cohortPathText(breach.path);
      return { spec: null, problems: [problem('cohort-invalid', breach.path, `${where}: ${breach.message.en}`, `${where}：${breach.message['zh-CN']}`)] };
    }
    if (isRecord(input) && typeof input.schemaVersion === 'number') {
      // A missing or non-numeric version is left to the format check, which reports it at schemaVersion.
      const migrated = migrateCohort(input);
      if (!migrated.ok) return { spec: null, problems: [migrated.problem] };
      input = migrated.document;
    }
    const parsed = cohortSpecSchema.safeParse(input, { reportInput: true });
    const problems = parsed.success ? [] : zodProblems(parsed.error);
    if (isRecord(input)) for (const found of semanticProblems(input)) problems.push(found);
    problems.sort(bySeverity);
    const spec = parsed.success && !problems.some((found) => found.severity === 'error') ? (parsed.data as CheckedCohortSpec) : null;
    return { spec, problems };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { spec: null, problems: [problem('cohort-invalid', [], `Could not check the cohort: ${text}`, `无法检查人群设定：${text}`)] };
  }
}

