import { defineModule } from '../../platform/kernel/manifest.ts';
import { messages } from './messages/index.ts';
import { exampleNote } from './example.table.ts';
import { eraseNotes, exportNotes, NoteInput } from './example.service.ts';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { user } from '../../platform/accounts/accounts.table.ts';

const exampleActions = {
	/** Keep one's own private notes. */
	'example.note.keep': ['member']
} as const;

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof exampleActions, true> {}
}

const Note = z.object({ id: z.string(), body: z.string(), createdAt: z.iso.datetime() }).meta({ id: 'ExampleNote' });

/** The example module: a person's private notes (see README.md). */
export const exampleModule = defineModule({
	slug: 'example',
	navigation: { navKey: 'example.nav', titleKey: 'example.title', textKey: 'example.text', ready: true },
	actions: exampleActions,
	grantRoles: { keeper: { titleKey: 'example.grant_keeper', actions: ['example.note.keep'] } },
	routes: {
		'/[lang=lang]/example': { GET: 'public', POST: 'example.note.keep' },
		'/api/v1/example/notes': { GET: 'example.note.keep', POST: 'example.note.keep' }
	},
	endpoints: [
		{
			method: 'GET',
			path: '/api/v1/example/notes',
			tags: ['Example'],
			auth: 'bearer',
			summary: 'The caller’s notes',
			responses: { 200: { description: 'Newest first.', schema: z.object({ items: z.array(Note) }) } },
			errors: [403]
		},
		{
			method: 'POST',
			path: '/api/v1/example/notes',
			tags: ['Example'],
			auth: 'bearer',
			summary: 'Keep a note',
			body: NoteInput,
			responses: { 201: { description: 'The note kept.', schema: Note } },
			errors: [403]
		}
	],
	apiTags: [{ name: 'Example', description: 'The example module: private notes.' }],
	messages,
	// the demo member keeps a note, so every space has something to show
	async demoData(db) {
		const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
		if (member) await db.insert(exampleNote).values({ userId: member.id, body: 'Préparer le dossier pour l’agence ANAPEC.' });
	},
	personalData: {
		tables: [{ table: exampleNote, userColumn: exampleNote.userId, exportKey: 'exampleNotes' }],
		export: (db, actor) => exportNotes(db, actor.userId),
		erase: (tx, userId) => eraseNotes(tx, userId)
	}
});
