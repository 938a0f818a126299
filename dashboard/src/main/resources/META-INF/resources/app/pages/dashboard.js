// The live dashboard: every number links to the case list filtered to it, and is refreshed (and marked) when
// the stream says a case changed. With ?asOf= it shows the figures as they were at that instant, from the event
// log, and live updates are paused until "Now".

import {api} from '../api.js';
import {lineChart} from '../components/chart-card.js';
import {announce, fill, flash, formatDay, h, problemBox} from '../dom.js';
import {onCaseChange} from '../stream.js';
import {asOfBanner, timeControl} from './dashboard/as-of.js';
import {describe, differences} from './dashboard/changes.js';
import {volumeCard, widgets} from './dashboard/widgets.js';

function drawChart(canvas, volume) {
    return lineChart(canvas, volume.map(day => formatDay(day.day)), [
        {label: 'Opened', data: volume.map(day => day.opened), colour: '--primary'},
        {label: 'Resolved', data: volume.map(day => day.resolved), colour: '--ok', dashed: true},
    ]);
}

export async function render(main, {query, navigate}) {
    const asOf = query.get('asOf');
    const go = instant => navigate(instant ? `/?asOf=${encodeURIComponent(instant)}` : '/');
    const heading = h('div', {class: 'page-head'}, h('h1', {}, 'Dashboard'),
        h('span', {class: 'muted', id: 'dash-updated'}, ''), timeControl(asOf, go));
    const body = h('div', {class: 'grid', id: 'dashboard-widgets'});
    main.append(heading, asOf ? asOfBanner(asOf, go) : '', body);
    let chart = null;
    let previous = null;
    let timer = null;
    let disposed = false;

    async function load() {
        let view;
        let atRisk;
        let breached;
        try {
            // the SLA lists are the cases as they are now: the past shows the figures only
            [view, atRisk, breached] = asOf
                ? [await api(`/api/dashboard?asOf=${encodeURIComponent(asOf)}`), {}, {}]
                : await Promise.all([
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
        body.dataset.asOf = asOf || 'live';
        document.getElementById('dash-updated').textContent = asOf ? '' : `Updated ${new Date().toLocaleTimeString()}`;
    }

    function draw(view, atRiskCases, breachedCases) {
        if (chart) {
            chart.destroy();
            chart = null;
        }
        const volume = view.volume || [];
        const trend = volumeCard(volume);
        fill(body, widgets(view, atRiskCases, breachedCases, asOf), trend.element);
        chart = drawChart(trend.canvas, volume);
    }

    const redrawChart = () => {
        if (previous) {
            load();
        }
    };
    window.addEventListener('casestream:theme', redrawChart);

    // the past does not change: only the live dashboard follows the stream and the clock
    const unsubscribe = asOf ? () => {} : onCaseChange(() => {
        window.clearTimeout(timer);
        timer = window.setTimeout(load, 300);
    });
    // SLA "time left" and at-risk counts move with the clock, not only with events
    const clock = asOf ? null : window.setInterval(load, 60000);

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
