import { el, clear, show, messageTexts, viewHref, LONG, routeOf } from './dom.js';
import { cost } from './table.js';

const BUILT_IN_PARTS = ['model', 'tool', 'retrieval', 'other'];

function partClass(part, stageIndex) {
	return BUILT_IN_PARTS.includes(part) ? 'part-' + part : 'part-stage part-stage-' + (stageIndex % 4);
}

function percent(value, total) {
	return (total > 0) ? Math.max(0, Math.min(100, (value / total) * 100)) : 0;
}

/** Returns a link to the trace, or null when there is no template or trace ID. */
export function traceLink(template, traceId) {
	if (!template || !traceId) {
		return null;
	}
	const href = template.replace('{traceId}', encodeURIComponent(String(traceId)));
	const link = el('a', { class: 'trace', href, text: 'Trace ' + traceId });
	link.rel = 'noopener noreferrer';
	link.target = '_blank';
	return link;
}

function facts(request, keys, template) {
	const rows = [['Request ID', request[keys.requestId]], ['Context ID', request[keys.contextId]],
		['User ID', request[keys.userId]], ['Route', routeOf(request)],
		['HTTP status', request['http.response.status_code']], ['Start', request.startTime],
		['Duration', request.durationMs + ' ms'], ['Model calls', request['llm.request.model_calls']],
		['Tokens in / out', (request['gen_ai.usage.input_tokens'] ?? '?') + ' / '
			+ (request['gen_ai.usage.output_tokens'] ?? '?')],
		['Cost', cost(request)], ['Outcome', request.outcome], ['Error type', request['error.type']],
		['Trace ID', request.traceId]];
	const list = el('dl', { class: 'facts' });
	for (const [name, value] of rows) {
		if (value !== undefined && value !== '') {
			list.append(el('dt', { text: name }), el('dd', { text: value }));
		}
	}
	return list;
}

/** Gives each stage name its colour, in the order of the breakdown, then of the activities. */
function stageClasses(entry) {
	const classes = new Map();
	const names = Object.keys(entry.request.breakdown ?? {}).filter((part) => !BUILT_IN_PARTS.includes(part));
	for (const activity of entry.activities ?? []) {
		if (activity.part === 'stage') {
			names.push(activity.name);
		}
	}
	for (const name of names) {
		if (!classes.has(name)) {
			classes.set(name, partClass(name, classes.size));
		}
	}
	return classes;
}

function breakdown(request, classes) {
	const total = request.durationMs;
	const bar = el('div', { class: 'bar' });
	const legend = el('div', { class: 'legend' });
	for (const [part, millis] of Object.entries(request.breakdown ?? {})) {
		const className = classes.get(part) ?? partClass(part, 0);
		const segment = el('div', { class: 'segment ' + className, title: part + ': ' + millis + ' ms' });
		segment.style.width = percent(millis, total) + '%';
		bar.append(segment);
		legend.append(el('span', { class: 'part', 'data-part': part }, el('span', { class: 'swatch ' + className }),
			show(part) + ' ' + millis + ' ms'));
	}
	return [bar, legend];
}

/**
 * Puts the request, its model calls (from their records) and its tools, retrievals and
 * stages (from its activities) on one time axis, in the order they started.
 */
