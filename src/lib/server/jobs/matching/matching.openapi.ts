import type { Endpoint } from '../../openapi/registry.ts';

export const matchingEndpoints: Endpoint[] = [];
