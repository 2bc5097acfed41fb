import type { Role } from '../../accounts/accounts.table.ts';

/** This module's actions and the roles granted each (merged into policy.ts). */
export const savedOffersActions = {} as const satisfies Record<string, readonly Role[]>;
