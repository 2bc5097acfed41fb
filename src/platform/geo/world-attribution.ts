/** The credit a map drawn on the world's land (world.ts) carries; apart, so pages import no geometry code. */
export const WORLD_ATTRIBUTION = 'Natural Earth';
