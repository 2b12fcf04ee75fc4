import { applyPositions } from '../../core/editor';
import { layoutJourney } from '../../core/editor';
import { register } from './types';

export const autoLayoutAction = register({
  name: 'autoLayout',
  label: 'autoLayout',
  shortcut: 'Shift+L',
  keyTest: (event) => event.shiftKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'l',
  enabled: ({ journey }) => journey.nodes.length > 0,
  async perform({ journey }) {
    if (journey.nodes.length === 0) return null;
    return { journey: applyPositions(journey, await layoutJourney(journey)), history: true };
  },
});
