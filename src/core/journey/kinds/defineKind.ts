import type { z } from 'zod';
import type { Message } from '../../i18n';
import type { Channel } from '../channels';
import type { JourneyDocument, JourneyNode, JourneySettings, NodeOf } from '../schema';
import type { StoryEnterContext, StoryLine, StoryPortContext } from '../../trainer/storyLine';
import type { ProblemDefinition } from '../problems';
import type { FieldSpec } from '../fields';
import type { StateConfig, ActionRef, TransitionConfig } from '../../compile/machineConfig';
import type { AnalysisBudget } from '../conditionLogic';
import type { Implementations } from '../../compile/runtime';

export const paletteGroups = ['triggers', 'touches', 'timing', 'logic', 'outcomes'] as const;
export type PaletteGroup = (typeof paletteGroups)[number];

/**
 * The icons a kind can show in the palette and on the canvas, by name: core stays free of React, and the
 * app draws each name as an SVG icon (src/app/icons.tsx), never as an emoji, which machines without an
 * emoji font show as an empty box. A kind added later picks one of these, or adds a name here and there.
 */
export const kindIconNames = ['play', 'mail', 'ticket', 'split', 'tag', 'timer', 'hourglass', 'star', 'square', 'diamond', 'circle'] as const;
export type KindIconName = (typeof kindIconNames)[number];

export interface PortSpec {
  id: string;
  label: Message;
  /**
   * Connecting the port is a choice, not a gap: left unconnected, the node ends the user's stay there
   * itself (it must compile so, using `connected`), and validation does not warn (a goal's "next").
   */
  optional?: boolean;
}

/** How long a node keeps a user, for static analysis (loops in zero time, path durations, caps). */
export interface NodeTiming {
  minMs: number;
  maxMs: number;
  /** The node waits for something the user does, so even a zero-time loop through it cannot spin. */
  waitsForUser?: boolean;
  /** [min, max] when leaving through a particular port, where it differs (a timeout port takes the timeout). */
  byPort?: Record<string, [number, number]>;
}

export interface KindValidationContext {
  document: JourneyDocument;
  /** Report a problem of one of this kind's codes; `path` is relative to the node's params. */
  report(code: string, message: Message, path?: (string | number)[]): void;
  /** Every node a user can reach after leaving this node through `port` (the node itself excluded). */
  downstream(port: string): { id: string; label: string; kind: string; treatment: boolean }[];
  /** What the condition analysis (conditionLogic.ts) may still spend on this journey; pass it along. */
  conditionBudget: AnalysisBudget;
}

export interface CompileContext {
  settings: JourneySettings;
  /** The state an output port leads to (its edge's target, or leaving the journey when unconnected). */
  target(port: string): string;
  /**
   * The transition out through a port: to its target, re-entering it even when it is this node (a wait
   * that loops to itself starts again), and reporting the port taken, so traces and reports count ports.
   */
  go(port: string): TransitionConfig;
  /** Whether an edge leaves through this port (an optional port's node ends the stay when it does not). */
  connected(port: string): boolean;
  /** Actions every state runs on entry (records the visit); kinds put these first. */
  enter: ActionRef[];
  /** Where a user goes when they leave through an exit node. */
  leave: string;
}

/**
 * Everything one node kind is, in one place: its parameters (validated, with defaults), its ports, its
 * rules, how it compiles to XState and what its actions do, and how it is named in both languages.
 * Methods use method syntax so a precisely typed kind can sit in the registry's list of kinds.
 */
export interface NodeKindDefinition<K extends string = string, P extends Record<string, unknown> = Record<string, unknown>> {
  kind: K;
  group: PaletteGroup;
  /** The icon the palette and canvas draw for the kind (a name; the app maps it to an SVG icon). */
  icon: KindIconName;
  name: Message;
  /** What the step means in marketing terms; shown as help in the palette and inspector. */
  description: Message;
  params: z.ZodType<P>;
  /**
   * What a step added in the editor starts with, over the schema's defaults, so a new step is valid at
   * once (a wait of a day, not "not set yet"). Kept apart from the schema's defaults because those also
   * fill fields a file leaves out, and changing them would change what existing files mean.
   */
  newStep?: Partial<P>;
  /** How the inspector shows the params: labels, units, help and controls (see fields.ts). */
  fields?: readonly FieldSpec[];
  ports(params: P): PortSpec[];
  /**
   * When an edit renumbers ports (a case removed from a branch), where each old port's edge goes:
   * the new port, or null to drop it. Without it, edges stay on ports that still exist.
   */
  remapPorts?(before: P, after: P): Map<string, string | null>;
  /** The key params in a few words, for the node on the canvas. */
  summary(params: P): Message;
  timing?(params: P): NodeTiming;
  /** Touches a user receives passing through once (for frequency-cap analysis). */
  touches?(params: P): number;
  /** Messages and offers are what a holdout must not receive (checked by splits). */
  treatment?: boolean;
  /** A path that reaches this kind has an end: 'goal' counts a conversion, 'exit' says why users leave. */
  ends?: 'goal' | 'exit';
  /** The channel a touch goes out on, for kinds that pay per touch (its cost is in channelCosts). */
  channel?(params: P): Channel;
  problems?: Record<string, ProblemDefinition>;
  validate?(node: NodeOf<K, P>, context: KindValidationContext): void;
  compile(node: NodeOf<K, P>, context: CompileContext): StateConfig;
  /** Transitions into the journey from outside it: what makes this node a way in (entry kinds). */
  outside?(node: NodeOf<K, P>): Pick<StateConfig, 'on' | 'after'>;
  /** Transitions that apply wherever the user is in the journey (e.g. jumping to a goal). */
  whileInJourney?(node: NodeOf<K, P>, context: CompileContext): Record<string, TransitionConfig[]>;
  /**
   * The kind splits traffic at random into arms, one per port in port order: reports then count each
   * arm's users and conversions and measure lift against the holdout arm (an empty label shows the
   * arm's number).
   */
  arms?(params: P): { label: string; holdout: boolean }[];
  /** What a user is given, for kinds that grant an offer (scenarios compare it between runs). */
  grants?(params: P): { offer: string; value: number; minSpend: number };
  /** How the trainer's story tells this kind (trainer/story.ts); without it, "Reached …" and no decision. */
  story?: KindStory;
  /**
   * XState implementations of actions or guards that are not operations (compile/operations/): only
   * the reference engine can run a journey that uses them. Prefer combining operations.
   */
  implementations?: Implementations;
}

/**
 * A kind's part of a user's story. Nodes come as recorded, so their params may not parse (a hand-edited
 * file, an old recording): a hook then tells what it can, or returns null.
 */
export interface KindStory {
  /** Told when a user enters the node; null tells nothing (what the node does tells it). Without it: "Reached X (Kind)". */
  enter?(node: JourneyNode, context: StoryEnterContext): StoryLine | null;
  /** Told when a user leaves through `port`: the decision and why. Without it, nothing. */
  port?(node: JourneyNode, port: string, context: StoryPortContext): StoryLine | null;
}

export type NodeKind = NodeKindDefinition<string, Record<string, unknown>>;

/** Identity with inference, so a kind file states its types once. */
export function defineNodeKind<K extends string, P extends Record<string, unknown>>(
  definition: NodeKindDefinition<K, P>,
): NodeKindDefinition<K, P> {
  return definition;
}
