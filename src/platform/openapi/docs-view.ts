import { errorResponses as sharedErrorResponses, type OpenApiDocument } from './document.ts';

/**
 * Turns the OpenAPI document into what the readable docs page (/api/docs) shows:
 * endpoints grouped by tag, parameters and bodies as flat field lists. Reading the
 * generated document (rather than the zod schemas) means the page shows exactly what
 * API clients get.
 */

// A JSON Schema / OpenAPI object, read loosely.
type Node = Record<string, unknown>;

/** A limit or hint on a value; `key` names an `api.constraint_*` message. */
export interface Constraint {
	key: 'format' | 'enum' | 'min_length' | 'max_length' | 'minimum' | 'maximum' | 'min_items' | 'max_items' | 'pattern' | 'default';
	value: string | number;
}

export interface FieldRow {
	/** dotted path: `error.code`, `items[].id` */
	name: string;
	type: string;
	required: boolean;
	description: string | null;
	constraints: Constraint[];
}

export interface ParameterRow extends FieldRow {
	location: string;
}

export interface BodyView {
	contentType: string;
	/** the other media types the same response may have (the fields shown are those of `contentType`) */
	otherContentTypes: string[];
	/** the type of the whole body: `Health`, `User[]`, `object` */
	type: string;
	fields: FieldRow[];
}

export interface ResponseView {
	status: string;
	description: string;
	/** a shared error response: the page links to the error section instead of repeating its fields */
	error: boolean;
	body: BodyView | null;
}

export interface OperationView {
	anchor: string;
	method: string;
	path: string;
	summary: string;
	description: string | null;
	auth: 'bearer' | 'none';
	parameters: ParameterRow[];
	requestBody: BodyView | null;
	responses: ResponseView[];
}

export interface TagView {
	/** the group's address under /api/docs/ */
	slug: string;
	anchor: string;
	name: string;
	description: string | null;
	operations: OperationView[];
}

export interface ErrorResponseView {
	status: string;
	name: string;
	description: string;
}

