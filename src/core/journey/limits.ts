// Every upper limit on untrusted input, in one place. Journeys, cohorts and lessons travel as
// files and links between people who do not trust each other, so each limit bounds the work
// (time and memory) that one document can cause. The README's "Security and limits" section
// and docs/journey-format.md list the same numbers; change them together.

/** Longest horizon or wait (any ISO-8601 duration): ten years. Longer runs allocate per-day
 *  arrays large enough to exhaust memory, and no marketing journey is planned that far. */
export const MAX_DURATION_DAYS = 3_650;
export const MAX_DURATION_MS = MAX_DURATION_DAYS * 86_400_000;

/** Nodes per journey: validation, layout and the editor stay responsive well past real journeys. */
export const MAX_NODES = 5_000;

/** Edges per journey: twice the node cap leaves room for branches and splits. */
export const MAX_EDGES = 10_000;

/** Cases of one branch and variants of one split: each is a port, and branch validation compares
 *  every case with the cases before it. */
export const MAX_PORT_ITEMS = 100;

/** Nesting of `all`/`any`/`not` in one condition: conditions are evaluated recursively, and the
 *  simulation worker's stack is small. */
export const MAX_CONDITION_DEPTH = 32;

/** Work the branch analysis (cases that never match or are shadowed) may do for one journey, in
 *  literals built. Past it the analysis stops warning rather than slowing checking down: it is a
 *  hint, and branches of many large cases could otherwise make checking take minutes. */
export const MAX_CONDITION_ANALYSIS_STEPS = 2_000_000;

/** Work each walk of the graph may do when checking one journey, in nodes visited (and, for the path
 *  summary, touches compared). Simple paths can be exponentially many, each as long as the journey,
 *  and every holdout searches what lies after it: past this the path summary says "more than" the
 *  paths counted so far and the holdout check looks no further. Both are hints, not errors. */
export const MAX_GRAPH_WALK_STEPS = 200_000;

/** Nesting of arrays and objects in a whole JSON document (journey, cohort, lesson): room for a
 *  condition at MAX_CONDITION_DEPTH (two levels per `all`/`any`) inside the document's own
 *  nesting. Checked iteratively before any recursive parse, so deep input never overflows a stack. */
export const MAX_DOCUMENT_DEPTH = 96;

/** Arrays, objects and scalars in one JSON document. Bounds the work of validation whatever the
 *  shape; a journey at the node and edge caps with full labels stays well below it. */
export const MAX_DOCUMENT_VALUES = 500_000;

/** Format problems listed for one document; the rest are counted in one last problem. A document of
 *  thousands of wrong values needs the first few fixed, not a list no one reads (or renders). */
export const MAX_LISTED_PROBLEMS = 1_000;

/** A label (node, port, goal, segment or cohort name): it must fit on a node card. */
export const MAX_LABEL_CHARS = 200;

/** Any other text (descriptions, lesson texts, notes). */
export const MAX_TEXT_CHARS = 10_000;

/** Simulated users per run on one machine; more goes through shards. */
export const MAX_USERS = 10_000_000;

/** Users of one run split into shards (`simulate --shard K/N`, each shard at most MAX_USERS): a
 *  national customer base. Below 2^31, so every user index stays one distinct 32-bit word in the draws. */
export const MAX_SHARDED_USERS = 1_000_000_000;

/** Characters of one journey, cohort or lesson file, and of a decompressed share or lesson link.
 *  Checked on the text before JSON.parse. */
export const MAX_DOCUMENT_CHARS = 20_000_000;
