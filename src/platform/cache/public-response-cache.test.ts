import { describe, expect, it } from 'vitest';
import { preferredEncoding } from './public-response-cache.ts';

describe('the encoding of a cached public response', () => {
	it('follows the client’s Accept-Encoding: brotli first, then gzip, else none', () => {
		expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(preferredEncoding('gzip, deflate')).toBe('gzip');
		expect(preferredEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
		expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
		expect(preferredEncoding('identity')).toBe('identity');
		expect(preferredEncoding(null)).toBe('identity');
		expect(preferredEncoding('*;q=0')).toBe('identity');
		expect(preferredEncoding('*')).toBe('br');
	});
});
