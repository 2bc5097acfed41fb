// The production server: SvelteKit's handler behind gzip/brotli compression, with a graceful
// shutdown (stop accepting, finish in-flight requests, then close the database).
import cluster from 'node:cluster';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import compression from 'compression';
import { readSettings } from '../src/platform/config/config.ts';
import { LARGEST_BODY_LIMIT } from '../src/platform/http/body-limits.ts';

const settings = readSettings();
if (settings.workers > 1 && !settings.databaseUrl) {
	// the embedded database is opened by one process
	console.error('WEB_CONCURRENCY above 1 needs DATABASE_URL (a PostgreSQL server): the embedded database serves one process.');
	process.exit(1);
}
if (cluster.isPrimary && settings.workers > 1) {
	// this process only supervises: each worker runs this file again as a whole server (scripts/workers.ts)
	const { superviseWorkers } = await import('./workers.ts');
	await superviseWorkers(settings.workers);
} else {
	await serve();
}

async function serve() {
	// adapter-node reads its settings under the SVELTEKIT_ prefix (vite.config.ts): pass on the proxy
	// headers an operator configured, and the adapter's own body limit — a backstop for bodies sent
	// without a length; the request hook answers 413 in our error shape first.
	for (const name of ['XFF_DEPTH', 'ADDRESS_HEADER', 'HOST_HEADER', 'PORT_HEADER']) {
		if (process.env[name]) process.env[`SVELTEKIT_${name}`] = process.env[name];
	}
	process.env.SVELTEKIT_BODY_SIZE_LIMIT = String(Math.max(settings.bodySizeLimit, settings.uploadSizeLimit, LARGEST_BODY_LIMIT) + 1);
	// adapter-node assumes https unless PROTOCOL_HEADER names a header; without a proxy that sets one,
	// we state the public protocol ourselves so SvelteKit's CSRF origin check matches the browser's Origin.
	const protocolFromProxy = Boolean(process.env.PROTOCOL_HEADER);
	const protocolHeader = (process.env.PROTOCOL_HEADER || 'x-sharaka-protocol').toLowerCase();
	process.env.SVELTEKIT_PROTOCOL_HEADER = protocolHeader;
	const publicProtocol = new URL(settings.publicUrl).protocol.replace(':', '');

	const root = path.resolve(import.meta.dirname, '..');
	let handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
	try {
		({ handler } = await import(path.join(root, 'build', 'handler.js')));
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}

	const compress = compression({
		threshold: 1024,
		brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }
	});

	const server = http.createServer((req, res) => {
		if (!protocolFromProxy) req.headers['x-sharaka-protocol'] = publicProtocol;
		// A request that carries a bearer token cannot be a cross-site forgery (browsers never attach one
		// by themselves), so API clients without an Origin header (scripts, partners' systems) may
		// POST/PUT/PATCH/DELETE any content type; SvelteKit's CSRF check would otherwise refuse them.
		if (!req.headers.origin && /^Bearer\s/i.test(req.headers.authorization ?? '') && req.headers.host) {
			const protocol = protocolFromProxy ? String(req.headers[protocolHeader] ?? publicProtocol) : publicProtocol;
			req.headers.origin = `${protocol.split(',')[0].trim()}://${req.headers.host}`;
		}
		// A mail client's one-click unsubscribe (RFC 8058) POSTs a form without an Origin header to the address
		// an e-mail gave it: that address carries its own key and can only unsubscribe, so it is let through
		// SvelteKit's CSRF check (which refuses any cross-site form POST).
		if (!req.headers.origin && req.method === 'POST' && /^\/api\/v1\/[a-z-]+\/[a-z-]+\/unsubscribe\/[A-Za-z0-9_-]{20,64}$/.test(req.url ?? '') && req.headers.host) {
			const protocol = protocolFromProxy ? String(req.headers[protocolHeader] ?? publicProtocol) : publicProtocol;
			req.headers.origin = `${protocol.split(',')[0].trim()}://${req.headers.host}`;
		}
		compress(req as never, res as never, () => {
			handler(req, res, () => {
				res.statusCode = 404;
				res.end();
			});
		});
	});
	server.keepAliveTimeout = 5_000;

	server.listen(settings.port, settings.host, () => {
		const shown = settings.host === '0.0.0.0' ? 'localhost' : settings.host;
		console.log(JSON.stringify({ level: 30, msg: `Sharaka listening on http://${shown}:${settings.port}` }));
	});

	let stopping = false;
	function shutdown(signal: string) {
		if (stopping) return;
		stopping = true;
		console.log(JSON.stringify({ level: 30, msg: `${signal}: finishing in-flight requests` }));
		server.close(() => {
			// hooks.server.ts closes the database on this event
			process.emit('sveltekit:shutdown' as 'exit', 0);
			// a worker's channel to its supervisor would keep it alive once its database is closed
			if (cluster.isWorker) process.disconnect();
		});
		server.closeIdleConnections();
		// Requests still running after 20 s are cut, so a stuck client cannot keep the process alive.
		setTimeout(() => server.closeAllConnections(), 20_000).unref();
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
}
