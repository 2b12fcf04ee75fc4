import { joinedMessages, message, type Message } from './i18n';
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
  'incremental',
  'twin',
  'roi',
  'attributedRevenue',
  'cac',
  'arpu',
  'ltv',
  'customerValue',
  'churn',
  'winBack',
  'unsubscribes',
  'holdout',
  'lift',
  'holdoutLift',
  'controlGroup',
  'abSplit',
  'frequencyCap',
  'quietHours',
  'bgnbd',
] as const;
export type GlossaryTermId = (typeof glossaryTermIds)[number];

export interface GlossaryTerm {
  id: GlossaryTermId;
  name: Message;
  definition: Message;
  /** Where the term appears in Journey Lab. */
  inJourneyLab: Message;
  seeAlso: GlossaryTermId[];
}

const stageList = joinedMessages(stages.map((stage) => stageNames[stage]), 'arrows');

const terms: Record<GlossaryTermId, Omit<GlossaryTerm, 'id'>> = {
  journey: {
    name: message('core.glossary.journey'),
    definition: message('core.glossary.thePathACustomerTakes'),
    inJourneyLab: message('core.glossary.everyCanvasIsAJourney'),
    seeAlso: ['stages', 'touch', 'conversion'],
  },
  stages: {
    name: message('core.glossary.lifecycleStages'),
    // Keeps the seed's word for the first stage (意识) and names the synonym many marketers use (认知).
    definition: joinedMessages([message('core.glossary.theFiveStagesACustomer', { stages: stageList }), message('core.glossary.stageSynonyms')]),
    inJourneyLab: message('core.glossary.theCanvasLanesEachNode'),
    seeAlso: ['journey', 'conversion', 'winBack'],
  },
  segment: {
    name: message('core.glossary.segment'),
    definition: message('core.glossary.aPartOfTheCustomers'),
    inJourneyLab: message('core.glossary.aCohortIsMadeOf'),
    seeAlso: ['layering', 'grouping', 'clustering', 'cohort'],
  },
  layering: {
    name: message('core.glossary.layering'),
    definition: message('core.glossary.dividingCustomersVerticallyByValue'),
    inJourneyLab: message('core.glossary.branchConditionsOnRfmScores'),
    seeAlso: ['rfm', 'segment'],
  },
  grouping: {
    name: message('core.glossary.grouping'),
    definition: message('core.glossary.dividingCustomersHorizontallyByAttributes'),
    inJourneyLab: message('core.glossary.branchConditionsOnAUser'),
    seeAlso: ['segment', 'clustering'],
  },
  clustering: {
    name: message('core.glossary.clustering'),
    definition: message('core.glossary.dividingCustomersHorizontallyByBehaviour'),
    inJourneyLab: message('core.glossary.entryTriggersOnEventsDid'),
    seeAlso: ['segment', 'tag'],
  },
  rfm: {
    name: message('core.glossary.rfm'),
    definition: message('core.glossary.recencyHowLatelyACustomer'),
    inJourneyLab: message('core.glossary.eachSyntheticUserHasRfm'),
    seeAlso: ['layering'],
  },
  tag: {
    name: message('core.glossary.tag'),
    definition: message('core.glossary.aLabelOnACustomer'),
    inJourneyLab: message('core.glossary.usersStartWithTheirSegment'),
    seeAlso: ['clustering'],
  },
  cohort: {
    name: message('core.glossary.cohortSynthetic'),
    definition: message('core.glossary.anInventedPopulationThatBehaves'),
    inJourneyLab: message('core.glossary.theCohortsScreenAndThe'),
    seeAlso: ['segment', 'bgnbd'],
  },
  touch: {
    name: message('core.glossary.touch'),
    definition: message('core.glossary.oneContactWithACustomer'),
    inJourneyLab: message('core.glossary.messageNodesSendTouchesEach'),
    seeAlso: ['frequencyCap', 'quietHours', 'unsubscribes'],
  },
  conversion: {
    name: message('core.glossary.conversion'),
    definition: message('core.glossary.aCustomerDoingWhatThe'),
    inJourneyLab: message('core.glossary.goalNodesCountConversionsThe'),
    seeAlso: ['lift', 'cac'],
  },
  incremental: {
    name: message('core.glossary.incremental'),
    definition: message('core.glossary.incrementalDefinition'),
    inJourneyLab: message('core.glossary.incrementalInJourneyLab'),
    seeAlso: ['twin', 'attributedRevenue', 'roi', 'holdoutLift'],
  },
  twin: {
    name: message('core.glossary.twin'),
    definition: message('core.glossary.twinDefinition'),
    inJourneyLab: message('core.glossary.twinInJourneyLab'),
    seeAlso: ['incremental', 'holdout', 'controlGroup'],
  },
  roi: {
    name: message('core.glossary.roi'),
    definition: message('core.glossary.returnOnInvestmentWhatThe'),
    inJourneyLab: message('core.glossary.aDashboardCardAndThe'),
    seeAlso: ['incremental', 'attributedRevenue', 'cac', 'arpu'],
  },
  attributedRevenue: {
    name: message('core.glossary.attributedRevenue'),
    definition: message('core.glossary.attributedRevenueDefinition'),
    inJourneyLab: message('core.glossary.attributedRevenueInJourneyLab'),
    seeAlso: ['incremental', 'roi', 'arpu'],
  },
  cac: {
    name: message('core.glossary.cac'),
    definition: message('core.glossary.customerAcquisitionCostWhatOne'),
    inJourneyLab: message('core.glossary.aDashboardCardCompareIt'),
    seeAlso: ['ltv', 'roi'],
  },
  arpu: {
    name: message('core.glossary.arpu'),
    definition: message('core.glossary.averageRevenuePerUserRevenue'),
    inJourneyLab: message('core.glossary.aDashboardCard'),
    seeAlso: ['ltv', 'roi'],
  },
  // The id stays 'ltv' so links to the term keep working; the figure is named revenue per converted user.
  ltv: {
    name: message('core.glossary.ltv'),
    definition: message('core.glossary.lifetimeValueWhatACustomer'),
    inJourneyLab: message('core.glossary.aDashboardCardConvertedUsers'),
    seeAlso: ['customerValue', 'cac', 'arpu', 'attributedRevenue'],
  },
  customerValue: {
    name: message('core.glossary.customerValue'),
    definition: message('core.glossary.customerValueDefinition'),
    inJourneyLab: message('core.glossary.customerValueInJourneyLab'),
    seeAlso: ['ltv', 'bgnbd', 'churn'],
  },
  churn: {
    name: message('core.glossary.churn'),
    definition: message('core.glossary.aCustomerStoppingBuyingFor'),
    inJourneyLab: message('core.glossary.syntheticUsersDropOutAs'),
    seeAlso: ['bgnbd', 'winBack'],
  },
  winBack: {
    name: message('core.glossary.winBack'),
    definition: message('core.glossary.bringingBackChurnedOrAt'),
    inJourneyLab: message('core.glossary.theChurnWinBackTemplate'),
    seeAlso: ['churn', 'tag'],
  },
  unsubscribes: {
    name: message('core.glossary.unsubscribes'),
    definition: message('core.glossary.customersOptingOutOfA'),
    inJourneyLab: message('core.glossary.aDashboardCardAndThe2'),
    seeAlso: ['frequencyCap', 'touch'],
  },
  holdout: {
    name: message('core.glossary.holdoutControlGroup'),
    definition: message('core.glossary.aRandomShareOfUsers'),
    inJourneyLab: message('core.glossary.aVariantOfAnA'),
    seeAlso: ['lift', 'holdoutLift', 'controlGroup', 'abSplit'],
  },
  lift: {
    name: message('core.glossary.liftVsHoldout'),
    definition: message('core.glossary.howMuchMoreOftenTreated'),
    inJourneyLab: message('core.glossary.aDashboardCardWhenThe'),
    seeAlso: ['holdout', 'holdoutLift', 'incremental', 'conversion'],
  },
  holdoutLift: {
    name: message('core.glossary.holdoutLift'),
    definition: message('core.glossary.holdoutLiftDefinition'),
    inJourneyLab: message('core.glossary.holdoutLiftInJourneyLab'),
    seeAlso: ['lift', 'holdout', 'twin', 'incremental'],
  },
  controlGroup: {
    name: message('core.glossary.controlGroup'),
    definition: message('core.glossary.controlGroupDefinition'),
    inJourneyLab: message('core.glossary.controlGroupInJourneyLab'),
    seeAlso: ['holdout', 'incremental', 'cohort'],
  },
  abSplit: {
    name: splitKind.name,
    definition: message('core.glossary.dividingUsersAtRandomBy'),
    inJourneyLab: message('core.glossary.theABSplitNode'),
    seeAlso: ['holdout', 'lift'],
  },
  frequencyCap: {
    name: message('core.glossary.frequencyCap'),
    definition: message('core.glossary.theMostTouchesOneCustomer'),
    inJourneyLab: message('core.glossary.theJourneySettingsTouchesOver'),
    seeAlso: ['touch', 'unsubscribes', 'quietHours'],
  },
  quietHours: {
    name: message('core.glossary.quietHours'),
    definition: message('core.glossary.hoursOfTheDayWhen'),
    inJourneyLab: message('core.glossary.theJourneySettingsAndThe'),
    seeAlso: ['frequencyCap', 'touch'],
  },
  bgnbd: {
    name: message('core.glossary.bgNbd'),
    definition: message('core.glossary.betaGeometricNegativeBinomialDistribution'),
    inJourneyLab: message('core.glossary.howSyntheticUsersBuyAnd'),
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
  offer: ['touch', 'incremental', 'roi', 'cac'],
  wait: ['journey'],
  waitForEvent: ['clustering', 'conversion'],
  branch: ['segment', 'layering', 'grouping', 'clustering', 'rfm'],
  split: ['abSplit', 'holdout', 'lift', 'holdoutLift'],
  tag: ['tag', 'clustering'],
  goal: ['conversion', 'incremental', 'attributedRevenue', 'customerValue'],
  exit: ['journey', 'churn'],
};

/** The glossary terms a node kind rests on (the lifecycle stages for any kind not listed). */
export const termsOfKind = (kind: string): GlossaryTermId[] => kindTerms[kind] ?? ['stages'];
