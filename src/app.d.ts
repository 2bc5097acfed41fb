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
			/** set by the hook when the route policy refuses a page: the layout shows the 403 page */
			denied: 403 | null;
			audit: AuditContext;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
