import { el, clear, show, viewHref, routeOf } from './dom.js';

/** Returns the models of a request's model calls. */
export function models(entry) {
	const names = new Set();
	for (const exchange of entry.exchanges) {
		const model = exchange['gen_ai.response.model'] ?? exchange['gen_ai.request.model'];
		if (model !== undefined) {
			names.add(String(model));
		}
	}
	return [...names];
}

/** Returns the text of a cost, such as 0.0012 USD. */
export function cost(fields) {
	const amount = fields['llm.cost.amount'];
	return (amount === undefined) ? '' : amount + ' ' + (fields['llm.cost.currency'] ?? '');
}

function feedbackText(entry) {
	return entry.feedback.map((feedback) => feedback['gen_ai.evaluation.name'] + ' '
		+ (feedback['gen_ai.evaluation.score.label'] ?? feedback['gen_ai.evaluation.score.value'] ?? '')).join(', ');
}

function tokens(request) {
	const input = request['gen_ai.usage.input_tokens'];
	const output = request['gen_ai.usage.output_tokens'];
	return (input === undefined && output === undefined) ? '' : (input ?? '?') + ' / ' + (output ?? '?');
}

/** Returns the text a filter is matched against. */
export function searchText(entry, keys) {
	const request = entry.request;
	return [request[keys.requestId], request[keys.contextId], request[keys.userId], routeOf(request),
		request.outcome, request.traceId, ...models(entry), ...request.exchangeIds].join(' ').toLowerCase();
}

/** Shows the requests as table rows, newest first; a click on a row opens it. */
export function renderTable(tbody, entries, keys) {
	clear(tbody);
	for (const entry of entries) {
		const request = entry.request;
		const requestId = request[keys.requestId];
		const contextId = request[keys.contextId];
		const row = el('tr', { class: 'request', 'data-request-id': requestId },
			el('td', { text: new Date(request.startTime).toLocaleTimeString(), title: request.startTime }),
			el('td', { text: routeOf(request) ?? '?' }),
			el('td', { text: request[keys.userId] }),
			el('td', {}, (contextId === undefined) ? null
				: el('a', { class: 'context', href: viewHref('context', contextId), text: contextId })),
			el('td', { text: models(entry).join(', ') }),
			el('td', { class: 'num', text: tokens(request) }),
			el('td', { class: 'num', text: cost(request) }),
			el('td', { class: 'num', text: request.durationMs + ' ms' }),
			el('td', { class: 'outcome-' + show(request.outcome), text: request.outcome }),
			el('td', { text: feedbackText(entry) }));
		row.addEventListener('click', (event) => {
			if (!event.target.closest('a') && requestId !== undefined) {
				location.hash = viewHref('request', requestId);
			}
		});
		tbody.append(row);
	}
}
