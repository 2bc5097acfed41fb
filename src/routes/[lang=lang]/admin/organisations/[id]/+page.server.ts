import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { can } from '#platform/policy/policy.ts';
import { organisationTypes } from '#platform/accounts/accounts.model.ts';
import { countryCodes } from '#platform/geo/countries.ts';
import {
	OrganisationEditForm,
	OrganisationMemberAdd,
	OrganisationMemberRemove
} from '#platform/accounts/organisation.schemas.ts';
import {
	addOrganisationMember,
	getOrganisation,
	listOrganisationMembers,
	removeOrganisationMember,
	updateOrganisation
} from '#platform/accounts/organisation.service.ts';
import { adminFormAction } from '../../form-action.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { recordPersonalDataRead } from '#platform/audit/audit.service.ts';

const DONE = ['accepted', 'created', 'updated', 'member_added', 'member_removed'] as const;

export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisation = await getOrganisation(app.database.db, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const done = url.searchParams.get('done');
	const members = await listOrganisationMembers(app.database.db, organisation.id);
	await recordPersonalDataRead(app.database.db, locals.audit, {
		resourceType: 'user',
		ids: members.map((member) => member.userId),
		view: 'admin.organisation_members'
	});
	return {
		organisation,
		members,
		done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
		types: [...organisationTypes],
		countries: countryCodes,
		canAudit: can(locals.actor, 'audit.read')
	};
}

function back(language: string, id: string, done: (typeof DONE)[number]): never {
	redirect(303, `/${language}/admin/organisations/${id}?done=${done}`);
}

export const actions = {
	update: ({ request, locals, params }) =>
		adminFormAction(
			{ request, locals },
			OrganisationEditForm,
			(app, input) => updateOrganisation(requestContext(app, locals), params.id, input),
			(updated) => back(locals.language, updated.id, 'updated')
		),
	/** accepts an organisation a partner's import created: it becomes public */
	accept: ({ request, locals, params }) =>
		adminFormAction(
			{ request, locals },
			undefined,
			(app) => updateOrganisation(requestContext(app, locals), params.id, { status: 'active' }),
			(updated) => back(locals.language, updated.id, 'accepted')
		),
	addMember: ({ request, locals, params }) =>
		adminFormAction(
			{ request, locals },
			OrganisationMemberAdd,
			(app, input) => addOrganisationMember(requestContext(app, locals), params.id, input.email),
			(added) => back(locals.language, added.organisation.id, 'member_added')
		),
	removeMember: ({ request, locals, params }) =>
		adminFormAction(
			{ request, locals },
			OrganisationMemberRemove,
			(app, input) => removeOrganisationMember(requestContext(app, locals), params.id, input.userId),
			(removed) => back(locals.language, removed.organisation.id, 'member_removed')
		)
};
