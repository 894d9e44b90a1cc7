// DOM helpers: every value becomes a text node or a checked attribute, never HTML.

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The most characters of one value shown in a table cell or summary. */
export const SHORT = 200;

/** The most characters of one value shown in a detail view. */
export const LONG = 20000;

/**
 * Returns a value as display text: bidirectional controls made visible, so that an ID
 * cannot reorder what surrounds it, and long text cut with a note of its length.
 */
export function show(value, max = SHORT) {
	if (value === undefined || value === null) {
		return '';
	}
	let text = String(value);
	if (text.length > max) {
		text = text.slice(0, max) + '\u2026 (' + text.length + ' characters)';
	}
	return text.replace(BIDI_CONTROLS, (c) => '[U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + ']');
}

/** Returns an http(s) URL, or a fragment of this page, else '#'. */
export function safeHref(value) {
	const text = String(value);
	if (text.startsWith('#')) {
		return text;
	}
	try {
		const url = new URL(text, document.baseURI);
		return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : '#';
	}
	catch (e) {
		return '#';
	}
}

/**
 * Creates an element. Props: class, text (shown with show()), href (checked by
 * safeHref), title, and data-* attributes; children are nodes or strings (as text).
 */
export function el(tag, props = {}, ...children) {
	const node = document.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === null) {
			continue;
		}
		if (key === 'class') {
			node.className = value;
		}
		else if (key === 'text') {
			node.textContent = show(value);
		}
		else if (key === 'href') {
			node.setAttribute('href', safeHref(value));
		}
		else if (key === 'title') {
			node.title = String(value);
		}
		else if (key.startsWith('data-')) {
			node.setAttribute(key, String(value));
		}
		else {
			throw new Error('unsupported property ' + key);
		}
	}
	for (const child of children) {
		if (child !== undefined && child !== null) {
			node.append(child instanceof Node ? child : document.createTextNode(String(child)));
		}
	}
	return node;
}

/** Removes every child of a node. */
export function clear(node) {
	node.replaceChildren();
	return node;
}

/** Returns the text parts of GenAI messages, as [role, text] pairs. */
export function messageTexts(messages) {
	const texts = [];
	for (const message of Array.isArray(messages) ? messages : []) {
		const parts = Array.isArray(message.parts) ? message.parts : [];
		const text = parts.map((part) => (typeof part.content === 'string') ? part.content
			: (part.type ? '[' + part.type + ']' : '')).join('\n');
		texts.push([String(message.role ?? '?'), text]);
	}
	return texts;
}

/** Returns a link to this page showing one request or one conversation. */
export function viewHref(view, id) {
	return '#' + new URLSearchParams([[view, String(id)]]).toString();
}

/** Returns what a request was: its HTTP route, or the service and method of a gRPC call. */
export function routeOf(request) {
	if (request['http.route'] !== undefined) {
		return request['http.route'];
	}
	if (request['rpc.method'] !== undefined) {
		return (request['rpc.service'] !== undefined ? request['rpc.service'] + '/' : '') + request['rpc.method'];
	}
	return undefined;
}
