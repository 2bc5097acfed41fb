// Demo data of the networks' news: announcements the coordinators of three sample networks sent to their members,
// most of them also published on the network's page, written in French, Arabic and/or English (one in the three
// languages, others in one only, so that a page in another language shows the stand-in marked), and one kept for
// the members (a coordinator can publish it from the announcements page). Two of them have a picture, drawn here
// (an SVG of simple shapes made a PNG by sharp: nothing copied from anywhere) and kept the way a coordinator's is
// (news-images.ts: resized, WebP, small version) when the demo is loaded with a file store. The sample networks are
// removed with their announcements by `talents:remove-samples` (their pictures by the retention job a day later).
import { and, eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../../platform/db/database.ts';
import type { DemoDataOptions } from '../../platform/kernel/manifest.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import type { LocalisedText } from '../../platform/i18n/content-language.ts';
import { network, networkAnnouncement, networkMember, type NewsImage } from './talents.table.ts';
import { checkNewsImage, newsImageKey, newsImageRecord, prepareNewsImage, storeNewsImage } from './news-images.ts';

interface DemoNews {
	network: string;
	subject: LocalisedText;
	body: LocalisedText;
	days: number;
	published: boolean;
	/** a picture drawn for the demo (SVG), described in each language of the announcement */
	picture?: { svg: string; alt: LocalisedText };
}

const W = 1800;
const H = 1013;

/** An oasis at sunrise: sky, sun, dunes and palm trees (Figuig's caravan). */
const palm = (x: number, y: number) => `<g transform="translate(${x} ${y})">
		<path d="M0 0 q 12 -160 -10 -300" stroke="#6b4226" stroke-width="22" fill="none"/>
		<path d="M-10 -300 q -110 -20 -170 60 M-10 -300 q 110 -20 170 60 M-10 -300 q -70 -80 -150 -50 M-10 -300 q 70 -80 150 -50 M-10 -300 q 0 -60 20 -110" stroke="#2f6b3a" stroke-width="26" fill="none" stroke-linecap="round"/>
	</g>`;
const oasis = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
	<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f6b26b"/><stop offset="1" stop-color="#fde9c9"/></linearGradient></defs>
	<rect width="${W}" height="${H}" fill="url(#sky)"/>
	<circle cx="1320" cy="330" r="120" fill="#fff4d6"/>
	<path d="M0 640 Q 450 520 900 640 T 1800 610 V ${H} H 0 Z" fill="#d9a066"/>
	<path d="M0 760 Q 500 660 1000 770 T 1800 740 V ${H} H 0 Z" fill="#c8874a"/>
	${palm(260, 600)}${palm(430, 640)}${palm(610, 620)}
</svg>`;

/** A screen with a bar chart and pins on a map (the open data of the communes). */
const pin = (x: number, y: number) =>
	`<g transform="translate(${x} ${y})"><path d="M0 0 C -40 -50 -40 -100 0 -110 C 40 -100 40 -50 0 0 Z" fill="#c0392b"/><circle cx="0" cy="-70" r="16" fill="#ffffff"/></g>`;
const openData = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
	<rect width="${W}" height="${H}" fill="#e8f1ee"/>
	<rect x="240" y="120" width="1320" height="760" rx="36" fill="#1d3b34"/>
	<rect x="290" y="170" width="1220" height="620" rx="12" fill="#ffffff"/>
	${[180, 300, 240, 420, 360, 500].map((h, i) => `<rect x="${360 + i * 95}" y="${720 - h}" width="60" height="${h}" fill="${i % 2 ? '#0f6b57' : '#3aa58a'}"/>`).join('')}
	<line x1="340" y1="722" x2="940" y2="722" stroke="#1d3b34" stroke-width="6"/>
	<path d="M1020 250 L1400 230 L1450 420 L1330 700 L1060 690 L990 470 Z" fill="#d8e7e2" stroke="#7fa89b" stroke-width="6"/>
	${pin(1110, 380)}${pin(1260, 330)}${pin(1200, 520)}${pin(1350, 600)}
	<rect x="820" y="880" width="160" height="60" fill="#1d3b34"/>
	<rect x="700" y="930" width="400" height="30" rx="10" fill="#1d3b34"/>
</svg>`;

const news: DemoNews[] = [
	{
		network: 'exemple-numerique',
		subject: { fr: 'Appel à mentors pour des projets de fin d’études', ar: 'نداء إلى مرشدين لمواكبة مشاريع نهاية الدراسة', en: 'Call for mentors for final-year projects' },
		body: {
			fr: 'Une école d’ingénieurs de Rabat cherche une dizaine de professionnels pour suivre à distance des projets de fin d’études, une heure tous les quinze jours, de février à juin. Répondez dans la discussion du réseau.',
			ar: 'تبحث مدرسة للمهندسين في الرباط عن عشرة مهنيين لمواكبة مشاريع نهاية الدراسة عن بعد، ساعة كل أسبوعين، من فبراير إلى يونيو. أجيبوا في فضاء النقاش الخاص بالشبكة.',
			en: 'An engineering school in Rabat is looking for about ten professionals to follow final-year projects remotely, one hour every fortnight, from February to June. Answer in the network’s discussion.'
		},
		days: 21,
		published: true
	},
	{
		network: 'exemple-numerique',
		subject: { fr: 'Rencontre en ligne : données ouvertes des communes' },
		body: { fr: 'Première rencontre en ligne du réseau sur les données ouvertes des communes marocaines : trois membres présentent leurs projets, puis questions libres. Le lien est envoyé aux membres la veille.' },
		days: 9,
		published: true,
		picture: { svg: openData, alt: { fr: 'Illustration : un écran montre un graphique en barres et une carte marquée de quatre repères.' } }
	},
	{
		network: 'exemple-numerique',
		subject: { en: 'Members’ survey: your availability this year' },
		body: { en: 'Please tell us how many hours a month you can give this year, and for what: mentoring, short missions in Morocco, teaching. The answers stay with the coordinators.' },
		days: 4,
		published: false
	},
	{
		network: 'exemple-sante',
		subject: { ar: 'قافلة طبية في إقليم فكيك', fr: 'Caravane médicale dans la province de Figuig' },
		body: {
			ar: 'تنظم جمعية شريكة قافلة طبية في إقليم فكيك خلال فصل الربيع. نبحث عن أطباء في طب الأطفال وطب العيون لمدة أسبوع، مع تغطية السفر والإقامة.',
			fr: 'Une association partenaire organise une caravane médicale dans la province de Figuig au printemps. Nous cherchons des pédiatres et des ophtalmologues pour une semaine, voyage et séjour pris en charge.'
		},
		days: 30,
		published: true,
		picture: {
			svg: oasis,
			alt: { ar: 'رسم توضيحي: واحة بنخيلها وكثبانها عند شروق الشمس.', fr: 'Illustration : une oasis, ses palmiers et ses dunes au lever du soleil.' }
		}
	},
	{
		network: 'exemple-sante',
		subject: { ar: 'ورشة حول معادلة الشهادات الطبية' },
		body: { ar: 'ورشة عن بعد حول مسطرة معادلة الشهادات الطبية المحصل عليها في الخارج، بمشاركة أعضاء مروا بها. الأسئلة مرحب بها مسبقا في فضاء النقاش.' },
		days: 6,
		published: true
	},
	{
		network: 'exemple-talents-ile-de-france',
		subject: { en: 'Welcome to the new members', fr: 'Bienvenue aux nouveaux membres' },
		body: {
			en: 'Forty people joined the network this season. Introduce yourselves at the next monthly meeting in Paris, and tell the coordinators which missions in Morocco you would take on.',
			fr: 'Quarante personnes ont rejoint le réseau cette saison. Présentez-vous à la prochaine rencontre mensuelle à Paris, et dites aux coordinateurs quelles missions au Maroc vous intéressent.'
		},
		days: 14,
		published: true
	}
];

const day = 86_400_000;

/** A demo picture made as a coordinator's is kept: checked, resized without metadata, stored with its small version. */
async function storeDemoPicture(files: NonNullable<DemoDataOptions['files']>, picture: NonNullable<DemoNews['picture']>): Promise<{ imageKey: string; image: NewsImage }> {
	const bytes = new Uint8Array(await sharp(Buffer.from(picture.svg)).png().toBuffer());
	const checked = checkNewsImage(bytes);
	if ('problem' in checked) throw new Error(`demo picture refused: ${checked.problem}`);
	const prepared = await prepareNewsImage(bytes, checked);
	const imageKey = newsImageKey(prepared.main.format, new Date());
	await storeNewsImage(files, imageKey, prepared);
	return { imageKey, image: { ...newsImageRecord(prepared), alt: picture.alt } };
}

/** Does nothing when the sample networks have announcements already (or do not exist). Pictures only with a file store. */
export async function loadNewsDemoData(db: Db, { files = null }: DemoDataOptions = {}): Promise<void> {
	const slugs = [...new Set(news.map((entry) => entry.network))];
	const networks = await db.select({ id: network.id, slug: network.slug }).from(network).where(and(inArray(network.slug, slugs), eq(network.isSample, true)));
	if (!networks.length) return;
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(networkAnnouncement).where(inArray(networkAnnouncement.networkId, networks.map((row) => row.id)));
	if (n > 0) return;
	const now = Date.now();
	await db.transaction(async (tx) => {
		for (const found of networks) {
			const [coordinator] = await tx.select({ id: accessGrant.userId }).from(accessGrant).where(and(eq(accessGrant.module, 'talents'), eq(accessGrant.role, 'coordinator'), eq(accessGrant.scope, found.slug)));
			const [{ members }] = await tx.select({ members: sql<number>`count(*)::int` }).from(networkMember).where(and(eq(networkMember.networkId, found.id), eq(networkMember.status, 'member')));
			for (const entry of news.filter((candidate) => candidate.network === found.slug)) {
				const at = new Date(now - entry.days * day);
				const picture = entry.picture && files ? await storeDemoPicture(files, entry.picture) : null;
				await tx.insert(networkAnnouncement).values({
					...(picture ?? {}),
					networkId: found.id,
					authorUserId: coordinator?.id ?? null,
					subject: entry.subject,
					body: entry.body,
					createdAt: at,
					sentAt: at,
					recipients: members,
					published: entry.published,
					publishedAt: entry.published ? at : null
				});
			}
		}
	});
}
