// How a user learns of an offer they were given (docs/simulation.md, "Offers"): an offer lifts buying
// only once the user knows it. One list for the offer kind, the compiled operation and the engines.

/**
 * 'next-touch': the next message delivered on the user's path within the offer's validity carries it,
 * and the user knows it once they open that message; 'at-checkout': they notice it with a chance when
 * they buy or arrive from a clicked touch; 'none': never announced — it is only used by an order that
 * happens to meet its minimum spend.
 */
export const announcements = ['next-touch', 'at-checkout', 'none'] as const;
export type Announcement = (typeof announcements)[number];

/** The number the compiled plan carries for an announcement (its index in `announcements`). */
export const announcementCode = (announcement: Announcement): number => announcements.indexOf(announcement);
