import { z } from 'zod';
import { zodMessage } from './zodMessages';
import { localized, type Localized } from '../i18n';
import { MAX_LABEL_CHARS } from './limits';

/**
 * Behaviour events a journey can react to (entry triggers, wait-for-event, goals, conditions on past
 * behaviour). Custom snake_case names are allowed too; these are the ones the product knows by name.
 */
export const knownEvents = {
  register: localized('Registered', '注册'),
  visit: localized('Visited', '访问'),
  deep_visit: localized('Repeated deep visits', '多次深度访问'),
  open: localized('Opened a message', '打开消息'),
  click: localized('Clicked a message', '点击消息'),
  favourite: localized('Favourited an item', '收藏商品'),
  add_to_cart: localized('Added to cart', '加购'),
  coupon_page_view: localized('Opened the coupon page', '打开活动/领券页'),
  landing_bounce: localized('Bounced from a landing page', '落地页跳出'),
  cancel_order: localized('Cancelled an order', '取消订单'),
  purchase: localized('Purchased', '购买'),
  unsubscribe: localized('Unsubscribed', '退订'),
  churn_risk: localized('Churn warning score raised', '流失预警'),
  weather_rain: localized('Rainy weather at the user’s location', '用户所在地下雨'),
  holiday: localized('Holiday campaign started', '节日活动开始'),
  enrol: localized('Enrolled in a course', '报名课程'),
  consult: localized('Asked an adviser', '咨询顾问'),
  form_submit: localized('Submitted a lead form', '提交留资表单'),
  keyword_reply: localized('Replied with a keyword', '回复关键词'),
  service_due: localized('Service is due', '保养到期'),
  tier_points: localized('Reached the next tier’s points', '积分达到升级门槛'),
  mql: localized('Became a marketing-qualified lead', '成为营销合格线索 (MQL)'),
} satisfies Record<string, Localized>;

export type KnownEvent = keyof typeof knownEvents;

export const eventNameSchema = z
  .string()
  .max(MAX_LABEL_CHARS)
  .regex(/^[a-z][a-z0-9_]*$/, zodMessage('Event names are snake_case, e.g. "add_to_cart"', '事件名使用小写加下划线，例如 "add_to_cart"'))
  .meta({ description: 'A behaviour event name in snake_case, e.g. "purchase" or "add_to_cart".' });

export function eventLabel(event: string): Localized {
  // Own properties only: a cohort may name an event "constructor" or "to_string", which an object would inherit.
  return Object.hasOwn(knownEvents, event) ? (knownEvents as Record<string, Localized>)[event]! : localized(event, event);
}
