// Every reason a row of an import is rejected for, in words (one table, so each key is written once).
import { message, type Message } from '../../i18n';

export const rowReasons = {
  'wrong-column-count': message('core.calibration.import.reasons.wrongColumnCount'),
  'missing-id': message('core.calibration.import.reasons.missingId'),
  'missing-date': message('core.calibration.import.reasons.missingDate'),
  'bad-date': message('core.calibration.import.reasons.badDate'),
  'missing-amount': message('core.calibration.import.reasons.missingAmount'),
  'bad-amount': message('core.calibration.import.reasons.badAmount'),
  'bad-quantity': message('core.calibration.import.reasons.badQuantity'),
  'after-reference-date': message('core.calibration.import.reasons.afterReferenceDate'),
  'duplicate-customer': message('core.calibration.import.reasons.duplicateCustomer'),
  'missing-channel': message('core.calibration.import.reasons.missingChannel'),
  'unknown-channel': message('core.calibration.import.reasons.unknownChannel'),
  'bad-count': message('core.calibration.import.reasons.badCount'),
  'bad-outcome': message('core.calibration.import.reasons.badOutcome'),
} satisfies Record<string, Message>;
export type RowReason = keyof typeof rowReasons;

/** A rejection reason in words. */
export const rejectionMessage = (reason: RowReason): Message => rowReasons[reason];
