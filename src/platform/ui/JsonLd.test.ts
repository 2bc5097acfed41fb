import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import JsonLd from './JsonLd.svelte';

const scriptsOf = (head: string) => [...head.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]);

describe('schema.org JSON-LD in the head', () => {
	it('writes one script that parses back to the same object', () => {
		const data = { '@context': 'https://schema.org', '@type': 'GovernmentService', name: 'Accueil & orientation', areaServed: 'المغرب' };
		const [json] = scriptsOf(render(JsonLd, { props: { data } }).head);
		expect(JSON.parse(json)).toEqual(data);
	});

	it('cannot be closed by a name that holds </script>', () => {
		const data = { '@type': 'Organization', name: '</script><script>alert(1)</script>' };
		const { head } = render(JsonLd, { props: { data } });
		expect(head.match(/<script/g)).toHaveLength(1);
		expect(JSON.parse(scriptsOf(head)[0]).name).toBe(data.name);
	});

	it('writes nothing when there is nothing to describe', () => {
		expect(render(JsonLd, { props: { data: null } }).head).not.toContain('ld+json');
	});
});
