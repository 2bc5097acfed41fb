import type { Endpoint } from '../../openapi/registry.ts';

export const importEndpoints: Endpoint[] = [];
