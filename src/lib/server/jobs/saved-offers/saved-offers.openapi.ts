import type { Endpoint } from '../../openapi/registry.ts';

export const savedOffersEndpoints: Endpoint[] = [];
