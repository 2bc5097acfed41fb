import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { OrganisationType } from '../../platform/accounts/accounts.model.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import type { ProgrammeService } from './support.model.ts';
import { directoryEntry } from '../../platform/directory/directory.table.ts';
import { directorySearchText } from '../../platform/directory/directory.service.ts';
import { INITIATIVE_LINK, supportProgrammes } from './programmes.ts';
import { linkValue, resolveLinks } from '../../platform/kernel/links.ts';
import type { LocalisedText } from '../../platform/content/content.table.ts';
import { ensureContentPages } from '../../platform/content/content-pages.service.ts';
import { rightsPages } from './rights-pages.ts';
import { initialRightsPages } from './support-rights-content.ts';

/**
 * Reference data of this module, in every database (runs at every start, after migrations): the first
 * version of each rights-and-procedures page. A page that exists is left as its editors made it.
 */
export async function ensureSupportReferenceData(db: Db): Promise<void> {
	await ensureContentPages(db, rightsPages, initialRightsPages);
}

/** Fictional associations of the demo (names say they are examples). */
const sampleAssociations: { slug: string; name: string; acronym: string; type: OrganisationType }[] = [
	{ slug: 'exemple-association-passerelles', name: 'Association Passerelles (exemple)', acronym: 'Passerelles', type: 'ngo' },
	{ slug: 'exemple-maison-solidaire-oriental', name: 'Maison solidaire de l’Oriental (exemple)', acronym: 'MSO', type: 'ngo' },
	{ slug: 'exemple-collectif-droits-pour-tous', name: 'Collectif Droits pour tous (exemple)', acronym: 'CDPT', type: 'ngo' }
];

type SampleProgramme = {
	organisation: string;
	name: LocalisedText;
	description: LocalisedText;
	eligibility: LocalisedText;
	services: ProgrammeService[];
	cities: string[];
	regions: string[];
	languages: string[];
	phone?: string;
	email?: string;
	address?: string;
	/** slugs of the Atlas initiatives it is part of (kept only when the Atlas holds them) */
	initiatives?: string[];
};

const all = (fr: string, ar: string, en: string): LocalisedText => ({ fr, ar, en });

