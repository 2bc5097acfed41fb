// A generated IATI 2.03 file for the benchmarks: N activities with French and English titles and
// descriptions, dates, three participating organisations out of 60 (a third unknown to the Atlas),
// budgets, a commitment, sectors, Morocco and a region or a point; one activity in twenty outside Morocco.
import fs from 'node:fs';

const places = ['Oriental', 'Souss-Massa', 'Casablanca-Settat', 'Tanger-Tétouan-Al Hoceima', 'Fès-Meknès', 'Marrakech-Safi'];
const subjects = ['Mobilité des compétences', 'Réintégration des migrants de retour', 'Investissement de la diaspora', 'Intégration des immigrés', 'Protection des droits des migrants', 'Gouvernance régionale des migrations'];
const sectors = ['15190', '24050', '16010', '16020', '15160', '11330'];
const known = ['Deutsche Gesellschaft für Internationale Zusammenarbeit', 'Union européenne', 'Organisation internationale pour les migrations', 'Agence nationale de promotion de l’emploi et des compétences', 'Expertise France'];
const organisations = Array.from({ length: 60 }, (_, index) =>
	index < known.length ? { ref: `XM-BENCH-${index}`, name: known[index] } : { ref: `XM-BENCH-${index}`, name: `Organisation de coopération n° ${index}` }
);

function activityXml(index: number): string {
	const subject = subjects[index % subjects.length];
	const place = places[index % places.length];
	const start = 2010 + (index % 14);
	const funder = organisations[index % organisations.length];
	const implementer = organisations[(index * 7 + 3) % organisations.length];
	const partner = organisations[(index * 13 + 5) % organisations.length];
	const morocco = index % 20 !== 0;
	return `<iati-activity xml:lang="fr" default-currency="EUR" last-updated-datetime="2025-01-01T00:00:00Z">
<iati-identifier>XM-BENCH-${String(index).padStart(6, '0')}</iati-identifier>
<reporting-org ref="XM-BENCH-REPORTER" type="10"><narrative>Bench reporter</narrative></reporting-org>
<title><narrative>${subject} — ${place} (${index})</narrative><narrative xml:lang="en">Project ${index}: ${subject} in ${place}</narrative></title>
<description type="1"><narrative>Projet n° ${index} : ${subject.toLowerCase()} dans la région ${place}, avec les collectivités et la société civile.</narrative><narrative xml:lang="en">Project ${index} in ${place}, with local authorities and civil society.</narrative></description>
<participating-org ref="${funder.ref}" role="1" type="10"><narrative>${funder.name}</narrative></participating-org>
<participating-org ref="${implementer.ref}" role="4" type="40"><narrative>${implementer.name}</narrative></participating-org>
<participating-org ref="${partner.ref}" role="3" type="22"><narrative>${partner.name}</narrative></participating-org>
<activity-status code="${index % 3 === 0 ? 4 : 2}"/>
<activity-date type="1" iso-date="${start}-01-01"/><activity-date type="2" iso-date="${start}-03-15"/><activity-date type="3" iso-date="${start + 3}-12-31"/>
${morocco ? '<recipient-country code="MA" percentage="100"/>' : '<recipient-country code="SN" percentage="100"/>'}
${index % 2 ? `<location><name><narrative>${place}</narrative></name></location>` : '<location><name><narrative>Site</narrative></name><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>34.68 -1.91</pos></point></location>'}
<sector vocabulary="1" code="${sectors[index % sectors.length]}" percentage="60"/><sector vocabulary="1" code="15190" percentage="40"/>
<budget type="1" status="1"><period-start iso-date="${start}-01-01"/><period-end iso-date="${start + 3}-12-31"/><value currency="EUR" value-date="${start}-01-01">${100_000 + index * 10}</value></budget>
<transaction><transaction-type code="11"/><transaction-date iso-date="${start}-01-01"/><value currency="EUR" value-date="${start}-01-01">${100_000 + index * 10}</value><provider-org ref="${funder.ref}"><narrative>${funder.name}</narrative></provider-org></transaction>
</iati-activity>
`;
}

/** Writes a file of `count` activities (identifiers XM-BENCH-000001…) and answers its size in bytes. */
export async function writeIatiFile(file: string, count: number): Promise<number> {
	const out = fs.createWriteStream(file);
	out.write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2025-01-01T00:00:00Z">\n');
	for (let index = 1; index <= count; index++) out.write(activityXml(index));
	out.write('</iati-activities>\n');
	await new Promise((resolve) => out.end(resolve));
	return fs.statSync(file).size;
}
