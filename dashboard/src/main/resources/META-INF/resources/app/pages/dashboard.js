// The live dashboard: every number links to the case list filtered to it, and is refreshed (and marked) when
// the stream says a case changed.

import {api, queryString} from '../api.js';
import {announce, badge, clear, flash, formatDay, h, label, LABELS, problemBox, timeLeft, fill} from '../dom.js';
import {onCaseChange} from '../stream.js';

const OPEN = 'new,inprogress';

function casesLink(filters) {
    return `/cases${queryString(filters)}`;
}

function tile(key, count, what, href) {
    return h('li', {}, h('a', {class: 'tile', href, 'data-key': key, 'aria-label': `${count} ${what}`},
        h('span', {class: 'count'}, String(count)), h('span', {class: 'what'}, what)));
}

function caseLine(summary, extra) {
    return h('li', {'data-case': summary.caseId},
        h('a', {href: `/cases/${summary.caseId}`}, `${summary.caseNumber}`), ' ', summary.subject || '', ' ',
        badge('priority', summary.priority), ' ', extra || null);
}

export async function render(main) {
    const heading = h('div', {class: 'page-head'}, h('h1', {}, 'Dashboard'),
        h('span', {class: 'muted', id: 'dash-updated'}, ''));
    const body = h('div', {class: 'grid', id: 'dashboard-widgets'});
    main.append(heading, body);
    let chart = null;
    let previous = null;
    let timer = null;
    let disposed = false;

    async function load() {
        let view;
        let atRisk;
        let breached;
        try {
            [view, atRisk, breached] = await Promise.all([
                api('/api/dashboard'),
                api('/api/sla?state=at-risk&limit=5'),
                api('/api/sla?state=breached&limit=5'),
            ]);
        } catch (error) {
            fill(body, problemBox(error));
            return;
        }
        if (disposed) {
            return;
        }
        const changes = previous ? differences(previous, view) : [];
        draw(view, atRisk.items || [], breached.items || []);
        for (const key of changes) {
            flash(body.querySelector(`[data-key="${CSS.escape(key)}"]`));
        }
        if (changes.length) {
            announce(`Dashboard updated: ${describe(previous, view)}`);
        }
        previous = view;
        document.getElementById('dash-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    }

    function draw(view, atRiskCases, breachedCases) {
        if (chart) {
            chart.destroy();
            chart = null;
        }
        const byStatus = view.byStatus || {};
        const byPriority = view.openByPriority || {};
        const statusCard = h('section', {class: 'card', 'aria-labelledby': 'w-status'},
            h('h2', {id: 'w-status'}, 'Cases by status'),
            h('ul', {class: 'tiles'}, Object.keys(LABELS.status).map(status =>
                tile(`status:${status}`, byStatus[status] ?? 0, label('status', status), casesLink({status})))));
        const priorityCard = h('section', {class: 'card', 'aria-labelledby': 'w-priority'},
            h('h2', {id: 'w-priority'}, 'Open cases by priority'),
            h('ul', {class: 'tiles'}, Object.keys(LABELS.priority).map(priority =>
                tile(`priority:${priority}`, byPriority[priority] ?? 0, label('priority', priority), casesLink({priority, status: OPEN})))));

        const sla = view.sla || {};
        const slaCard = h('section', {class: 'card', 'aria-labelledby': 'w-sla'},
            h('h2', {id: 'w-sla'}, 'SLA'),
            h('ul', {class: 'tiles'},
                tile('sla:at-risk', sla.atRisk ?? 0, 'At risk', casesLink({sla: 'at-risk'})),
                tile('sla:breached', sla.breached ?? 0, 'Breached', casesLink({sla: 'breached'}))),
            h('h3', {class: 'visually-hidden'}, 'Breached cases'),
            breachedCases.length ? h('ul', {class: 'plain-list', 'aria-label': 'Breached cases, most overdue first'},
                breachedCases.map(c => caseLine(c, h('span', {class: 'muted'}, timeLeft(c.nextDue))))) : null,
            atRiskCases.length ? h('ul', {class: 'plain-list', 'aria-label': 'Cases at risk, soonest due first'},
                atRiskCases.map(c => caseLine(c, h('span', {class: 'muted'}, timeLeft(c.nextDue))))) : null);

        const critical = view.criticalOpen || {count: 0, cases: []};
        const criticalCard = h('section', {class: 'card', 'aria-labelledby': 'w-critical'},
            h('h2', {id: 'w-critical'}, 'Critical open cases ', h('a', {href: casesLink({priority: 'critical', status: OPEN}), 'data-key': 'critical', 'aria-label': `${critical.count} critical open cases: show all`}, `(${critical.count})`)),
            critical.cases.length
                ? h('ul', {class: 'plain-list'}, critical.cases.map(c => caseLine(c, badge('slaState', c.slaState))))
                : h('p', {class: 'muted'}, 'No critical cases open.'));

        const queues = view.byQueueAndStatus || {};
        const statuses = Object.keys(LABELS.status);
        const queueCard = h('section', {class: 'card', 'aria-labelledby': 'w-queues'},
            h('h2', {id: 'w-queues'}, 'Queues'),
            h('div', {class: 'table-wrap'}, h('table', {},
                h('caption', {class: 'visually-hidden'}, 'Cases per queue and status'),
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Queue'), statuses.map(s => h('th', {scope: 'col', class: 'num'}, label('status', s))))),
                h('tbody', {}, Object.entries(queues).map(([queue, counts]) => h('tr', {},
                    h('th', {scope: 'row'}, h('a', {href: casesLink({queue, status: OPEN})}, label('queue', queue))),
                    statuses.map(s => h('td', {class: 'num', 'data-key': `queue:${queue}:${s}`},
                        h('a', {href: casesLink({queue, status: s}), 'aria-label': `${counts[s] ?? 0} ${label('status', s)} in ${queue}`}, String(counts[s] ?? 0))))))))));

        const agents = view.agents || [];
        const agentCard = h('section', {class: 'card', 'aria-labelledby': 'w-agents'},
            h('h2', {id: 'w-agents'}, 'Agents'),
            agents.length ? h('div', {class: 'table-wrap'}, h('table', {},
                h('caption', {class: 'visually-hidden'}, 'Agents with availability, load and cases resolved today'),
                h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Agent'), h('th', {scope: 'col'}, 'Availability'),
                    h('th', {scope: 'col'}, 'Load'), h('th', {scope: 'col', class: 'num'}, 'Resolved today'))),
                h('tbody', {}, agents.map(agent => h('tr', {'data-key': `agent:${agent.agentId}`},
                    h('th', {scope: 'row'}, h('a', {href: casesLink({assignee: agent.agentId, status: OPEN})}, agent.name || agent.agentId)),
                    h('td', {}, badge('availability', agent.availability)),
                    h('td', {}, h('meter', {min: 0, max: Math.max(agent.capacity, 1), value: agent.load, 'aria-label': `${agent.name} load`}),
                        ` ${agent.load} / ${agent.capacity}`),
                    h('td', {class: 'num'}, String(agent.resolvedToday ?? 0))))))) : h('p', {class: 'muted'}, 'No agents registered yet.'));

        const volume = view.volume || [];
        const canvas = h('canvas', {role: 'img', 'aria-label': `Cases opened and resolved per day over the last ${volume.length} days; the table below has the figures`});
        const volumeCard = h('section', {class: 'card wide', 'aria-labelledby': 'w-volume'},
            h('h2', {id: 'w-volume'}, 'Volume trend'),
            h('div', {class: 'chart-box'}, canvas),
            h('details', {},
                h('summary', {}, 'Figures per day'),
                h('div', {class: 'table-wrap'}, h('table', {},
                    h('caption', {class: 'visually-hidden'}, 'Cases opened and resolved per day (UTC)'),
                    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Day'), h('th', {scope: 'col', class: 'num'}, 'Opened'), h('th', {scope: 'col', class: 'num'}, 'Resolved'))),
                    h('tbody', {}, volume.map(day => h('tr', {},
                        h('th', {scope: 'row'}, h('a', {href: casesLink({createdFrom: `${day.day}T00:00:00Z`, createdTo: nextDay(day.day)})}, formatDay(day.day))),
                        h('td', {class: 'num'}, String(day.opened)), h('td', {class: 'num'}, String(day.resolved)))))))));

        fill(body, statusCard, priorityCard, slaCard, criticalCard, queueCard, agentCard, volumeCard);
        chart = drawChart(canvas, volume);
    }

    const redrawChart = () => {
        if (previous) {
            load();
        }
    };
    window.addEventListener('casestream:theme', redrawChart);

    const unsubscribe = onCaseChange(() => {
        window.clearTimeout(timer);
        timer = window.setTimeout(load, 300);
    });
    // SLA "time left" and at-risk counts move with the clock, not only with events
    const clock = window.setInterval(load, 60000);

    await load();
    return () => {
        disposed = true;
        unsubscribe();
        window.clearTimeout(timer);
        window.clearInterval(clock);
        window.removeEventListener('casestream:theme', redrawChart);
        if (chart) {
            chart.destroy();
        }
    };
}

