/**
 * The compiled machine is plain JSON so `journey-lab compile` can write it and any XState v5 runtime can
 * load it back with the registry's implementations (see `machineFromConfig`).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ActionRef {
  type: string;
  params?: JsonObject;
}

export interface GuardRef {
  type: string;
  params?: JsonObject;
}

export interface TransitionConfig {
  target?: string;
  /** Exit and enter the target even when it is the source (XState v5 does not re-enter by default). */
  reenter?: boolean;
  guard?: GuardRef;
  actions?: ActionRef[];
  description?: string;
}

export interface StateConfig {
  id?: string;
  type?: 'final';
  initial?: string;
  description?: string;
  entry?: ActionRef[];
  always?: TransitionConfig[];
  on?: Record<string, TransitionConfig[]>;
  /** Delayed transitions keyed by milliseconds (XState reads numeric keys as delays). */
  after?: Record<string, TransitionConfig[]>;
  states?: Record<string, StateConfig>;
  meta?: JsonObject;
}

export interface MachineConfig extends StateConfig {
  id: string;
  initial: string;
  states: Record<string, StateConfig>;
}
