import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogue } from './catalogue.ts';
import { languages, intlLocale } from './languages.ts';
import { translate, MISSING_MARK } from './translator.ts';

/** The names of a message's arguments ({name}, {count, plural, …}), read from its ICU syntax tree. */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
	for (const element of elements) {
		if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
		if ('value' in element && typeof element.value === 'string') names.add(element.value);
		if ('options' in element) for (const option of Object.values(element.options)) argumentNames(option.value, names);
		if (element.type === TYPE.tag) argumentNames(element.children, names);
	}
	return names;
}

describe('message catalogue', () => {
	const allKeys = new Set(languages.flatMap((language) => [...catalogue()[language].keys()]));

	it('writes French as French typography wants: a non-breaking space before ; : ! ? and inside « »', () => {
		const problems = [...catalogue().fr.entries()].filter(([, message]) => / [;:!?»]|« /.test(message)).map(([key]) => key);
		expect(problems).toEqual([]);
	});

	it('addresses people in Arabic in one register, the second person plural (no singular imperative or "your" in the singular)', () => {
		const singular = /(^|[\s«"(])(اختر|أدخل|اكتب|أضف|أرسل|املأ|احذف|اقرأ|اطلب|انقر|اضغط|يمكنك|لديك|حسابك|ملفك|بريدك|عليك|إليك)(?=$|[\s.،:؛!؟»)])/;
		const problems = [...catalogue().ar.entries()].filter(([, message]) => singular.test(message)).map(([key]) => key);
		expect(problems).toEqual([]);
	});

	it('holds every namespace file the modules ship (a file not registered in its messages/index.ts shows raw keys)', () => {
		const modules = path.resolve(import.meta.dirname, '../../modules');
		const shipped = fs
			.readdirSync(modules, { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && fs.existsSync(path.join(modules, entry.name, 'messages', 'fr')))
			.flatMap((entry) => fs.readdirSync(path.join(modules, entry.name, 'messages', 'fr')).filter((file) => file.endsWith('.json')).map((file) => `${entry.name}: ${file.replace(/\.json$/, '')}`));
		const namespaces = new Set([...allKeys].map((key) => key.split('.')[0]));
		expect(shipped.filter((entry) => !namespaces.has(entry.split(': ')[1]))).toEqual([]);
	});

	it('has every key, non-empty, in every language', () => {
		const problems: string[] = [];
		for (const key of allKeys) {
			for (const language of languages) {
				const message = catalogue()[language].get(key);
				if (message === undefined) problems.push(`${language}: missing ${key}`);
				else if (message.trim() === '') problems.push(`${language}: empty ${key}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('has messages that parse as ICU and use the same placeholders in every language', () => {
		const problems: string[] = [];
		for (const key of allKeys) {
			const placeholders = languages.map((language) => {
				const message = catalogue()[language].get(key) ?? '';
				try {
					new IntlMessageFormat(message, intlLocale[language]);
				} catch (error) {
					problems.push(`${language} ${key}: ${(error as Error).message}`);
				}
				try {
					return [...argumentNames(parse(message))];
				} catch {
					return []; // reported above
				}
			});
			const [reference, ...others] = placeholders.map((names) => [...new Set(names)].sort().join(','));
			others.forEach((names, index) => {
				if (names !== reference) problems.push(`${languages[index + 1]} ${key}: placeholders ${names} ≠ ${reference}`);
			});
		}
		expect(problems).toEqual([]);
	});

	it('marks a missing key visibly instead of showing nothing', () => {
		expect(translate('fr', 'common.no_such_key')).toContain(MISSING_MARK);
	});

	it('uses the six Arabic plural forms', () => {
		expect(translate('ar', 'common.form_errors_title', { count: 2 })).toBe('في الاستمارة خطآن');
		expect(translate('ar', 'common.form_errors_title', { count: 3 })).toBe('في الاستمارة 3 أخطاء');
		expect(translate('ar', 'common.form_errors_title', { count: 11 })).toBe('في الاستمارة 11 خطأً');
		expect(translate('fr', 'common.form_errors_title', { count: 1 })).toBe('Le formulaire contient 1 erreur');
	});
});
