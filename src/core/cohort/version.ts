// The cohort format's versions, on their own so that the format's schema and its migrations, which
// import each other, can both read them whichever of the two is loaded first.

/** The cohort format version this build writes and checks; older supported ones are migrated up first. */
export const COHORT_SCHEMA_VERSION = 6;

/** The oldest cohort format version this build still reads. */
export const OLDEST_COHORT_SCHEMA_VERSION = 1;
