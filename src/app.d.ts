import type { Language } from '#platform/i18n/languages.ts';
import type { Actor } from '#platform/policy/policy.ts';
import type { AuditContext } from '#platform/audit/audit.service.ts';

declare global {
	namespace App {
		interface SignedInUser {
			id: string;
			name: string;
			email: string;
			role: Actor['role'];
			locale: Language;
		}
		interface Locals {
			requestId: string;
			language: Language;
			user: SignedInUser | null;
			actor: Actor | null;
			/** how the person is authenticated: a browser session or a personal API token */
			authMethod: 'session' | 'token' | null;
			/** the personal API token used for this request, if any */
			apiToken: { id: string; name: string } | null;
			/** set by the hook when a page cannot be shown: 403 refused by the route policy, 503 the database is out of reach */
			denied: 403 | 503 | null;
			/** the database did not answer during this request (the answer becomes a 503 with Retry-After) */
			outage: boolean;
			audit: AuditContext;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
