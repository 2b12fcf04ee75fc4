import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';

const params = z.strictObject({
  duration: durationSchema.nullable().default(null).meta({ description: 'How long the user waits here, e.g. "P1D".' }),
});

const durationOf = (p: { duration: string | null }) => (p.duration === null ? 0 : (parseDuration(p.duration) ?? 0));

export const waitKind = defineNodeKind({
  kind: 'wait',
  group: 'timing',
  icon: 'timer',
  name: message('core.journey.kinds.wait.wait'),
  description: message('core.journey.kinds.wait.holdsTheUserForA'),
  params,
  newStep: { duration: 'P1D' },
  fields: [
    {
      key: 'duration',
      label: message('core.journey.kinds.wait.waitFor'),
      help: message('core.journey.kinds.wait.howLongTheUserStays'),
      control: 'duration',
      nullable: { label: message('core.journey.kinds.wait.notSetYet'), enable: () => 'P1D' },
    },
  ],
  ports: () => [{ id: 'next', label: message('core.journey.kinds.wait.next') }],
  summary: (p) => (p.duration === null ? message('core.journey.kinds.wait.noDurationSet') : describeDuration(durationOf(p))),
  timing: (p) => ({ minMs: durationOf(p), maxMs: durationOf(p) }),
  problems: {
    'wait-without-duration': {
      severity: 'error',
      title: message('core.journey.kinds.wait.waitWithoutADuration'),
      fix: message('core.journey.kinds.wait.setHowLongTheUser'),
    },
  },
  validate(node, context) {
    if (durationOf(node.params) <= 0)
      context.report(
        'wait-without-duration',
        node.params.duration === null
          ? message('core.journey.kinds.wait.waitHasNoDuration', { v: node.label || node.id })
          : message('core.journey.kinds.wait.waitLastsZeroTime', { v: node.label || node.id }),
        ['duration'],
      );
  },
  compile: (node, context) => ({
    entry: context.enter,
    after: { [String(durationOf(node.params))]: [context.go('next')] },
  }),
  story: {
    enter(node, { label }) {
      const duration = parseDuration(String(node.params.duration ?? '')) ?? 0;
      return { kind: 'wait', text: message('core.journey.kinds.wait.waitsAt', { duration: describeDuration(duration), label }) };
    },
  },
});
