import { describe, expect, it } from 'vitest';
import { storedFileReferences } from './stored-files.ts';

describe('stored files the data refers to', () => {
	it('come from the modules’ manifests, named as backups name tables', () => {
		const cv = storedFileReferences().find((reference) => reference.column === 'cv_file');
		expect(cv?.prefix).toBe('cv/');
		expect(cv?.table).toMatch(/^(jobs\.)?seeker_profile$/);
	});
});
