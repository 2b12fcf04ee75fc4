import { localized as t, type Lang, type Localized } from '../i18n';
import type { Industry } from '../templates/defineTemplate';

/**
 * What the template gallery shows of each ready journey, apart from its steps: the home screen lists
 * these and loads a template's body (src/core/templates) only when the user picks one, so the first screen
 * does not carry every template's nodes. Each template's name and description live here only; its file
 * (e.g. src/core/templates/welcomeNewUser.ts) starts from this header. `nodeCount` is the one figure written twice, and
 * test/core/templateSummaries.test.ts holds it to the body.
 */
export interface TemplateHeader {
  id: string;
  /** Which case of shared/DOMAIN.md it is built from. */
  caseNumber: number;
  industry: Industry;
  name: Localized;
  description: Localized;
  /** How many steps the template's body has. */
  nodeCount: number;
}

const defineHeader = (header: TemplateHeader): TemplateHeader => header;

/** Every template's header, by the name its body is exported as, in case order. */
export const templateHeaders = {
  welcomeNewUser: defineHeader({
    id: 'welcome-new-user',
    caseNumber: 1,
    industry: 'ecommerce',
    name: t('New-user welcome: newcomer coupon to first order', '新人欢迎：新人券促首单'),
    description: t(
      'Every new registrant gets a 30-yuan newcomer coupon (orders over 99) and a welcome pop-up. Those who have not ordered after 3 days are nudged on the channel likely to reach them (push if they have opened the app in those 3 days, else SMS, which reaches almost everyone), and once more the day before the coupon expires. First orders are counted and tagged; users who still have not ordered after 7 days are left alone.',
      '新注册用户立即获得 30 元新人券（满 99 可用）并看到欢迎弹窗。3 天内未下单的，按最可能触达的渠道提醒（这 3 天内打开过 App 的发 App 推送，否则发几乎人人可达的短信）；新人券到期前一天再提醒一次。首单计为转化并打上标签；7 天后仍未下单的不再打扰。',
    ),
    nodeCount: 14,
  }),
  intentWithoutOrder: defineHeader({
    id: 'intent-without-order',
    caseNumber: 2,
    industry: 'ecommerce',
    name: t('Intent without order: a stimulus for each signal', '有意向未下单：按信号精准刺激'),
    description: t(
      'Four signals of intent without an order each get their own stimulus: new registrants a push of top picks, repeat deep visitors an in-app comparison guide, coupon-page visitors a ready-claimed coupon, and users who cancelled their first order a WeCom care message with a coupon. Everyone then shares one 3-day order window and a single SMS reminder, so no signal leads to more than two touches.',
      '四种“有意向未下单”的信号各配一种刺激：新注册用户收到热销推荐推送，多次深度访问的用户看到应用内对比指南，打开领券页的用户直接获得优惠券，取消首单的用户收到企业微信关怀消息和优惠券。之后所有人共用一个 3 天下单窗口和一次短信提醒，任何信号最多触达两次。',
    ),
    nodeCount: 16,
  }),
  cartAbandonment: defineHeader({
    id: 'cart-abandonment',
    caseNumber: 3,
    industry: 'ecommerce',
    name: t('Cart abandonment: reminder, then coupon', '加购未下单：先提醒，再发券'),
    description: t(
      'Users who add to cart but do not buy within 24 hours get a push reminder; those who still have not bought after 48 more hours get a coupon with a minimum spend. Buyers are counted and leave.',
      '加购后 24 小时内未下单的用户收到 App 推送提醒；再过 48 小时仍未下单的，发放满减优惠券。下单的用户计为转化并退出。',
    ),
    nodeCount: 10,
  }),
  churnWinBack: defineHeader({
    id: 'churn-win-back',
    caseNumber: 4,
    industry: 'ecommerce',
    name: t('Churn win-back by cause, with a holdout', '按流失原因召回（含留出组）'),
    description: t(
      'Repeat buyers flagged by the churn warning model are won back according to why they left: price-sensitive users climb a three-step coupon ladder, users with a bad experience get an apology and a compensation coupon, and loyal lapsed users get an exclusive member right. A random 10% holdout receives nothing, so the lift of the programme over doing nothing can be measured. The path goes back from usage to exploration on purpose: these users are being won back.',
      '流失预警模型标记的复购用户按流失原因分别召回：价格敏感用户走三级优惠券阶梯，体验不佳的用户收到致歉信和补偿券，忠诚但沉默的用户获得专属会员权益。随机 10% 的用户进入留出组，不做任何触达，以衡量召回相对“什么都不做”的真实提升。路径有意从“使用”回到“探索”阶段：这些用户正在被召回。',
    ),
    nodeCount: 21,
  }),
  rfmServiceReminder: defineHeader({
    id: 'rfm-service-reminder',
    caseNumber: 5,
    industry: 'automotive',
    name: t('4S dealer maintenance reminder by RFM layer', '4S 店保养提醒：按 RFM 分层服务'),
    description: t(
      'When a car is due for maintenance, owners are served by their RFM layer: recent high spenders get a call from their service adviser and free pick-up and delivery, frequent visitors a WeCom reminder with a 100-yuan voucher, everyone else an SMS with a 50-yuan voucher. Owners who have not booked after 14 days get one more official-account reminder; those who still do not come are tagged as lapsed for the after-sales team.',
      '车辆保养到期时，按车主的 RFM 分层提供不同服务：最近消费且金额高的车主由专属服务顾问电话邀约并享受免费上门取送车，到店频次高的车主收到企业微信提醒和 100 元保养券，其他车主收到短信和 50 元保养券。14 天内未预约的再发一次公众号提醒；仍未到店的打上“保养流失”标签，交给售后团队跟进。',
    ),
    nodeCount: 15,
  }),
  parentsClass: defineHeader({
    id: 'parents-class',
    caseNumber: 6,
    industry: 'education',
    name: t('Education: parents’ class for enrolled parents who consult', '教育：已报名且咨询的家长邀请参加家长课堂'),
    description: t(
      'When a parent asks an adviser a question, enrolled parents (tag "enrolled") are invited to a free parents’ class on WeCom, which builds trust before the renewal offer two weeks later; parents who have not enrolled yet get a free trial lesson instead. Renewals and enrolments are the two goals, so the class can be judged by the renewals it brings.',
      '家长咨询顾问时，已报名的家长（标签“enrolled”）通过企业微信受邀免费参加家长课堂，先建立信任，两周后再推出续费优惠；尚未报名的家长则获得一节免费试听课。续费和报名是两个转化目标，由此判断家长课堂带来了多少续费。',
    ),
    nodeCount: 19,
  }),
  rainyDayLunch: defineHeader({
    id: 'rainy-day-lunch',
    caseNumber: 7,
    industry: 'food',
    name: t('Rainy day: takeaway coupon at lunchtime', '下雨天：午餐外卖券'),
    description: t(
      'When the 10 o’clock weather feed reports rain where a regular lunch orderer works, the journey waits until 11:00, just before people decide where to eat, and pushes an 8-yuan takeaway coupon that is valid for the three lunch hours only. If no order comes, a smaller dinner coupon follows at 17:00. Users may enter again on the next rainy day, at most two touches a day.',
      '上午 10 点的天气数据显示常点午餐外卖的用户所在地下雨时，旅程等到 11 点、用户决定吃什么之前，推送一张只在午餐三小时内有效的 8 元外卖券。若未下单，17 点再发一张小额晚餐券。用户在下一个雨天可以再次进入，每天最多触达两次。',
    ),
    nodeCount: 12,
  }),
  wechatLeadCapture: defineHeader({
    id: 'wechat-lead-capture',
    caseNumber: 8,
    industry: 'b2b',
    name: t('WeChat private domain: keyword reply and short form to MQL', '微信私域：关键词回复 + 简化表单获取 MQL'),
    description: t(
      'Prospects who reply with a keyword in the official account get the white paper at once with a two-field lead form; visitors who bounced from the landing page get the same short form by SMS. Leads are handed to a sales adviser on WeCom and counted again when they become marketing-qualified (MQL); prospects who do not fill in the form are invited once to the industry community group before being let go.',
      '在公众号回复关键词的潜在客户立即收到白皮书和只需填两项的留资表单；从落地页跳出的访客通过短信收到同一份简化表单。留资后由销售顾问通过企业微信跟进，成为营销合格线索（MQL）时再计一次转化；未留资的潜在客户会被邀请加入一次行业社群，之后不再打扰。',
    ),
    nodeCount: 15,
  }),
  memberTierUpgrade: defineHeader({
    id: 'member-tier-upgrade',
    caseNumber: 9,
    industry: 'retail',
    name: t('Member tier upgrade: try Gold, then earn it', '会员升级：先体验金卡，再升级'),
    description: t(
      'Silver members within reach of Gold (800 points or more) get a 7-day Gold trial and double points on their next order, so they experience the rights before they earn them. Members who reach the Gold threshold are upgraded (member_tier set to gold) and welcomed with a Gold gift; those who bought but fell short get one more coupon, and the rest are tagged for a later upgrade push.',
      '积分达到 800 分、接近金卡门槛的银卡会员获得 7 天金卡体验和下一单双倍积分，先体验权益再升级。积分达到金卡门槛的会员自动升级（member_tier 设为 gold）并收到金卡礼遇；期间下过单但积分仍不够的再发一张优惠券，其余会员打上标签，留待下次升级活动。',
    ),
    nodeCount: 16,
  }),
  holidayCityGroups: defineHeader({
    id: 'holiday-city-groups',
    caseNumber: 10,
    industry: 'retail',
    name: t('Mid-Autumn mooncakes for three city groups', '中秋月饼：三大城市群分组营销'),
    description: t(
      'One week after the plan goes live, two weeks before Mid-Autumn, customers who have not complained are grouped by city: northern cities get a coupon for Beijing-style mooncakes by SMS and southern cities a bigger one for Cantonese lotus-paste boxes on the official account, while Jiangsu–Zhejiang–Shanghai customers, who buy on taste rather than price, only hear about new Suzhou-style flavours by push. Customers elsewhere are not part of this campaign. Those who have not ordered after 10 days get one last SMS two days before the festival.',
      '方案上线一周后、中秋前两周，按城市对没有投诉记录的客户分组：北方城市通过短信收到京式月饼优惠券，华南城市通过公众号收到面额更大的广式莲蓉礼盒优惠券；江浙沪客户更看重口味而非价格，只通过 App 推送介绍苏式新口味，不发券。其他城市的客户不参加本次活动。10 天内未下单的客户在节前两天收到最后一条短信。',
    ),
    nodeCount: 14,
  }),
} satisfies Record<string, TemplateHeader>;

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  caseNumber: number;
  industry: Industry;
  nodeCount: number;
}

/** What a template list shows, in one language, in case order. */
export function templateSummaries(lang: Lang): TemplateSummary[] {
  return Object.values(templateHeaders)
    .map((header) => ({ ...header, name: header.name[lang], description: header.description[lang] }))
    .sort((a, b) => a.caseNumber - b.caseNumber);
}
