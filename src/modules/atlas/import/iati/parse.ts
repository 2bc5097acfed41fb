// An IATI activity file → every activity mapped, in file order, with its problems (no database).
import { Problems } from '../imported.ts';
import { mapActivity, type MappedActivity } from './activity.ts';
import { readIatiFile, type IatiFileHeader, type ReadOptions } from './xml.ts';
import { attr, childNamed } from './xml.ts';

export interface ParsedActivity extends MappedActivity {
	/** 1-based, in file order */
	position: number;
}

export interface ParsedIatiFile {
	header: IatiFileHeader;
	bytes: number;
	/** the reporting organisations, as named in the file (for citing it) */
	publishers: string[];
	activities: ParsedActivity[];
}

export async function parseIatiFile(
	source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
	options: ReadOptions
): Promise<ParsedIatiFile> {
	const activities: ParsedActivity[] = [];
	const seen = new Map<string, number>();
	const publishers = new Set<string>();
	const { header, bytes } = await readIatiFile(source, options, (node, position, fileHeader) => {
		const mapped = mapActivity(node, fileHeader);
		const reporting = childNamed(node, 'reporting-org');
		const publisher = reporting ? (reporting.children.find((child) => child.name === 'narrative')?.text.trim() || attr(reporting, 'ref')) : null;
		if (publisher && publishers.size < 5) publishers.add(publisher.slice(0, 200));
		if (mapped.identifier) {
			const first = seen.get(mapped.identifier);
			if (first !== undefined) {
				const problems = new Problems();
				problems.list.push(...mapped.problems);
				problems.critical('duplicate_identifier', { position: first });
				mapped.problems = problems.list;
				mapped.activity = null;
			} else seen.set(mapped.identifier, position);
		}
		activities.push({ ...mapped, position });
	});
	return { header, bytes, publishers: [...publishers], activities };
}
