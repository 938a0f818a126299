// Analytics for leads and managers: the figures per day (volume and backlog, first response, SLA, first-contact
// resolution), resolution times by bucket and by queue and priority, each agent's throughput, load and CSAT, CSAT
// per queue. All from the counters the query service keeps as events arrive; each chart has its table and its
// CSV. The days and the queue are in the URL. The parts are in analytics/.

import {api} from '../api.js';
import {h, label, problemBox} from '../dom.js';
import {agentCards} from './analytics/agents.js';
import {breakdownCards} from './analytics/breakdowns.js';
import {filterForm} from './analytics/filters.js';
import {apiQuery, atMost, pageUrl, percent, rangeFrom, rating} from './analytics/model.js';
import {trendCards} from './analytics/trends.js';

function figure(key, value, what) {
    return h('li', {}, h('span', {class: 'tile', 'data-key': key}, h('span', {class: 'count'}, String(value)),
        h('span', {class: 'what'}, what)));
}

/** The range's totals at a glance (each is in a chart's table too). */
function totals(report) {
    const total = report.total;
    const lastBacklog = [...report.days].reverse().find(day => day.backlog !== null && day.backlog !== undefined);
    return h('section', {class: 'card wide', 'aria-labelledby': 'a-totals'}, h('h2', {id: 'a-totals'}, 'In the range'),
        h('ul', {class: 'tiles'},
            figure('opened', total.opened, 'opened'),
            figure('resolved', total.resolution.count, 'resolved'),
            figure('resolution-median', atMost(total.resolution.medianSecondsAtMost), 'median resolution time'),
            figure('first-response-median', atMost(total.firstResponse.medianSecondsAtMost), 'median first response'),
            figure('sla', percent(total.slaCompliance), 'SLA compliance'),
            figure('csat', rating(total.csatMean), `mean CSAT (${total.csatCount} ratings)`),
            figure('first-contact', percent(total.firstContact?.rate), 'resolved at first contact'),
            figure('backlog', lastBacklog ? lastBacklog.backlog : '—', 'open at the end')));
}

export async function render(main, {query, navigate}) {
    const asked = rangeFrom(query);
    const heading = h('div', {class: 'page-head'}, h('h1', {}, 'Analytics'),
        h('span', {class: 'muted', id: 'analytics-range'}));
    const apply = next => navigate(pageUrl(next));
    let report;
    let breakdowns;
    try {
        [report, breakdowns] = await Promise.all([
            api(`/api/analytics${apiQuery(asked)}`),
            api(`/api/analytics/breakdowns${apiQuery(asked)}`),
        ]);
    } catch (error) {
        main.append(heading, filterForm(asked, apply), problemBox(error));
        return null;
    }
    const shown = {from: report.from, to: report.to, queue: report.queue || ''};
    heading.querySelector('#analytics-range').textContent =
        `${shown.from} to ${shown.to} (UTC), ${shown.queue ? `${label('queue', shown.queue)} queue` : 'all queues'}`;
    const cards = [...trendCards(report, shown), ...breakdownCards(breakdowns, shown), ...agentCards(breakdowns, shown)];
    main.append(heading, filterForm(shown, apply),
        h('div', {class: 'grid', id: 'analytics-figures'}, totals(report), cards.map(card => card.element)));

    let charts = [];
    const draw = () => {
        charts.forEach(chart => chart && chart.destroy());
        charts = cards.map(card => card.draw());
    };
    draw();
    window.addEventListener('casestream:theme', draw);
    return () => {
        window.removeEventListener('casestream:theme', draw);
        charts.forEach(chart => chart && chart.destroy());
    };
}
