import type { Channel } from '../../journey/channels';

/** What happened to a touch a message node sent ('control-group': the user is in the cohort's global control group). */
export type TouchOutcome = 'sent' | 'suppressed' | 'unreachable' | 'opted-out' | 'deferred' | 'dropped' | 'control-group';

/**
 * One step of one user's path, at a time in milliseconds after launch. Both engines record the same
 * entries for the same user; the agreement tests compare them one by one.
 */
export type TraceEntry =
  | { at: number; type: 'enter'; node: string; visit: number }
  | { at: number; type: 'port'; node: string; port: string }
  | { at: number; type: 'event'; event: string; value?: number; channel?: Channel }
  | { at: number; type: 'touch'; node: string; channel: Channel; outcome: TouchOutcome }
  | { at: number; type: 'offer'; node: string; value: number }
  | { at: number; type: 'redeem'; node: string; value: number }
  /** The user learns of an offer they were given (an opened touch carried it, or they noticed it at checkout). */
  | { at: number; type: 'notice'; node: string }
  | { at: number; type: 'goal'; node: string; goal: string }
  | { at: number; type: 'exit'; node: string | null; reason: string }
  | { at: number; type: 'tag'; node: string; tag: string; present: boolean }
  | { at: number; type: 'attribute'; node: string; attribute: string; value: string | number | boolean }
  | { at: number; type: 'churn' }
  | { at: number; type: 'reactivate' };
