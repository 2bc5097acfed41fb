// Sharaka's one page script (docs/adr/0002): registers the service worker of the page's language, then
// enhances what only a script can do — the "keep to read offline" button of an offer page and the list
// of offers kept on this device. Every page works without it; without service workers it does nothing.
(function () {
	const script = document.currentScript;
	if (!script || !('serviceWorker' in navigator)) return;
	const worker = script.getAttribute('data-service-worker') || '';
	const scope = script.getAttribute('data-scope') || undefined;
	navigator.serviceWorker.register(worker, { scope }).catch(() => undefined);

	/**
	 * A question to the active service worker, answered through a message channel.
	 * @param {Record<string, unknown>} message
	 * @returns {Promise<any>}
	 */
	function ask(message) {
		return navigator.serviceWorker.ready.then(
			(registration) =>
				new Promise((resolve, reject) => {
					const channel = new MessageChannel();
					const timer = setTimeout(() => reject(new Error('no answer')), 20000);
					channel.port1.onmessage = (event) => {
						clearTimeout(timer);
						resolve(event.data);
					};
					if (!registration.active) return reject(new Error('no active worker'));
					registration.active.postMessage(message, [channel.port2]);
				})
		);
	}

	const keep = /** @type {HTMLButtonElement | null} */ (document.querySelector('button[data-offline-keep]'));
	if (keep) {
		const button = keep;
		const url = button.dataset.url || location.pathname;
		const status = document.querySelector('[data-offline-status]');
		let kept = false;
		/** @param {boolean} value */
		const show = (value) => {
			kept = value;
			button.textContent = (value ? button.dataset.labelRemove : button.dataset.labelKeep) || '';
			button.setAttribute('aria-pressed', String(value));
			button.hidden = false;
		};
		/** @param {string | undefined} text */
		const say = (text) => {
			if (status) status.textContent = text || '';
		};
		ask({ type: 'status', url }).then((reply) => show(Boolean(reply && reply.kept)), () => undefined);
		button.addEventListener('click', () => {
			button.disabled = true;
			const title = document.querySelector('h1')?.textContent?.trim() || '';
			ask({ type: kept ? 'forget' : 'keep', url, title })
				.then((reply) => {
					if (!reply || !reply.ok) throw new Error('refused');
					show(reply.kept);
					say(reply.kept ? button.dataset.done : button.dataset.removed);
				})
				.catch(() => say(button.dataset.failed))
				.finally(() => {
					button.disabled = false;
				});
		});
	}

	const section = /** @type {HTMLElement | null} */ (document.querySelector('[data-offline-kept]'));
	const list = section?.querySelector('[data-offline-kept-list]');
	const none = /** @type {HTMLElement | null | undefined} */ (section?.querySelector('[data-offline-kept-none]'));
	if (section && list) {
		ask({ type: 'list' }).then(
			(reply) => {
				/** @type {{ url: string, title: string }[]} */
				const items = (reply && reply.items) || [];
				for (const item of items) {
					const entry = document.createElement('li');
					const link = document.createElement('a');
					link.href = item.url;
					// a kept page's title is in its own language, unknown here: isolated like every name
					const name = document.createElement('bdi');
					name.textContent = item.title || item.url;
					link.append(name);
					entry.append(link);
					list.append(entry);
				}
				if (none) none.hidden = items.length > 0;
				section.hidden = false;
			},
			() => undefined
		);
	}
})();
