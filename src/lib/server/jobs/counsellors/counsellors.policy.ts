import type { Role } from '../../accounts/accounts.table.ts';

/** This module's actions and the roles granted each (merged into policy.ts). */
export const counsellorsActions = {} as const satisfies Record<string, readonly Role[]>;