export interface DocsView {
	title: string;
	version: string;
	bearerDescription: string | null;
	errorShape: FieldRow[];
	errorResponses: ErrorResponseView[];
	groups: TagView[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function isNode(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.length > 0 ? value : null;
}

export function slug(value: string): string {
	return value
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Follows a local `$ref` (`#/components/...`); returns the target and the component's name. */
function resolve(document: Node, node: unknown): { node: Node; name: string | null } {
	if (!isNode(node)) return { node: {}, name: null };
	const ref = text(node.$ref);
	if (!ref) return { node, name: null };
	let target: unknown = document;
	for (const part of ref.replace(/^#\//, '').split('/')) {
		target = isNode(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
	}
	return { node: isNode(target) ? target : {}, name: ref.split('/').pop() ?? null };
}

interface Described {
	type: string;
	/** the object whose properties are listed below this field, if any */
	object: Node | null;
	/** suffix added to child names: `[]` for an array of objects */
	childSuffix: string;
	constraints: Constraint[];
	description: string | null;
	/** a $ref already being expanded (recursive schema): do not expand it again */
	ref: string | null;
}

function constraintsOf(schema: Node): Constraint[] {
	const found: Constraint[] = [];
	if (text(schema.format)) found.push({ key: 'format', value: String(schema.format) });
	if (Array.isArray(schema.enum)) {
		const values = schema.enum.filter((value) => value !== null).map((value) => JSON.stringify(value));
		if (values.length) found.push({ key: 'enum', value: values.join(', ') });
	}
	if ('const' in schema) found.push({ key: 'enum', value: JSON.stringify(schema.const) });
	const numeric: [string, Constraint['key']][] = [
		['minLength', 'min_length'],
		['maxLength', 'max_length'],
		['minimum', 'minimum'],
		['maximum', 'maximum'],
		['minItems', 'min_items'],
		['maxItems', 'max_items']
	];
	for (const [keyword, key] of numeric) {
		if (typeof schema[keyword] === 'number') found.push({ key, value: schema[keyword] as number });
	}
	if (typeof schema.exclusiveMinimum === 'number') found.push({ key: 'minimum', value: `> ${schema.exclusiveMinimum}` });
	if (typeof schema.exclusiveMaximum === 'number') found.push({ key: 'maximum', value: `< ${schema.exclusiveMaximum}` });
	if (text(schema.pattern)) found.push({ key: 'pattern', value: String(schema.pattern) });
	if ('default' in schema && schema.default !== undefined) found.push({ key: 'default', value: JSON.stringify(schema.default) });
	return found;
}

function describe(document: Node, raw: unknown, expanding: ReadonlySet<string>): Described {
	const { node: schema, name } = resolve(document, raw);
	const ref = isNode(raw) ? text(raw.$ref) : null;
	const description = text(isNode(raw) ? raw.description : undefined) ?? text(schema.description);

	// nullable forms of 3.1: anyOf/oneOf with { type: 'null' }
	for (const keyword of ['anyOf', 'oneOf'] as const) {
		const options = schema[keyword];
		if (Array.isArray(options)) {
			const nonNull = options.filter((option) => !(isNode(option) && option.type === 'null'));
			const nullable = nonNull.length < options.length;
			if (nonNull.length === 1) {
				const inner = describe(document, nonNull[0], expanding);
				return {
					...inner,
					type: nullable ? `${inner.type} | null` : inner.type,
					description: description ?? inner.description,
					constraints: [...constraintsOf(schema), ...inner.constraints]
				};
			}
			const types = nonNull.map((option) => describe(document, option, expanding).type);
			return {
				type: [...types, ...(nullable ? ['null'] : [])].join(' | '),
				object: null,
				childSuffix: '',
				constraints: constraintsOf(schema),
				description,
				ref: null
			};
		}
	}
	if (Array.isArray(schema.allOf) && schema.allOf.length === 1) {
		const inner = describe(document, schema.allOf[0], expanding);
		return { ...inner, description: description ?? inner.description };
	}

	const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).map(String);
	const nullable = types.includes('null');
	const main = types.filter((type) => type !== 'null');
	const suffix = nullable ? ' | null' : '';
	const recursive = ref !== null && expanding.has(ref);

	if (main.includes('array')) {
		const items = describe(document, schema.items, ref ? new Set([...expanding, ref]) : expanding);
		const itemType = items.type.includes(' ') ? `(${items.type})` : items.type;
		return {
			type: `${itemType}[]${suffix}`,
			object: items.object,
			childSuffix: '[]',
			constraints: constraintsOf(schema),
			description,
			ref: items.ref
		};
	}
	const hasProperties = isNode(schema.properties) && Object.keys(schema.properties).length > 0;
	const objectLike = main.includes('object') || hasProperties;
	const typeName = name && objectLike ? name : main.join(' | ') || (hasProperties ? 'object' : 'any');
	return {
		type: `${typeName}${suffix}`,
		object: hasProperties && !recursive ? schema : null,
		childSuffix: '',
		constraints: constraintsOf(schema),
		description,
		ref
	};
}

/** The fields of an object schema, nested ones as dotted paths, depth-first. */
function fieldsOf(document: Node, object: Node, prefix: string, expanding: ReadonlySet<string>, rows: FieldRow[]): void {
	const properties = isNode(object.properties) ? object.properties : {};
	const required = new Set(Array.isArray(object.required) ? object.required.map(String) : []);
	for (const [key, property] of Object.entries(properties)) {
		const info = describe(document, property, expanding);
		const name = prefix + key;
		rows.push({ name, type: info.type, required: required.has(key), description: info.description, constraints: info.constraints });
		if (info.object) {
			const deeper = info.ref ? new Set([...expanding, info.ref]) : expanding;
			fieldsOf(document, info.object, `${name}${info.childSuffix}.`, deeper, rows);
		}
	}
}

function bodyOf(document: Node, content: unknown): BodyView | null {
	if (!isNode(content)) return null;
	const [contentType, media] = Object.entries(content)[0] ?? [];
	if (!contentType || !isNode(media)) return null;
	const info = describe(document, media.schema, new Set());
	const rows: FieldRow[] = [];
	if (info.object) fieldsOf(document, info.object, '', info.ref ? new Set([info.ref]) : new Set(), rows);
	return { contentType, otherContentTypes: Object.keys(content).slice(1), type: info.type, fields: rows };
}

export function docsView(openapi: OpenApiDocument): DocsView {
	const document = openapi as unknown as Node;
	const components = isNode(document.components) ? document.components : {};
	const securitySchemes = isNode(components.securitySchemes) ? components.securitySchemes : {};
	const bearer = isNode(securitySchemes.bearerAuth) ? securitySchemes.bearerAuth : {};

	const groups = new Map<string, TagView>();
	const declaredTags = Array.isArray(document.tags) ? document.tags.filter(isNode) : [];
	for (const tag of declaredTags) {
		const name = String(tag.name);
		groups.set(name, { slug: slug(name), anchor: `tag-${slug(name)}`, name, description: text(tag.description), operations: [] });
	}

	const paths = isNode(document.paths) ? document.paths : {};
	for (const [path, item] of Object.entries(paths)) {
		if (!isNode(item)) continue;
		for (const method of METHODS) {
			const operation = item[method];
			if (!isNode(operation)) continue;
			const parameters: ParameterRow[] = [];
			for (const raw of [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])]) {
				const { node: parameter } = resolve(document, raw);
				const info = describe(document, parameter.schema, new Set());
				parameters.push({
					name: String(parameter.name),
					location: String(parameter.in),
					type: info.type,
					required: parameter.required === true,
					description: text(parameter.description) ?? info.description,
					constraints: info.constraints
				});
			}
			const requestBody = operation.requestBody ? bodyOf(document, resolve(document, operation.requestBody).node.content) : null;
			const responses: ResponseView[] = [];
			for (const [status, raw] of Object.entries(isNode(operation.responses) ? operation.responses : {})) {
				const { node: response, name } = resolve(document, raw);
				const error = name !== null && isNode(raw) && text(raw.$ref)?.startsWith('#/components/responses/') === true;
				responses.push({
					status,
					description: text(response.description) ?? '',
					error,
					body: error ? null : bodyOf(document, response.content)
				});
			}
			const security = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
			const view: OperationView = {
				anchor: text(operation.operationId) ?? `${method}-${slug(path)}`,
				method: method.toUpperCase(),
				path,
				summary: text(operation.summary) ?? '',
				description: text(operation.description),
				auth: security.some((requirement) => isNode(requirement) && 'bearerAuth' in requirement) ? 'bearer' : 'none',
				parameters,
				requestBody,
				responses
			};
			const tagName = Array.isArray(operation.tags) && operation.tags.length ? String(operation.tags[0]) : 'Other';
			if (!groups.has(tagName)) groups.set(tagName, { slug: slug(tagName), anchor: `tag-${slug(tagName)}`, name: tagName, description: null, operations: [] });
			groups.get(tagName)!.operations.push(view);
		}
	}

	const errorShape: FieldRow[] = [];
	const schemas = isNode(components.schemas) ? components.schemas : {};
	if (isNode(schemas.Error)) fieldsOf(document, schemas.Error, '', new Set(['#/components/schemas/Error']), errorShape);

	const errorResponses: ErrorResponseView[] = Object.entries(sharedErrorResponses).map(([status, response]) => ({
		status,
		name: response.name,
		description: response.description
	}));

	const info = isNode(document.info) ? document.info : {};
	return {
		title: String(info.title ?? ''),
		version: String(info.version ?? ''),
		bearerDescription: text(bearer.description),
		errorShape,
		errorResponses,
		groups: [...groups.values()].filter((group) => group.operations.length > 0)
	};
}
