import { describe, expect, it } from 'vitest';
import { storedFileReferences } from './stored-files.ts';

describe('stored files the data refers to', () => {
	it('come from the modules’ manifests, named as backups name tables', () => {
		const cv = storedFileReferences().find((reference) => reference.column === 'cv_file');
		expect(cv?.prefix).toBe('cv/');
		expect(cv?.table).toMatch(/^(jobs\.)?seeker_profile$/);
	});
});

describe('the platform’s stored files', () => {
	it('include the documents of people’s files, by their whole key', () => {
		expect(storedFileReferences()).toContainEqual({ table: 'case_document', column: 'storage_key', prefix: '' });
	});
});
