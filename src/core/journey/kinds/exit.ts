import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { leave } from '../../compile/operations';

const params = z.strictObject({
  reason: z.string().max(200).default('').meta({ description: 'Why users leave here (e.g. "converted", "gave up after 3 touches").' }),
});

export const exitKind = defineNodeKind({
  kind: 'exit',
  group: 'outcomes',
  icon: '■',
  name: localized('Exit', '退出'),
  description: localized(
    'The user leaves the journey. Give stubborn non-responders an exit instead of touching them again and again.',
    '用户离开旅程。对始终不响应的用户，应设置退出，而不是反复打扰。',
  ),
  params,
  ends: 'exit',
  fields: [
    {
      key: 'reason',
      label: localized('Reason', '退出原因'),
      help: localized(
        'Why users leave here, e.g. “converted” or “gave up after 3 touches”; reports count exits by it. An exit for stubborn non-responders keeps them from being bombarded.',
        '用户从这里离开的原因，例如“已转化”或“3 次触达无响应后放弃”；报表按原因统计退出人数。为始终不响应的用户设置退出，避免过度打扰。',
      ),
      control: 'text',
      maxLength: 200,
    },
  ],
  ports: () => [],
  summary: (p, lang) => p.reason || (lang === 'en' ? 'Leave the journey' : '离开旅程'),
  compile: (node, context) => ({
    entry: [...context.enter, leave.ref({ node: node.id, reason: node.params.reason })],
    always: [{ target: context.leave }],
  }),
  // Leaving tells the story.
  story: { enter: () => null },
});
