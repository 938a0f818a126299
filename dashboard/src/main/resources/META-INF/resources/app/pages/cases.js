// The case list and queue views: filters for every field (kept in the URL, so drill-downs, back and saved
// searches are all just query strings), full text, sort, cursor paging, saved searches, CSV export, bulk actions,
// live row updates. The parts are in cases/; this module holds the filters and keeps the parts in step.

import {hasRole, queryString} from '../api.js';
import {linkList, tabs} from '../components/tabs.js';
import {agents as loadAgents} from '../directory.js';
import {announce, fill, h, LABELS} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {createBulkBar} from './cases/bulk.js';
import {exportCsv} from './cases/export.js';
import {createFilterForm, filtersFrom} from './cases/filters.js';
import {createResults} from './cases/results.js';
import {createSavedSearches} from './cases/saved.js';
import {createSelection} from './cases/selection.js';

/** "All cases", then each queue's open cases; the one shown is the current page. */
function queueLinks(filters) {
    const current = (filters.queue || []).length === 1 ? filters.queue[0] : null;
    return [
        {href: '/cases', text: 'All cases', current: !current && !Object.keys(filters).length},
        ...Object.keys(LABELS.queue).map(queue => ({
            href: `/cases${queryString({queue, status: 'new,inprogress'})}`, text: `${queue} queue`, current: current === queue,
        })),
    ];
}

export async function render(main, {query}) {
    const canWork = hasRole('agent', 'lead', 'admin');
    let filters = filtersFrom(query);
    const agentList = await loadAgents();

    const total = h('span', {class: 'muted', id: 'case-total'});
    const head = h('div', {class: 'page-head'}, h('h1', {}, 'Cases'), total,
        canWork ? h('a', {href: '/cases/new', class: 'button', id: 'new-case-link'}, 'New case') : null);
    const queueNav = tabs('Queues', 'queue-tabs');
    const drawQueueNav = () => fill(queueNav, linkList(queueLinks(filters)));
    const use = (next, options) => {
        filters = next;
        return apply(options);
    };
    const filterForm = createFilterForm(agentList, {current: () => filters, apply: use, exportCsv: () => exportCsv(filters)});
    const saved = createSavedSearches({current: () => filters, run: next => use(next)});
    const tbody = h('tbody', {id: 'case-rows'});
    const selection = createSelection(tbody);
    const results = createResults({
        tbody, selection, canWork, agentList,
        current: () => filters,
        onFirstPage: page => {
            filterForm.draw(page.facets || {});
            total.textContent = `${page.total ?? page.items.length} matching`;
            announce(`${page.total ?? page.items.length} cases match`);
        },
        onFirstFailed: () => filterForm.draw(),
        onShowNew: () => apply({keepForm: true}),
    });
    const bulkBar = createBulkBar(agentList, selection);

    function apply({keepForm = false} = {}) {
        history.pushState(null, '', `/cases${queryString(filters)}`);
        results.reset();
        selection.clear();
        drawQueueNav();
        // where the keyboard was, taken before the form is redrawn
        const focused = document.activeElement && document.activeElement.name;
        if (!keepForm) filterForm.draw();
        return results.load(true).then(() => {
            // the form is redrawn with new facet counts: keep the keyboard where it was
            if (focused) {
                const again = filterForm.form.querySelector(`[name="${CSS.escape(focused)}"]`);
                if (again && !filterForm.form.contains(document.activeElement)) again.focus();
            }
        });
    }

    // ---- keyboard ----
    function move(step) {
        const links = [...tbody.querySelectorAll('a.case-link')];
        if (!links.length) return;
        const index = links.indexOf(document.activeElement);
        const next = links[Math.max(0, Math.min(links.length - 1, index < 0 ? 0 : index + step))];
        next.focus();
    }
    const unregister = registerShortcuts({
        '/': () => document.getElementById('case-search').focus(),
        j: () => move(1),
        k: () => move(-1),
        x: () => {
            const tr = document.activeElement && document.activeElement.closest('tr[data-case-id]');
            const box = tr && tr.querySelector('input[type="checkbox"]');
            if (box) {
                box.checked = !box.checked;
                selection.toggle(tr.dataset.caseId, box.checked);
            }
        },
    });

    drawQueueNav();
    filterForm.draw();
    main.append(head, queueNav, h('div', {class: 'list-layout'}, filterForm.form, saved.element, results.element, canWork ? bulkBar : null));
    await Promise.all([results.load(true), saved.draw()]);
    if (query.get('focus') === 'search') {
        document.getElementById('case-search').focus();
    }
    return () => {
        results.stop();
        unregister();
        filterForm.stop();
    };
}
