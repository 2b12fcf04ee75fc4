// Every warning a fit report carries, in words: the fits' own (fitWarningMessage) and those of the whole
// procedure (a pooled segment, spend that depends on frequency, no finite mean order value). One place,
// so the app and the CLI say them alike.
import { message, type Message } from '../i18n';
import { fitWarningMessage, type FitWarning } from './fitResult';
import type { SegmentWarning } from './fitCustomers';

const twoDecimals = (value: number) => value.toFixed(2);

export function segmentWarningMessage(warning: SegmentWarning): Message {
  switch (warning.code) {
    case 'pooled-fit':
      return message('core.calibration.segmentWarning.pooled', warning.values);
    case 'no-finite-mean':
      return message('core.calibration.segmentWarning.noFiniteMean', { q: twoDecimals(warning.values.q) });
    case 'spend-depends-on-frequency':
      return message('core.calibration.segmentWarning.spendDependsOnFrequency', { correlation: twoDecimals(warning.values.correlation) });
    default:
      return fitWarningMessage(warning as FitWarning);
  }
}
