// Types of hostileLinks.mjs (plain JavaScript, shared with the e2e tests).

/** A link that unpacks to 'a' × codes·(codes+1)/2 characters (6,500 codes: 21 million). */
export function bombLink(codes: number): string;

/** How many characters bombLink(codes) unpacks to. */
export function bombSize(codes: number): number;

/** The JSON of a small valid journey with a branch condition `not` nested `depth` times. */
export function deepJourneyJson(depth: number): string;
