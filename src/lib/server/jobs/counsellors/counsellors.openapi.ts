import type { Endpoint } from '../../openapi/registry.ts';

export const counsellorsEndpoints: Endpoint[] = [];