/** About fifteen fictional programmes; every one is stored with is_sample = true. */
const samplePrograms: SampleProgramme[] = [
	{
		organisation: 'exemple-association-passerelles',
		name: all('Cours d’arabe dialectal pour adultes', 'دروس الدارجة للكبار', 'Moroccan Arabic classes for adults'),
		description: all('Deux soirs par semaine, des cours de darija pour la vie de tous les jours et le travail.', 'مساءان في الأسبوع، دروس في الدارجة للحياة اليومية والعمل.', 'Two evenings a week, darija classes for daily life and work.'),
		eligibility: all('Adultes résidant à Rabat ou Salé.', 'الكبار المقيمون في الرباط أو سلا.', 'Adults living in Rabat or Salé.'),
		services: ['language_courses'],
		cities: ['Rabat', 'Salé'],
		regions: ['MA-04'],
		languages: ['fr', 'ar', 'wo'],
		phone: '+212 5 00 00 00 01',
		email: 'cours@passerelles.example'
	},
	{
		organisation: 'exemple-association-passerelles',
		name: all('Permanence juridique du samedi', 'المداومة القانونية ليوم السبت', 'Saturday legal advice desk'),
		description: all('Un juriste répond aux questions sur le séjour, le contrat de travail et la CNSS.', 'يجيب حقوقي عن الأسئلة حول الإقامة وعقد العمل والضمان الاجتماعي.', 'A lawyer answers questions on residence, work contracts and the CNSS.'),
		eligibility: all('Toute personne étrangère, sans rendez-vous.', 'كل شخص أجنبي، بدون موعد.', 'Any foreign person, no appointment needed.'),
		services: ['legal_aid', 'administrative_help'],
		cities: ['Rabat'],
		regions: ['MA-04'],
		languages: ['fr', 'ar', 'en'],
		address: '12, rue de l’Exemple, Rabat'
	},
	{
		organisation: 'exemple-association-passerelles',
		name: all('Atelier CV et entretien', 'ورشة السيرة الذاتية والمقابلة', 'CV and interview workshop'),
		description: all('Préparer son CV au format marocain et s’entraîner à l’entretien d’embauche.', 'إعداد السيرة الذاتية وفق النموذج المغربي والتدرب على مقابلة التوظيف.', 'Write a CV the Moroccan way and practise job interviews.'),
		eligibility: all('Chercheurs d’emploi inscrits ou non à l’ANAPEC.', 'الباحثون عن عمل، مسجلون أو غير مسجلين في الوكالة.', 'Job seekers, registered with ANAPEC or not.'),
		services: ['training'],
		cities: ['Rabat', 'Kénitra'],
		regions: ['MA-04'],
		languages: ['fr', 'en', 'ln']
	},
	{
		organisation: 'exemple-maison-solidaire-oriental',
		name: all('Accueil et orientation à Oujda', 'الاستقبال والتوجيه في وجدة', 'Welcome and guidance in Oujda'),
		description: all('Écoute, orientation vers les services publics et aide pour les démarches.', 'الإنصات والتوجيه نحو المرافق العمومية والمساعدة في الإجراءات.', 'Listening, guidance to public services and help with procedures.'),
		eligibility: all('Personnes migrantes de la région de l’Oriental.', 'المهاجرون في جهة الشرق.', 'Migrants in the Oriental region.'),
		services: ['administrative_help', 'psychosocial'],
		cities: ['Oujda', 'Berkane'],
		regions: ['MA-02'],
		languages: ['fr', 'ar', 'bm', 'ff'],
		phone: '+212 5 00 00 00 02'
	},
	{
		organisation: 'exemple-maison-solidaire-oriental',
		name: all('Orientation santé', 'التوجيه الصحي', 'Health referral'),
		description: all('Accompagnement vers les centres de santé et les hôpitaux publics, avec interprète.', 'المرافقة إلى المراكز الصحية والمستشفيات العمومية، مع مترجم.', 'Going with people to health centres and public hospitals, with an interpreter.'),
		eligibility: all('Femmes enceintes, enfants et personnes malades.', 'النساء الحوامل والأطفال والمرضى.', 'Pregnant women, children and sick people.'),
		services: ['health_referral'],
		cities: ['Oujda', 'Nador'],
		regions: ['MA-02'],
		languages: ['fr', 'ar', 'en']
	},
	{
		organisation: 'exemple-maison-solidaire-oriental',
		name: all('Hébergement d’urgence', 'الإيواء الاستعجالي', 'Emergency shelter'),
		description: all('Quelques places d’hébergement de courte durée et aide pour trouver un logement.', 'بعض أماكن الإيواء لمدة قصيرة والمساعدة في إيجاد سكن.', 'A few short-stay places and help finding housing.'),
		eligibility: all('Personnes sans logement, sur orientation d’un travailleur social.', 'الأشخاص بدون سكن، بتوجيه من مساعد اجتماعي.', 'People without housing, referred by a social worker.'),
		services: ['housing'],
		cities: ['Oujda'],
		regions: ['MA-02'],
		languages: ['fr', 'ar']
	},
	{
		organisation: 'exemple-collectif-droits-pour-tous',
		name: all('Clinique juridique Casablanca', 'العيادة القانونية بالدار البيضاء', 'Casablanca legal clinic'),
		description: all('Conseil gratuit sur le droit du travail et accompagnement vers l’inspection du travail.', 'استشارة مجانية في قانون الشغل ومرافقة إلى مفتشية الشغل.', 'Free advice on labour law and support in going to the labour inspectorate.'),
		eligibility: all('Salariés étrangers et leurs familles.', 'الأجراء الأجانب وأسرهم.', 'Foreign employees and their families.'),
		services: ['legal_aid'],
		cities: ['Casablanca', 'Mohammédia'],
		regions: ['MA-06'],
		languages: ['fr', 'ar', 'en', 'wo'],
		email: 'clinique@cdpt.example'
	},
	{
		organisation: 'exemple-collectif-droits-pour-tous',
		name: all('Groupe de parole', 'مجموعة الحوار', 'Support group'),
		description: all('Un espace pour parler de son parcours, avec une psychologue.', 'فضاء للحديث عن المسار، مع أخصائية نفسية.', 'A space to talk about one’s journey, with a psychologist.'),
		eligibility: all('Adultes, en petit groupe, sur inscription.', 'الكبار، في مجموعات صغيرة، بالتسجيل.', 'Adults, in small groups, on registration.'),
		services: ['psychosocial'],
		cities: ['Casablanca'],
		regions: ['MA-06'],
		languages: ['fr', 'en', 'ln', 'sw']
	},
	{
		organisation: 'exemple-collectif-droits-pour-tous',
		name: all('Aide aux démarches CNSS et AMO', 'المساعدة في إجراءات الضمان الاجتماعي والتأمين عن المرض', 'Help with CNSS and AMO procedures'),
		description: all('Vérifier ses jours déclarés, créer son compte en ligne, déposer un dossier de remboursement.', 'التحقق من الأيام المصرح بها، إنشاء الحساب الإلكتروني، إيداع ملف الاسترجاع.', 'Check declared days, open the online account, file a claim for care costs.'),
		eligibility: all('Salariés déclarés ou qui pensent devoir l’être.', 'الأجراء المصرح بهم أو الذين يعتقدون أنه يجب التصريح بهم.', 'Employees who are declared, or think they should be.'),
		services: ['administrative_help'],
		cities: ['Casablanca', 'Marrakech'],
		regions: ['MA-06', 'MA-07'],
		languages: ['fr', 'ar']
	},
	{
		organisation: 'expertise-france',
		name: all('Créer son activité — accompagnement', 'إنشاء النشاط الخاص — مواكبة', 'Start your business — coaching'),
		description: all('Formation courte à la gestion et suivi individuel pour créer une petite entreprise.', 'تكوين قصير في التسيير وتتبع فردي لإنشاء مقاولة صغيرة.', 'A short management course and one-to-one coaching to start a small business.'),
		eligibility: all('Personnes régularisées avec un projet d’activité.', 'الأشخاص الذين تمت تسوية وضعيتهم ولهم مشروع نشاط.', 'Regularised people with a business idea.'),
		services: ['entrepreneurship', 'training'],
		initiatives: ['sharaka-composante-3a-insertion-immigres-regularises'],
		cities: ['Rabat', 'Tanger', 'Fès'],
		regions: ['MA-04', 'MA-01', 'MA-03'],
		languages: ['fr', 'en', 'ar'],
		email: 'entreprendre@example.org'
	},
	{
		organisation: 'expertise-france',
		name: all('Formation qualifiante en bâtiment', 'تكوين تأهيلي في البناء', 'Building trades training'),
		description: all('Trois mois de formation en électricité ou plomberie, avec stage en entreprise.', 'ثلاثة أشهر من التكوين في الكهرباء أو الترصيص، مع تدريب في مقاولة.', 'Three months of training in electrical work or plumbing, with a work placement.'),
		eligibility: all('Chercheurs d’emploi de 18 à 35 ans.', 'الباحثون عن عمل من 18 إلى 35 سنة.', 'Job seekers aged 18 to 35.'),
		services: ['training'],
		cities: ['Tanger', 'Tétouan'],
		regions: ['MA-01'],
		languages: ['fr', 'ar', 'es']
	},
	{
		organisation: 'expertise-france',
		name: all('Français professionnel', 'الفرنسية المهنية', 'French for work'),
		description: all('Cours de français pour le travail : lire une offre, écrire un courriel, parler au téléphone.', 'دروس في الفرنسية للعمل: قراءة عرض، كتابة رسالة إلكترونية، التحدث في الهاتف.', 'French classes for work: reading a job offer, writing an e-mail, speaking on the phone.'),
		eligibility: all('Niveau débutant ou intermédiaire.', 'مستوى مبتدئ أو متوسط.', 'Beginner or intermediate level.'),
		services: ['language_courses'],
		cities: ['Fès', 'Meknès'],
		regions: ['MA-03'],
		languages: ['fr', 'en', 'ha']
	},
	{
		organisation: 'migration-et-developpement',
		name: all('Insertion professionnelle dans le Souss', 'الإدماج المهني في سوس', 'Work integration in the Souss'),
		description: all('Mise en relation avec des employeurs agricoles et suivi après l’embauche.', 'الربط مع مشغلين في الفلاحة وتتبع بعد التوظيف.', 'Connecting people with farm employers and follow-up after hiring.'),
		eligibility: all('Personnes en situation régulière cherchant un emploi.', 'الأشخاص في وضعية قانونية الباحثون عن عمل.', 'People with legal residence looking for work.'),
		services: ['training', 'administrative_help'],
		cities: ['Agadir', 'Taroudant'],
		regions: ['MA-09'],
		languages: ['fr', 'ar', 'zgh']
	},
	{
		organisation: 'oim',
		name: all('Accompagnement psychosocial', 'المواكبة النفسية والاجتماعية', 'Psychosocial support'),
		description: all('Écoute individuelle et orientation vers des professionnels.', 'إنصات فردي وتوجيه نحو مختصين.', 'One-to-one listening and referral to professionals.'),
		eligibility: all('Personnes migrantes en situation de vulnérabilité.', 'المهاجرون في وضعية هشاشة.', 'Migrants in vulnerable situations.'),
		services: ['psychosocial', 'health_referral'],
		initiatives: ['oim-migration-developpement-durable'],
		cities: ['Rabat', 'Casablanca', 'Oujda'],
		regions: ['MA-04', 'MA-06', 'MA-02'],
		languages: ['fr', 'en', 'ar', 'pt']
	},
	{
		organisation: 'giz',
		name: all('Orientation vers la formation professionnelle', 'التوجيه نحو التكوين المهني', 'Guidance towards vocational training'),
		description: all('Information sur les filières de formation et aide à l’inscription.', 'معلومات حول شعب التكوين والمساعدة في التسجيل.', 'Information on training courses and help to enrol.'),
		eligibility: all('Jeunes de 18 à 30 ans.', 'الشباب من 18 إلى 30 سنة.', 'Young people aged 18 to 30.'),
		services: ['training', 'administrative_help'],
		cities: ['Béni Mellal', 'Marrakech'],
		regions: ['MA-05', 'MA-07'],
		languages: ['fr', 'ar', 'en']
	}
];

