import type { Role } from '../../platform/accounts/accounts.model.ts';

/** This module's actions and the roles granted each (merged into policy.ts). */
export const atlasActions = {} as const satisfies Record<string, readonly Role[]>;
