import { el, clear } from './dom.js';

function quantile(sorted, q) {
	if (!sorted.length) {
		return null;
	}
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[index];
}

/** Shows latency quantiles, tokens and cost per model over the requests held. */
export function renderFigures(tbody, entries) {
	const byModel = new Map();
	for (const entry of entries) {
		for (const exchange of entry.exchanges) {
			const model = String(exchange['gen_ai.response.model'] ?? exchange['gen_ai.request.model'] ?? '?');
			const figures = byModel.get(model) ?? { durations: [], input: 0, output: 0, cost: 0, currency: '' };
			figures.durations.push(Number(exchange.durationMs) || 0);
			figures.input += Number(exchange['gen_ai.usage.input_tokens'] ?? 0);
			figures.output += Number(exchange['gen_ai.usage.output_tokens'] ?? 0);
			if (exchange['llm.cost.amount'] !== undefined) {
				figures.cost += Number(exchange['llm.cost.amount']);
				figures.currency = String(exchange['llm.cost.currency'] ?? '');
			}
			byModel.set(model, figures);
		}
	}
	clear(tbody);
	const rows = [...byModel.entries()].sort();
	const slowest = Math.max(1, ...rows.map(([, figures]) => Math.max(...figures.durations)));
	const most = Math.max(1, ...rows.map(([, figures]) => figures.input + figures.output));
	for (const [model, figures] of rows) {
		const sorted = figures.durations.sort((a, b) => a - b);
		const p50 = quantile(sorted, 0.5);
		const p95 = quantile(sorted, 0.95);
		tbody.append(el('tr', { class: 'model', 'data-model': model },
			el('td', { text: model }), el('td', { class: 'num', text: sorted.length }),
			el('td', { class: 'num', text: Math.round(p50) }), el('td', { class: 'num', text: Math.round(p95) }),
			el('td', { class: 'chart' }, bar('p50', p50, slowest), bar('p95', p95, slowest)),
			el('td', { class: 'num', text: figures.input }), el('td', { class: 'num', text: figures.output }),
			el('td', { class: 'chart' }, bar('tokens', figures.input + figures.output, most)),
			el('td', { class: 'num', text: figures.currency ? figures.cost.toPrecision(4) + ' ' + figures.currency : '' })));
	}
}

function bar(name, value, max) {
	const fill = el('div', { class: 'fill fill-' + name, title: name + ' ' + Math.round(value) });
	fill.style.width = Math.max(0, Math.min(100, (value / max) * 100)) + '%';
	return el('div', { class: 'mini' }, fill);
}