/**
 * Demo mode: three fictional associations (names marked "exemple") and about fifteen fictional
 * programmes, all badged as samples, attached to them and to the demo organisations.
 */
export async function loadSupportDemoData(db: Db): Promise<void> {
	await db.transaction(async (tx) => {
		const context = systemContext('system');
		const associations = await tx
			.insert(organisation)
			.values(sampleAssociations.map((row) => ({ ...row, country: 'MA' })))
			.onConflictDoNothing()
			.returning();
		for (const row of associations) {
			await recordAudit(tx, context, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, after: { ...row, sample: true } });
		}
		const slugs = [...new Set(samplePrograms.map((programme) => programme.organisation))];
		const owners = await tx.select().from(organisation).where(inArray(organisation.slug, slugs));
		const bySlug = new Map(owners.map((row) => [row.slug, row]));
		// the seeds: the associations' programmes are those "mis en œuvre par les OSC financées par le MDCMREAM" (newsletter n°10)
		const [ministry] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'mdcmre'));
		const wanted = samplePrograms.flatMap((programme) => (programme.initiatives ?? []).map((slug) => linkValue(INITIATIVE_LINK, slug)));
		const existing = new Set((await resolveLinks(tx, wanted, 'fr')).map((link) => link.value));
		const rows = samplePrograms
			.filter((programme) => bySlug.has(programme.organisation))
			.map((programme) => {
				const owner = bySlug.get(programme.organisation)!;
				return {
					collection: supportProgrammes.key,
					organisationId: owner.id,
					name: programme.name,
					description: programme.description,
					eligibility: programme.eligibility,
					services: programme.services,
					cities: programme.cities,
					regions: programme.regions,
					languages: programme.languages,
					phone: programme.phone ?? null,
					email: programme.email ?? null,
					address: programme.address ?? null,
					website: null,
					funderIds: ministry && owner.type === 'ngo' ? [ministry.id] : [],
					links: (programme.initiatives ?? []).map((slug) => linkValue(INITIATIVE_LINK, slug)).filter((value) => existing.has(value)),
					isSample: true,
					searchText: directorySearchText(programme, owner)
				};
			});
		if (rows.length === 0) return;
		const inserted = await tx.insert(directoryEntry).values(rows).returning({ id: directoryEntry.id });
		for (const row of inserted) {
			await recordAudit(tx, context, { action: 'support_programme.create', resourceType: 'support_programme', resourceId: row.id, after: { sample: true } });
		}
	});
}
