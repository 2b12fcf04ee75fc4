import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { eventNameSchema, eventLabel } from '../events';
import { conditionSchema, describeCondition } from '../condition';
import { conditionGuard } from '../../compile/operations';

const params = z.strictObject({
  event: eventNameSchema.default('purchase').meta({ description: 'What the user must do to leave through "happened".' }),
  timeout: durationSchema.default('P1D').meta({ description: 'How long to wait before leaving through "timeout".' }),
  filter: conditionSchema.nullable().default(null).meta({ description: 'Only count the event when the user then matches this; null for always.' }),
});

const timeoutOf = (p: { timeout: string }) => parseDuration(p.timeout) ?? 0;

export const waitForEventKind = defineNodeKind({
  kind: 'waitForEvent',
  group: 'timing',
  icon: 'hourglass',
  name: message('core.journey.kinds.waitForEvent.waitForEvent'),
  description: message('core.journey.kinds.waitForEvent.waitsUntilTheUserDoes'),
  params,
  // Three days gives a nudge time to work; purchase is the behaviour most journeys wait for.
  newStep: { event: 'purchase', timeout: 'P3D' },
  fields: [
    {
      key: 'event',
      label: message('core.journey.kinds.waitForEvent.waitUntil'),
      help: message('core.journey.kinds.waitForEvent.whatTheUserMustDo'),
      control: 'event',
    },
    {
      key: 'timeout',
      label: message('core.journey.kinds.waitForEvent.timeout'),
      help: message('core.journey.kinds.waitForEvent.howLongToWaitBefore'),
      control: 'duration',
    },
    {
      key: 'filter',
      label: message('core.journey.kinds.waitForEvent.onlyCountIf'),
      help: message('core.journey.kinds.waitForEvent.onlyCountTheEventWhen'),
      control: 'condition',
      nullable: { label: message('core.journey.kinds.waitForEvent.anyUserNoFilter'), enable: () => ({ all: [] }) },
    },
  ],
  ports: () => [
    { id: 'happened', label: message('core.journey.kinds.waitForEvent.happened') },
    { id: 'timeout', label: message('core.journey.kinds.waitForEvent.timeout2') },
  ],
  summary: (p) =>
    message('core.journey.kinds.waitForEvent.summary', {
      event: eventLabel(p.event),
      timeout: describeDuration(timeoutOf(p)),
      filtered: String(Boolean(p.filter)),
      filter: p.filter ? describeCondition(p.filter) : '',
    }),
  timing: (p) => ({
    minMs: 0,
    maxMs: timeoutOf(p),
    waitsForUser: true,
    byPort: { happened: [0, timeoutOf(p)], timeout: [timeoutOf(p), timeoutOf(p)] },
  }),
  problems: {
    'wait-for-event-without-timeout': {
      severity: 'error',
      title: message('core.journey.kinds.waitForEvent.waitForEventWithoutA'),
      fix: message('core.journey.kinds.waitForEvent.giveTheWaitATimeout'),
    },
  },
  validate(node, context) {
    if (timeoutOf(node.params) <= 0)
      context.report(
        'wait-for-event-without-timeout',
        message('core.journey.kinds.waitForEvent.hasAZeroTimeout', { v: node.label || node.id }),
        ['timeout'],
      );
  },
  compile: (node, context) => ({
    entry: context.enter,
    on: {
      [node.params.event]: [
        {
          ...context.go('happened'),
          ...(node.params.filter ? { guard: conditionGuard.ref({ condition: node.params.filter }) } : {}),
        },
      ],
    },
    after: { [String(timeoutOf(node.params))]: [context.go('timeout')] },
  }),
  story: {
    enter(node, { label }) {
      const event = eventLabel(String(node.params.event ?? 'purchase'));
      const timeout = parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0;
      return {
        kind: 'wait',
        text: message('core.journey.kinds.waitForEvent.waitsAtUpToFor', { label, timeout: describeDuration(timeout), event }),
      };
    },
    port(node, port, { label }) {
      const event = eventLabel(String(node.params.event ?? 'purchase'));
      const ms = parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0;
      const timeout = describeDuration(ms);
      return port === 'happened'
        ? { kind: 'wait', text: message('core.journey.kinds.waitForEvent.didWhileWaitingAtSo', { event, label }) }
        : { kind: 'wait', text: message('core.journey.kinds.waitForEvent.noWithinAtTheWait', { event, timeout, label }) };
    },
  },
});
