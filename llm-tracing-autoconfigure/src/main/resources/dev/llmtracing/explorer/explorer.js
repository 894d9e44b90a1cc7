// The request explorer: reads the llmrequests endpoint and shows what it holds.
import { show } from './dom.js';
import { renderTable, searchText } from './table.js';
import { renderDetail } from './waterfall.js';
import { renderConversation } from './conversation.js';
import { renderFigures } from './figures.js';

const REFRESH_MILLIS = 3000;

const $ = (id) => document.getElementById(id);

const state = { config: null, entries: [], timer: null, signature: null };

async function getJson(url) {
	const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
	if (!response.ok) {
		throw new Error(url.pathname + ' answered ' + response.status);
	}
	return response.json();
}

function endpointUrl(params) {
	const url = new URL('../../' + state.config.endpoint, document.baseURI);
	for (const [name, value] of Object.entries(params)) {
		url.searchParams.set(name, value);
	}
	return url;
}

function status(text) {
	$('status').textContent = show(text);
}

function route() {
	const params = new URLSearchParams(location.hash.slice(1));
	if (params.has('request')) {
		return { view: 'request', id: params.get('request') };
	}
	if (params.has('context')) {
		return { view: 'context', id: params.get('context') };
	}
	return { view: 'list' };
}

function showSection(view) {
	$('figures').hidden = view !== 'list';
	$('requests').hidden = view !== 'list';
	$('detail').hidden = view !== 'request';
	$('conversation').hidden = view !== 'context';
}

function renderList() {
	const filter = $('filter').value.trim().toLowerCase();
	const keys = state.config.keys;
	// Redraw only on a change, so that a refresh neither flickers nor replaces a row being clicked
	const signature = filter + '\n' + state.entries.map((entry) => entry.request[keys.requestId] + ' '
		+ entry.exchanges.length + ' ' + entry.feedback.length).join('\n');
	if (signature === state.signature) {
		return;
	}
	state.signature = signature;
	const shown = filter ? state.entries.filter((entry) => searchText(entry, keys).includes(filter)) : state.entries;
	renderTable($('requests-table').tBodies[0], shown, keys);
	renderFigures($('figures-table').tBodies[0], state.entries);
	$('count').textContent = '(' + shown.length + ' of ' + state.entries.length + ')';
}

async function refreshList() {
	const body = await getJson(endpointUrl({}));
	state.entries = body.requests;
	renderList();
	status('Updated ' + new Date().toLocaleTimeString() + ' \u00b7 ring ' + body.ring.requests + ' / '
		+ body.ring.maxRequests + ' requests');
}

async function render() {
	const current = route();
	showSection(current.view);
	try {
		if (current.view === 'list') {
			await refreshList();
		}
		else if (current.view === 'request') {
			const body = await getJson(endpointUrl({ requestId: current.id }));
			const entry = body.requests[0];
			if (!entry) {
				status('Request ' + current.id + ' is no longer held');
				return;
			}
			renderDetail({ id: $('detail-id'), links: $('detail-links'), facts: $('detail-facts'),
				waterfall: $('waterfall'), calls: $('calls') }, entry, state.config.keys, state.config.traceUrlTemplate);
		}
		else {
			const body = await getJson(endpointUrl({ contextId: current.id }));
			renderConversation({ id: $('conversation-id'), list: $('conversation-list') }, current.id, body.requests,
				state.config.keys);
		}
	}
	catch (error) {
		status('Cannot read the llmrequests endpoint: ' + error.message);
	}
}

function schedule() {
	clearInterval(state.timer);
	state.timer = setInterval(() => {
		if ($('refresh').checked && route().view === 'list') {
			render();
		}
	}, REFRESH_MILLIS);
}

async function start() {
	try {
		state.config = await getJson(new URL('config.json', document.baseURI));
	}
	catch (error) {
		status('Cannot read the explorer configuration: ' + error.message);
		return;
	}
	$('filter').addEventListener('input', renderList);
	$('detail-back').addEventListener('click', (event) => { event.preventDefault(); location.hash = ''; });
	$('conversation-back').addEventListener('click', (event) => { event.preventDefault(); location.hash = ''; });
	window.addEventListener('hashchange', render);
	schedule();
	await render();
}

start();
