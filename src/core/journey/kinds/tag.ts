import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message, verbatim } from '../../i18n';
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
  icon: 'tag',
  name: message('core.journey.kinds.tag.tag'),
  description: message('core.journey.kinds.tag.addsOrRemovesATag'),
  params,
  // A tag with no name is an error; a placeholder name the user is likely to rename keeps it valid.
  newStep: { action: 'add', tag: 'engaged' },
  fields: [
    {
      key: 'action',
      label: message('core.journey.kinds.tag.action'),
      help: message('core.journey.kinds.tag.tagsAndAttributesAreWhat'),
      control: 'select',
      options: [
        { value: 'add', label: message('core.journey.kinds.tag.addATag') },
        { value: 'remove', label: message('core.journey.kinds.tag.removeATag') },
        { value: 'set', label: message('core.journey.kinds.tag.setAnAttribute') },
      ],
    },
    {
      key: 'tag',
      label: message('core.journey.kinds.tag.tag2'),
      help: message('core.journey.kinds.tag.theTagSNameE'),
      control: 'text',
      maxLength: 100,
      when: { key: 'action', in: ['add', 'remove'] },
    },
    {
      key: 'attribute',
      label: message('core.journey.kinds.tag.attribute'),
      help: message('core.journey.kinds.tag.theProfileAttributeToSet'),
      control: 'text',
      maxLength: 100,
      when: { key: 'action', in: ['set'] },
    },
    {
      key: 'value',
      label: message('core.journey.kinds.tag.value'),
      help: message('core.journey.kinds.tag.theValueToGiveIt'),
      control: 'scalar',
      when: { key: 'action', in: ['set'] },
    },
  ],
  ports: () => [{ id: 'next', label: message('core.journey.kinds.tag.next') }],
  summary: (p) =>
    p.action === 'set'
      ? verbatim(`${p.attribute || '?'} := ${String(p.value)}`)
      : message('core.journey.kinds.tag.summary', { add: String(p.action === 'add'), named: String(Boolean(p.tag)), tag: p.tag }),
  problems: {
    'tag-without-name': {
      severity: 'error',
      title: message('core.journey.kinds.tag.tagStepWithoutATag'),
      fix: message('core.journey.kinds.tag.nameTheTagToAdd'),
    },
  },
  validate(node, context) {
    const missing = node.params.action === 'set' ? !node.params.attribute : !node.params.tag;
    if (missing)
      context.report(
        'tag-without-name',
        message('core.journey.kinds.tag.tagStepNamesNoChoice', { v: node.label || node.id, choice: String(node.params.action === 'set') }),
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
