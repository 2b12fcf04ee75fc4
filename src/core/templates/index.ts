import type { JourneyTemplate } from './defineTemplate';
import { welcomeNewUser } from './welcomeNewUser';
import { intentWithoutOrder } from './intentWithoutOrder';
import { cartAbandonment } from './cartAbandonment';
import { churnWinBack } from './churnWinBack';
import { rfmServiceReminder } from './rfmServiceReminder';
import { parentsClass } from './parentsClass';
import { rainyDayLunch } from './rainyDayLunch';
import { wechatLeadCapture } from './wechatLeadCapture';
import { memberTierUpgrade } from './memberTierUpgrade';
import { holidayCityGroups } from './holidayCityGroups';

/** Every ready journey, one per case of shared/DOMAIN.md, in case order. */
export const templates: readonly JourneyTemplate[] = [
  welcomeNewUser,
  intentWithoutOrder,
  cartAbandonment,
  churnWinBack,
  rfmServiceReminder,
  parentsClass,
  rainyDayLunch,
  wechatLeadCapture,
  memberTierUpgrade,
  holidayCityGroups,
].sort((a, b) => a.caseNumber - b.caseNumber);

export function getTemplate(id: string): JourneyTemplate | undefined {
  return templates.find((template) => template.id === id);
}

export { instantiateTemplate, industryNames, type JourneyTemplate, type Industry } from './defineTemplate';
export { templateSummaries, templateHeaders, type TemplateSummary, type TemplateHeader } from '../templateSummaries';
