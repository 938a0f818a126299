// The dashboard's widgets, drawn from one /api/dashboard view (and the SLA lists): every figure links to the
// case list filtered to it and carries a data-key, so a changed figure can be found and highlighted.

import {queryString} from '../../api.js';
import {card} from '../../components/card.js';
import {chartCard} from '../../components/chart-card.js';
import {note, unlessEmpty} from '../../components/note.js';
import {rowHeader, table} from '../../components/table.js';
import {tile, tiles} from '../../components/tiles.js';
import {badge, formatDay, h, label, LABELS, timeLeft} from '../../dom.js';

const OPEN = 'new,inprogress';

function casesLink(filters) {
    return `/cases${queryString(filters)}`;
}

function caseLine(summary, extra, asOf) {
    const href = asOf ? `/cases/${summary.caseId}?asOf=${encodeURIComponent(asOf)}` : `/cases/${summary.caseId}`;
    return h('li', {'data-case': summary.caseId},
        h('a', {href}, `${summary.caseNumber}`), ' ', summary.subject || '', ' ',
        badge('priority', summary.priority), ' ', extra || null);
}

function caseLines(cases, label) {
    return cases.length ? h('ul', {class: 'plain-list', 'aria-label': label},
        cases.map(c => caseLine(c, h('span', {class: 'muted'}, timeLeft(c.nextDue))))) : null;
}

function nextDay(day) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().replace('.000Z', 'Z');
}

function statusCard(view) {
    const byStatus = view.byStatus || {};
    return card('Cases by status', 'w-status', tiles(Object.keys(LABELS.status).map(status =>
        tile(`status:${status}`, byStatus[status] ?? 0, label('status', status), casesLink({status})))));
}

function priorityCard(view) {
    const byPriority = view.openByPriority || {};
    return card('Open cases by priority', 'w-priority', tiles(Object.keys(LABELS.priority).map(priority =>
        tile(`priority:${priority}`, byPriority[priority] ?? 0, label('priority', priority), casesLink({priority, status: OPEN})))));
}

function slaCard(view, atRiskCases, breachedCases) {
    const sla = view.sla || {};
    return card('SLA', 'w-sla',
        tiles(tile('sla:at-risk', sla.atRisk ?? 0, 'At risk', casesLink({sla: 'at-risk'})),
            tile('sla:breached', sla.breached ?? 0, 'Breached', casesLink({sla: 'breached'}))),
        h('h3', {class: 'visually-hidden'}, 'Breached cases'),
        caseLines(breachedCases, 'Breached cases, most overdue first'),
        caseLines(atRiskCases, 'Cases at risk, soonest due first'));
}

function criticalCard(view, asOf) {
    const critical = view.criticalOpen || {count: 0, cases: []};
    return card(['Critical open cases ', h('a', {href: casesLink({priority: 'critical', status: OPEN}), 'data-key': 'critical',
        'aria-label': `${critical.count} critical open cases: show all`}, `(${critical.count})`)], 'w-critical',
    critical.cases.length
        ? h('ul', {class: 'plain-list'}, critical.cases.map(c => caseLine(c, badge('slaState', c.slaState), asOf)))
        : note('No critical cases open.'));
}

function queueCard(view) {
    const queues = view.byQueueAndStatus || {};
    const statuses = Object.keys(LABELS.status);
    return card('Queues', 'w-queues', table({
        caption: 'Cases per queue and status',
        columns: ['Queue', ...statuses.map(s => ({label: label('status', s), class: 'num'}))],
        body: Object.entries(queues).map(([queue, counts]) => h('tr', {},
            rowHeader(h('a', {href: casesLink({queue, status: OPEN})}, label('queue', queue))),
            statuses.map(s => h('td', {class: 'num', 'data-key': `queue:${queue}:${s}`},
                h('a', {href: casesLink({queue, status: s}), 'aria-label': `${counts[s] ?? 0} ${label('status', s)} in ${queue}`}, String(counts[s] ?? 0)))))),
    }));
}

function agentCard(view, asOf) {
    const day = asOf ? 'that day' : 'today';
    return card('Agents', 'w-agents', unlessEmpty(view.agents || [], agents => table({
        caption: `Agents with availability, load and cases resolved ${day}`,
        columns: ['Agent', 'Availability', 'Load', {label: `Resolved ${day}`, class: 'num'}],
        body: agents.map(agent => h('tr', {'data-key': `agent:${agent.agentId}`},
            rowHeader(h('a', {href: casesLink({assignee: agent.agentId, status: OPEN})}, agent.name || agent.agentId)),
            h('td', {}, badge('availability', agent.availability)),
            h('td', {}, h('meter', {min: 0, max: Math.max(agent.capacity, 1), value: agent.load, 'aria-label': `${agent.name} load`}),
                ` ${agent.load} / ${agent.capacity}`),
            h('td', {class: 'num'}, String(agent.resolvedToday ?? 0)))),
    }), 'No agents registered yet.'));
}

/** The volume trend: {element, canvas}; the chart is drawn on the canvas once the card is in the page. */
export function volumeCard(volume) {
    return chartCard({
        title: 'Volume trend',
        id: 'w-volume',
        extraClass: 'wide',
        description: `Cases opened and resolved per day over the last ${volume.length} days; the table below has the figures`,
        figures: {
            summary: 'Figures per day',
            table: table({
                caption: 'Cases opened and resolved per day (UTC)',
                columns: ['Day', {label: 'Opened', class: 'num'}, {label: 'Resolved', class: 'num'}],
                body: volume.map(day => h('tr', {},
                    rowHeader(h('a', {href: casesLink({createdFrom: `${day.day}T00:00:00Z`, createdTo: nextDay(day.day)})}, formatDay(day.day))),
                    h('td', {class: 'num'}, String(day.opened)), h('td', {class: 'num'}, String(day.resolved)))),
            }),
        },
    });
}

/** Every widget but the volume trend, in the order they are shown; {@code asOf} when they show the past. */
export function widgets(view, atRiskCases, breachedCases, asOf) {
    return [statusCard(view), priorityCard(view), slaCard(view, atRiskCases, breachedCases), criticalCard(view, asOf),
        queueCard(view), agentCard(view, asOf)];
}
