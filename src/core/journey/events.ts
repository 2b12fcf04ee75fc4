import { z } from 'zod';
import { zodMessage } from './zodMessages';
import { message, verbatim, type Message } from '../i18n';
import { MAX_LABEL_CHARS } from './limits';

/**
 * Behaviour events a journey can react to (entry triggers, wait-for-event, goals, conditions on past
 * behaviour). Custom snake_case names are allowed too; these are the ones the product knows by name.
 */
export const knownEvents = {
  register: message('core.journey.events.names.register'),
  visit: message('core.journey.events.names.visit'),
  deep_visit: message('core.journey.events.names.deep_visit'),
  open: message('core.journey.events.names.open'),
  click: message('core.journey.events.names.click'),
  favourite: message('core.journey.events.names.favourite'),
  add_to_cart: message('core.journey.events.names.add_to_cart'),
  coupon_page_view: message('core.journey.events.names.coupon_page_view'),
  landing_bounce: message('core.journey.events.names.landing_bounce'),
  cancel_order: message('core.journey.events.names.cancel_order'),
  purchase: message('core.journey.events.names.purchase'),
  unsubscribe: message('core.journey.events.names.unsubscribe'),
  churn_risk: message('core.journey.events.names.churn_risk'),
  weather_rain: message('core.journey.events.names.weather_rain'),
  holiday: message('core.journey.events.names.holiday'),
  enrol: message('core.journey.events.names.enrol'),
  consult: message('core.journey.events.names.consult'),
  form_submit: message('core.journey.events.names.form_submit'),
  keyword_reply: message('core.journey.events.names.keyword_reply'),
  service_due: message('core.journey.events.names.service_due'),
  tier_points: message('core.journey.events.names.tier_points'),
  mql: message('core.journey.events.names.mql'),
} satisfies Record<string, Message>;

export type KnownEvent = keyof typeof knownEvents;

export const eventNameSchema = z
  .string()
  .max(MAX_LABEL_CHARS)
  .regex(/^[a-z][a-z0-9_]*$/, zodMessage(message('core.journey.events.eventNamesAreSnakeCase')))
  .meta({ description: 'A behaviour event name in snake_case, e.g. "purchase" or "add_to_cart".' });

export function eventLabel(event: string): Message {
  // Own properties only: a cohort may name an event "constructor" or "to_string", which an object would inherit.
  return Object.hasOwn(knownEvents, event) ? (knownEvents as Record<string, Message>)[event]! : verbatim(event);
}
