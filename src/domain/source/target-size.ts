/**
 * Pictures are compiled into targets with their shorter side at this many pixels, in the Node
 * build and in the editor alike. A compiled target's size grows with the image's pixels; at 160 px
 * a 2:3 cover costs about 210 KB and still tracks from arm's length (`npm run bench:tracking`),
 * and a 2:1 shelf sign keeps enough texture to be found across an aisle. A module of its own so
 * that the tracker's warm-up can read it without the feed's schema.
 */
export const TARGET_SHORT_SIDE = 160;
