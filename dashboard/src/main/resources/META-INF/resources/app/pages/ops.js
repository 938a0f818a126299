// Operations: rebuild the read models from the event log (the old generation keeps serving until the switch)
// and watch the job's progress and ETA; page through the global audit log.

import {api} from '../api.js';
import {card, cardFrame, fillCard} from '../components/card.js';
import {actions, attempt, button, succeed} from '../components/form.js';
import {table} from '../components/table.js';
import {announce, duration, formatTime, h, problemBox, timeTag} from '../dom.js';

const JOBS_KEY = 'casestream.replayJobs';

function rememberedJobs() {
    try {
        return JSON.parse(sessionStorage.getItem(JOBS_KEY) || '[]');
    } catch {
        return [];
    }
}

export async function render(main) {
    const jobsList = h('div', {class: 'stack', id: 'replay-jobs'});
    const start = button('Rebuild the read models', null, {class: 'primary', id: 'start-rebuild'});
    const audit = cardFrame('audit-title');
    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Operations')),
        h('div', {class: 'stack'},
            card('Read-model rebuild', 'rebuild-title',
                h('p', {}, 'Replays every event from the start of the log into a new generation of the case lists, dashboard and search index. The current generation keeps serving until the new one has caught up; then they switch.'),
                actions(start),
                jobsList),
            audit));

    const timers = new Map();
    const announced = new Set();

    function progressCard(job) {
        const total = job.total ?? null;
        const percent = total ? Math.min(100, Math.round((job.done / total) * 100)) : null;
        const bar = h('progress', {max: total || 100, value: total ? Math.min(job.done, total) : null, 'aria-labelledby': `job-${job.jobId}-label`});
        if (!total) bar.removeAttribute('value');
        const eta = job.etaSeconds != null && job.state === 'RUNNING' ? `about ${duration(job.etaSeconds * 1000)} left` : '';
        return h('div', {class: 'notice', id: `job-${job.jobId}`},
            h('div', {id: `job-${job.jobId}-label`}, h('strong', {}, `Rebuild to generation ${job.generation}: ${String(job.state).toLowerCase()}`),
                percent !== null ? ` ${percent}%` : ''),
            bar,
            h('div', {class: 'muted'},
                `${job.done}${total ? ` of ${total}` : ''} events`,
                job.ratePerSecond ? ` · ${Math.round(job.ratePerSecond)} events/s` : '',
                eta ? ` · ${eta}` : '',
                ' · started ', timeTag(job.startedAt),
                job.finishedAt ? [' · finished ', timeTag(job.finishedAt)] : null));
    }

    async function watch(jobId) {
        let job;
        try {
            job = await api(`/api/ops/replays/${jobId}`);
        } catch (error) {
            if (error.status === 404) {
                sessionStorage.setItem(JOBS_KEY, JSON.stringify(rememberedJobs().filter(id => id !== jobId)));
                document.getElementById(`job-${jobId}`)?.remove();
                return;
            }
            const existing = document.getElementById(`job-${jobId}`);
            if (existing) existing.replaceWith(h('div', {id: `job-${jobId}`}, problemBox(error)));
            timers.set(jobId, window.setTimeout(() => watch(jobId), 3000));
            return;
        }
        const card = progressCard(job);
        const existing = document.getElementById(`job-${jobId}`);
        if (existing) existing.replaceWith(card); else jobsList.prepend(card);
        if (job.state === 'RUNNING' || job.state === 'PENDING' || job.state === 'SWITCHING') {
            timers.set(jobId, window.setTimeout(() => watch(jobId), 1000));
        } else if (!announced.has(jobId)) {
            announced.add(jobId);
            announce(`Rebuild ${String(job.state).toLowerCase()}: ${job.done} events`);
        }
    }

    start.addEventListener('click', async () => {
        start.disabled = true;
        await attempt(async () => {
            const job = await api('/api/ops/replays', {method: 'POST', body: {target: 'read-models'}});
            sessionStorage.setItem(JOBS_KEY, JSON.stringify([job.jobId, ...rememberedJobs().filter(id => id !== job.jobId)].slice(0, 10)));
            succeed('Rebuild started');
            watch(job.jobId);
        });
        start.disabled = false;
    });

    // ---- audit log ----
    const pages = [-1];
    async function showAudit(after) {
        fillCard(audit, 'Audit log');
        let page;
        try {
            page = await api(`/api/audit?after=${after}&limit=50`);
        } catch (error) {
            audit.append(problemBox(error));
            return;
        }
        const items = page.items || [];
        audit.append(table({
            caption: 'Every event in log order',
            columns: ['Position', 'When', 'Event', 'Subject', 'Actor'],
            body: items.map(entry => h('tr', {},
                h('td', {class: 'num'}, String(entry.position)), h('td', {}, formatTime(entry.at)), h('td', {}, entry.type),
                h('td', {}, /^[0-9a-f-]{36}$/.test(entry.subject || '') && !String(entry.type).startsWith('Agent')
                    ? h('a', {href: `/cases/${entry.subject}`}, String(entry.subject).slice(0, 8)) : String(entry.subject || '').slice(0, 8)),
                h('td', {}, entry.actor || '—'))),
        }),
        actions(
            pages.length > 1 ? button('Previous page', () => { pages.pop(); showAudit(pages[pages.length - 1]); }) : null,
            page.nextAfter != null && items.length === 50 ? button('Next page', () => { pages.push(page.nextAfter); showAudit(page.nextAfter); }) : null));
    }

    rememberedJobs().forEach(watch);
    await showAudit(-1);
    return () => timers.forEach(timer => window.clearTimeout(timer));
}
