import { el, clear, messageTexts, show, viewHref, LONG, routeOf } from './dom.js';
import { models } from './table.js';

function lastUserText(exchange) {
	const texts = messageTexts(exchange['gen_ai.input.messages']).filter(([role]) => role === 'user');
	return texts.length ? texts[texts.length - 1][1] : null;
}

function answerText(exchange) {
	const texts = messageTexts(exchange['gen_ai.output.messages']);
	return texts.length ? texts.map(([, text]) => text).join('\n') : null;
}

/** Shows the requests of one context ID, oldest first, with what was asked and answered. */
export function renderConversation(view, contextId, entries, keys) {
	view.id.textContent = show(contextId);
	clear(view.list);
	const ordered = [...entries].sort((a, b) => Date.parse(a.request.startTime) - Date.parse(b.request.startTime));
	for (const entry of ordered) {
		const request = entry.request;
		const item = el('li', { class: 'turn', 'data-request-id': request[keys.requestId] },
			el('div', {}, el('a', { href: viewHref('request', request[keys.requestId]), text: request[keys.requestId] }),
				' ', el('span', { class: 'muted', text: request.startTime + ' \u00b7 ' + (routeOf(request) ?? '?')
					+ ' \u00b7 ' + request.outcome + ' \u00b7 ' + request.durationMs + ' ms \u00b7 '
					+ models(entry).join(', ') })));
		for (const exchange of entry.exchanges) {
			const asked = lastUserText(exchange);
			const answered = answerText(exchange);
			if (asked === null && answered === null) {
				item.append(el('div', { class: 'muted', text: 'Content: ' + (exchange['llm.content.mode'] ?? 'not captured') }));
				continue;
			}
			if (asked !== null) {
				item.append(el('div', { class: 'message' }, el('span', { class: 'role', text: 'user' }),
					el('span', { class: 'text' }, show(asked, LONG))));
			}
			if (answered !== null) {
				item.append(el('div', { class: 'message' }, el('span', { class: 'role', text: 'assistant' }),
					el('span', { class: 'text' }, show(answered, LONG))));
			}
		}
		view.list.append(item);
	}
}
