// The hostile links of hostileLinks.mjs for the unit tests (TypeScript imports it without an extension).
export { bombLink, bombSize, deepJourneyJson } from './hostileLinks.mjs';
