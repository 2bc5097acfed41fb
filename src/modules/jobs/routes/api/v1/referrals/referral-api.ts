/** A referral as the API shows it (no internal ids of people besides the person's). */
export function referralApiView(item: {
	id: string;
	seekerUserId: string;
	status: string;
	programme: { id: string; name: string; organisation: string };
	agency: { id: string; name: string };
	counsellor: string;
	message: string;
	person: { id: string; name: string; email: string; phone: string | null } | null;
	createdAt: string;
	statusChangedAt: string;
	history: { status: string; side: string; at: string }[];
}) {
	return {
		id: item.id,
		status: item.status,
		programme: { id: item.programme.id, name: item.programme.name, organisation: item.programme.organisation },
		agency: item.agency,
		counsellor: item.counsellor,
		message: item.message,
		person: item.person,
		createdAt: item.createdAt,
		statusChangedAt: item.statusChangedAt,
		history: item.history
	};
}
