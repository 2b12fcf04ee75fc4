import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { setAttribute, setAttributeReport, setTag, setTagReport } from '../../compile/operations';
import { MAX_LABEL_CHARS } from '../limits';

const params = z.strictObject({
  action: z.enum(['add', 'remove', 'set']).default('add').meta({ description: 'Add a tag, remove a tag, or set an attribute.' }),
  tag: z.string().max(100).default('').meta({ description: 'The tag to add or remove.' }),
  attribute: z.string().max(100).default('').meta({ description: 'With "set": the attribute to set.' }),
  value: z.union([z.string().max(MAX_LABEL_CHARS), z.number(), z.boolean()]).default('').meta({ description: 'With "set": the value to give it.' }),
});

export const tagKind = defineNodeKind({
  kind: 'tag',
  group: 'outcomes',
  icon: '🏷',
  name: localized('Tag', '打标签'),
  description: localized(
    'Adds or removes a tag, or sets an attribute, so later steps (and other journeys) can tell who went through here. A tag system is what every strategy reads.',
    '添加或移除标签，或设置属性，让后续步骤（以及其他旅程）知道谁经过了这里。标签体系是所有策略的基础。',
  ),
  params,
  fields: [
    {
      key: 'action',
      label: localized('Action', '操作'),
      help: localized(
        'Tags and attributes are what later steps and other journeys read: tag users who clicked, converted or got a coupon, so they can be treated differently.',
        '标签和属性供后续步骤和其他旅程读取：给点击过、已转化或领过券的用户打上标签，便于区别对待。',
      ),
      control: 'select',
      options: [
        { value: 'add', label: localized('Add a tag', '添加标签') },
        { value: 'remove', label: localized('Remove a tag', '移除标签') },
        { value: 'set', label: localized('Set an attribute', '设置属性') },
      ],
    },
    {
      key: 'tag',
      label: localized('Tag', '标签'),
      help: localized(
        'The tag’s name, e.g. “coupon_sent” or “price_sensitive”. Spell it the same wherever it is read.',
        '标签名，例如 “coupon_sent” 或 “price_sensitive”。在所有读取它的地方保持同样的写法。',
      ),
      control: 'text',
      maxLength: 100,
      when: { key: 'action', in: ['add', 'remove'] },
    },
    {
      key: 'attribute',
      label: localized('Attribute', '属性'),
      help: localized('The profile attribute to set, e.g. “member_tier”.', '要设置的用户属性，例如 “member_tier”。'),
      control: 'text',
      maxLength: 100,
      when: { key: 'action', in: ['set'] },
    },
    {
      key: 'value',
      label: localized('Value', '值'),
      help: localized(
        'The value to give it. Numbers and true/false are stored as such; anything else as text.',
        '要设置的值。数字和 true/false 按原类型保存，其余按文本保存。',
      ),
      control: 'scalar',
      when: { key: 'action', in: ['set'] },
    },
  ],
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary(p, lang) {
    if (p.action === 'set') return `${p.attribute || '?'} := ${String(p.value)}`;
    return `${p.action === 'add' ? '+' : '−'} ${p.tag || localized('(no tag)', '（未填标签）')[lang]}`;
  },
  problems: {
    'tag-without-name': {
      severity: 'error',
      title: localized('Tag step without a tag or attribute', '标签节点未填写标签或属性'),
      fix: localized('Name the tag to add or remove, or the attribute to set.', '填写要添加/移除的标签，或要设置的属性。'),
    },
  },
  validate(node, context) {
    const missing = node.params.action === 'set' ? !node.params.attribute : !node.params.tag;
    if (missing)
      context.report(
        'tag-without-name',
        localized(`Tag step "${node.label || node.id}" names no ${node.params.action === 'set' ? 'attribute' : 'tag'}.`, `标签节点「${node.label || node.id}」没有填写${node.params.action === 'set' ? '属性' : '标签'}。`),
        [node.params.action === 'set' ? 'attribute' : 'tag'],
      );
  },
  compile(node, context) {
    const { action, tag, attribute, value } = node.params;
    // The change, then its report to the trace.
    const change =
      action === 'set'
        ? [setAttribute.ref({ node: node.id, attribute, value }), setAttributeReport.ref({ node: node.id, attribute, value })]
        : [setTag.ref({ node: node.id, tag, present: action === 'add' }), setTagReport.ref({ node: node.id, tag, present: action === 'add' })];
    return { entry: [...context.enter, ...change], always: [context.go('next')] };
  },
  // The tag or attribute change tells the story.
  story: { enter: () => null },
});