function lanes(entry, classes) {
	const request = entry.request;
	const start = Date.parse(request.startTime);
	const total = Math.max(request.durationMs, 1);
	const container = el('div', { class: 'lanes' });
	const lane = (label, offset, millis, className) => {
		const span = el('div', { class: 'span ' + className, title: show(label) + ': ' + millis + ' ms' });
		span.style.left = percent(offset, total) + '%';
		span.style.width = percent(millis, total) + '%';
		return el('div', { class: 'lane' }, el('span', { class: 'label', text: label }),
			el('div', { class: 'track' }, span));
	};
	container.append(lane('request ' + (routeOf(request) ?? ''), 0, request.durationMs, 'part-other'));
	const rows = [];
	entry.exchanges.forEach((exchange, index) => {
		const model = exchange['gen_ai.response.model'] ?? exchange['gen_ai.request.model'] ?? '?';
		const offset = Date.parse(exchange.startTime) - start;
		const className = (exchange.outcome === 'error') ? 'part-model error' : 'part-model';
		const row = lane('#' + (index + 1) + ' ' + model, offset, exchange.durationMs, className);
		row.classList.add('model-call');
		rows.push([offset, row]);
	});
	for (const activity of entry.activities ?? []) {
		if (activity.part === 'model') {
			continue;
		}
		const stage = activity.part === 'stage';
		const label = stage ? activity.name : activity.part;
		const className = stage ? classes.get(activity.name) : partClass(activity.part, 0);
		const row = lane(label, activity.offsetMs, activity.durationMs, className);
		row.classList.add('activity');
		row.dataset.part = activity.part;
		row.dataset.name = activity.name;
		rows.push([activity.offsetMs, row]);
	}
	rows.sort((a, b) => a[0] - b[0]);
	container.append(...rows.map(([, row]) => row));
	return container;
}

function messages(title, list) {
	const box = el('div', { class: 'messages' }, el('h4', { text: title }));
	for (const [role, text] of messageTexts(list)) {
		box.append(el('div', { class: 'message' }, el('span', { class: 'role', text: role }),
			el('span', { class: 'text' }, show(text, LONG))));
	}
	return box;
}

function call(exchange, index) {
	const model = exchange['gen_ai.response.model'] ?? exchange['gen_ai.request.model'] ?? '?';
	const summary = '#' + (index + 1) + ' ' + model + ' \u00b7 ' + exchange.outcome + ' \u00b7 '
		+ Math.round(exchange.durationMs) + ' ms \u00b7 tokens ' + (exchange['gen_ai.usage.input_tokens'] ?? '?')
		+ ' / ' + (exchange['gen_ai.usage.output_tokens'] ?? '?')
		+ ((exchange['gen_ai.response.finish_reasons'] ?? []).length ? ' \u00b7 ' + exchange['gen_ai.response.finish_reasons'].join(',') : '')
		+ ((exchange['llm.quality.signals'] ?? []).length ? ' \u00b7 signals ' + exchange['llm.quality.signals'].join(',') : '');
	const details = el('details', { class: 'call', 'data-exchange-id': exchange.exchangeId },
		el('summary', { text: summary }));
	if (exchange['gen_ai.input.messages']) {
		details.append(messages('Input', exchange['gen_ai.input.messages']));
	}
	if (exchange['gen_ai.output.messages']) {
		details.append(messages('Output', exchange['gen_ai.output.messages']));
	}
	if (!exchange['gen_ai.input.messages'] && !exchange['gen_ai.output.messages']) {
		details.append(el('p', { class: 'muted', text: 'Content: ' + (exchange['llm.content.mode'] ?? 'not captured')
			+ (exchange['llm.content.encrypted'] ? ' (encrypted, not decrypted here)' : '') }));
	}
	details.append(el('h4', { text: 'Record' }),
		el('pre', { class: 'record' }, show(JSON.stringify(exchange, null, 2), LONG)));
	return details;
}

/** Shows one request: its facts, where its time went, and its model calls. */
export function renderDetail(view, entry, keys, template) {
	const request = entry.request;
	view.id.textContent = show(request[keys.requestId]);
	clear(view.links);
	const trace = traceLink(template, request.traceId);
	if (trace) {
		view.links.append(trace);
	}
	if (request[keys.contextId] !== undefined) {
		view.links.append(' ', el('a', { class: 'context', href: viewHref('context', request[keys.contextId]),
			text: 'Conversation ' + show(request[keys.contextId]) }));
	}
	clear(view.facts).append(facts(request, keys, template));
	const classes = stageClasses(entry);
	clear(view.waterfall).append(...breakdown(request, classes), lanes(entry, classes));
	clear(view.calls).append(...entry.exchanges.map(call));
	if (entry.feedback.length) {
		view.calls.append(el('h3', { text: 'Feedback' }), el('pre', { class: 'feedback' },
			show(JSON.stringify(entry.feedback, null, 2), LONG)));
	}
}