function nextDay(day) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().replace('.000Z', 'Z');
}

function drawChart(canvas, volume) {
    if (!window.Chart) {
        return null;
    }
    const style = getComputedStyle(document.documentElement);
    const text = style.getPropertyValue('--text').trim();
    const grid = style.getPropertyValue('--border-soft').trim();
    const primary = style.getPropertyValue('--primary').trim();
    const ok = style.getPropertyValue('--ok').trim();
    return new window.Chart(canvas, {
        type: 'line',
        data: {
            labels: volume.map(day => formatDay(day.day)),
            datasets: [
                {label: 'Opened', data: volume.map(day => day.opened), borderColor: primary, backgroundColor: primary, tension: 0.2},
                {label: 'Resolved', data: volume.map(day => day.resolved), borderColor: ok, backgroundColor: ok, borderDash: [6, 4], tension: 0.2},
            ],
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            color: text,
            scales: {
                x: {ticks: {color: text}, grid: {color: grid}},
                y: {beginAtZero: true, ticks: {color: text, precision: 0}, grid: {color: grid}},
            },
            plugins: {legend: {labels: {color: text}}},
        },
    });
}

function flatten(view) {
    const values = {};
    Object.entries(view.byStatus || {}).forEach(([k, v]) => { values[`status:${k}`] = v; });
    Object.entries(view.openByPriority || {}).forEach(([k, v]) => { values[`priority:${k}`] = v; });
    Object.entries(view.byQueueAndStatus || {}).forEach(([queue, counts]) =>
        Object.entries(counts).forEach(([s, v]) => { values[`queue:${queue}:${s}`] = v; }));
    values['sla:at-risk'] = (view.sla || {}).atRisk;
    values['sla:breached'] = (view.sla || {}).breached;
    values.critical = (view.criticalOpen || {}).count;
    (view.agents || []).forEach(agent => { values[`agent:${agent.agentId}`] = `${agent.availability}/${agent.load}/${agent.resolvedToday}`; });
    return values;
}

function differences(before, after) {
    const a = flatten(before);
    const b = flatten(after);
    return Object.keys(b).filter(key => a[key] !== b[key]);
}

function describe(before, after) {
    const a = flatten(before);
    const b = flatten(after);
    const parts = Object.keys(LABELS.status)
        .filter(s => a[`status:${s}`] !== b[`status:${s}`])
        .map(s => `${label('status', s)} ${b[`status:${s}`]}`);
    return parts.length ? parts.join(', ') : 'figures changed';
}
