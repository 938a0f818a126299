// The case list and queue views: filters for every field (kept in the URL, so drill-downs, back and saved
// searches are all just query strings), full text, sort, cursor paging, saved searches, CSV export, bulk actions,
// live row updates.

import {api, hasRole, queryString} from '../api.js';
import {agentName, agents as loadAgents} from '../directory.js';
import {announce, append, badge, clear, field, flash, formatTime, h, label, LABELS, problemBox, problemText, select, timeLeft, toast, fill} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {onCaseChange} from '../stream.js';

const LIST_KEYS = ['status', 'priority', 'queue', 'channel', 'tier', 'assignee', 'tag', 'createdFrom', 'createdTo', 'q', 'sort'];
const KEYS = [...LIST_KEYS, 'sla'];
const SORTS = [
    ['-createdAt', 'Newest first'], ['createdAt', 'Oldest first'], ['-updatedAt', 'Recently updated'],
    ['priority', 'Most urgent first'], ['slaDue', 'SLA due soonest'], ['caseNumber', 'Case number'],
];

function filtersFrom(search) {
    const filters = {};
    for (const key of KEYS) {
        const values = search.getAll(key).flatMap(value => value.split(',')).map(v => v.trim()).filter(Boolean);
        if (values.length) {
            filters[key] = ['q', 'createdFrom', 'createdTo', 'sort', 'sla'].includes(key) ? search.get(key) : values;
        }
    }
    return filters;
}

export async function render(main, {query}) {
    const canWork = hasRole('agent', 'lead', 'admin');
    let filters = filtersFrom(query);
    let agentList = await loadAgents();
    let cursor = null;
    let loading = false;
    let newCases = 0;
    const selected = new Set();
    // on a phone the filters start folded away (the search field stays)
    let filtersOpen = !window.matchMedia('(max-width: 720px)').matches;

    const total = h('span', {class: 'muted', id: 'case-total'});
    const head = h('div', {class: 'page-head'}, h('h1', {}, 'Cases'), total);

    // ---- queue views ----
    const queueNav = h('nav', {class: 'queue-tabs', 'aria-label': 'Queues'});
    function drawQueueNav() {
        const current = (filters.queue || []).length === 1 ? filters.queue[0] : null;
        fill(queueNav, h('ul', {}, [
            h('li', {}, h('a', {href: '/cases', 'aria-current': !current && !Object.keys(filters).length ? 'page' : null}, 'All cases')),
            ...Object.keys(LABELS.queue).map(queue => h('li', {}, h('a', {
                href: `/cases${queryString({queue, status: 'new,inprogress'})}`,
                'aria-current': current === queue ? 'page' : null,
            }, `${queue} queue`))),
        ]));
    }

    // ---- filters ----
    const form = h('form', {class: 'card', role: 'search', 'aria-label': 'Filter cases'});
    const message = h('div', {class: 'form-message', role: 'alert'});

    function checkGroup(name, legend, values, facets) {
        const chosen = filters[name] || [];
        return h('fieldset', {}, h('legend', {}, legend), values.map(value => h('label', {class: 'check'},
            h('input', {type: 'checkbox', name, value, checked: chosen.includes(value)}),
            label(name, value), facets && facets[value] !== undefined ? h('span', {class: 'muted'}, ` (${facets[value]})`) : null)));
    }

    function drawForm(facets = {}) {
        const one = name => (filters[name] || [])[0] || '';
        const q = h('input', {type: 'search', name: 'q', value: filters.q || '', id: 'case-search', placeholder: 'Subject, description, comments, customer', 'aria-keyshortcuts': '/'});
        const dateValue = iso => (iso ? String(iso).slice(0, 10) : '');
        const more = h('details', {class: 'more-filters', open: filtersOpen});
        more.addEventListener('toggle', () => { filtersOpen = more.open; });
        fill(form,
            field('Search', q),
            more);
        append(more, [h('summary', {}, 'Filters and sort'),
            h('div', {class: 'filters'},
                h('div', {class: 'wide'}, checkGroup('status', 'Status', Object.keys(LABELS.status), facets.status)),
                h('div', {class: 'wide'}, checkGroup('priority', 'Priority', Object.keys(LABELS.priority), facets.priority)),
                field('Queue', select([['', 'Any queue'], ...Object.keys(LABELS.queue).map(v => [v, withFacet(v, label('queue', v), facets.queue)])], one('queue'), {name: 'queue'})),
                field('Channel', select([['', 'Any channel'], ...Object.keys(LABELS.channel).map(v => [v, withFacet(v, label('channel', v), facets.channel)])], one('channel'), {name: 'channel'})),
                field('Customer tier', select([['', 'Any tier'], ...Object.keys(LABELS.tier).map(v => [v, withFacet(v, label('tier', v), facets.tier)])], one('tier'), {name: 'tier'})),
                field('Assignee', select([['', 'Anyone'], ['none', 'Unassigned'], ...agentList.map(a => [a.agentId, a.name])], one('assignee'), {name: 'assignee'})),
                field('SLA', select([['', 'Any'], ['at-risk', 'At risk'], ['breached', 'Breached']], filters.sla || '', {name: 'sla'})),
                field('Tag', h('input', {name: 'tag', value: (filters.tag || []).join(','), autocomplete: 'off'}), 'Several: comma-separated'),
                field('Created from', h('input', {type: 'date', name: 'createdFrom', value: dateValue(filters.createdFrom)})),
                field('Created to', h('input', {type: 'date', name: 'createdTo', value: dateValue(filters.createdTo)})),
                field('Sort', select(SORTS, filters.sort || '-createdAt', {name: 'sort'})))]);
        append(form, [
            message,
            h('div', {class: 'actions'},
                h('button', {type: 'submit', class: 'primary'}, 'Apply filters'),
                h('button', {type: 'button', onclick: () => { filters = {}; apply(); }}, 'Clear filters'),
                h('button', {type: 'button', onclick: exportCsv}, 'Export CSV'))]);
    }

    function withFacet(value, text, facet) {
        return facet && facet[value] !== undefined ? `${text} (${facet[value]})` : text;
    }

    function readForm() {
        const data = new FormData(form);
        const next = {};
        const status = data.getAll('status');
        const priority = data.getAll('priority');
        if (status.length) next.status = status;
        if (priority.length) next.priority = priority;
        for (const name of ['queue', 'channel', 'tier', 'assignee']) {
            if (data.get(name)) next[name] = [data.get(name)];
        }
        const tags = String(data.get('tag') || '').split(',').map(t => t.trim()).filter(Boolean);
        if (tags.length) next.tag = tags;
        if (String(data.get('q') || '').trim()) next.q = String(data.get('q')).trim();
        if (data.get('createdFrom')) next.createdFrom = `${data.get('createdFrom')}T00:00:00Z`;
        if (data.get('createdTo')) next.createdTo = `${data.get('createdTo')}T23:59:59Z`;
        if (data.get('sort') && data.get('sort') !== '-createdAt') next.sort = data.get('sort');
        if (data.get('sla')) next.sla = data.get('sla');
        return next;
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        filters = readForm();
        apply();
    });
    let changeTimer = null;
    form.addEventListener('change', event => {
        if (event.target.name === 'q' || event.target.name === 'tag') {
            return;
        }
        window.clearTimeout(changeTimer);
        changeTimer = window.setTimeout(() => {
            filters = readForm();
            apply({keepForm: true});
        }, 250);
    });

    // ---- saved searches ----
    const saved = h('section', {class: 'card', 'aria-labelledby': 'saved-title'});
    async function drawSaved() {
        let searches = [];
        try {
            searches = await api('/api/saved-searches');
        } catch (error) {
            fill(saved, h('h2', {id: 'saved-title'}, 'Saved searches'), problemBox(error));
            return;
        }
        const chooser = select([['', searches.length ? 'Choose a saved search' : 'No saved searches yet'], ...searches.map(s => [s.name, s.name])], '', {id: 'saved-choice'});
        const name = h('input', {id: 'saved-name', maxlength: 80, autocomplete: 'off', pattern: '[\\p{L}\\p{N} _.\\-]{1,80}'});
        const saveForm = h('form', {class: 'row', 'aria-label': 'Save this search'},
            field('Save the current filters as', name),
            h('button', {type: 'submit'}, 'Save search'));
        saveForm.addEventListener('submit', async event => {
            event.preventDefault();
            const text = name.value.trim();
            if (!text) {
                toast('Give the search a name', 'error');
                name.focus();
                return;
            }
            const parameters = {};
            for (const [key, value] of Object.entries(filters)) {
                parameters[key] = Array.isArray(value) ? value : [value];
            }
            try {
                await api(`/api/saved-searches/${encodeURIComponent(text)}`, {method: 'PUT', body: {parameters}});
                toast(`Saved search “${text}”`, 'success');
                announce(`Saved search ${text}`);
                await drawSaved();
            } catch (error) {
                toast(problemText(error), 'error');
            }
        });
        const use = () => {
            const chosen = searches.find(s => s.name === chooser.value);
            if (!chosen) {
                return;
            }
            const search = new URLSearchParams();
            for (const [key, values] of Object.entries(chosen.parameters || {})) {
                search.set(key, [].concat(values).join(','));
            }
            filters = filtersFrom(search);
            apply();
        };
        const remove = async () => {
            if (!chooser.value) {
                return;
            }
            try {
                await api(`/api/saved-searches/${encodeURIComponent(chooser.value)}`, {method: 'DELETE'});
                toast('Saved search deleted', 'success');
                await drawSaved();
            } catch (error) {
                toast(problemText(error), 'error');
            }
        };
        fill(saved, h('h2', {id: 'saved-title'}, 'Saved searches'),
            h('div', {class: 'row'}, field('Saved search', chooser),
                h('button', {type: 'button', onclick: use}, 'Run'),
                h('button', {type: 'button', class: 'danger', onclick: remove}, 'Delete')),
            saveForm);
    }

    // ---- results ----
    const banner = h('div', {class: 'new-banner'});
    const tbody = h('tbody', {id: 'case-rows'});
    const selectAll = h('input', {type: 'checkbox', 'aria-label': 'Select every case shown'});
    const table = h('div', {class: 'table-wrap'}, h('table', {class: 'case-table'},
        h('caption', {class: 'visually-hidden'}, 'Cases matching the filters'),
        h('thead', {}, h('tr', {},
            canWork ? h('th', {scope: 'col'}, selectAll) : null,
            h('th', {scope: 'col'}, 'Case'), h('th', {scope: 'col'}, 'Subject'), h('th', {scope: 'col'}, 'Status'),
            h('th', {scope: 'col'}, 'Priority'), h('th', {scope: 'col', class: 'hide-small'}, 'Queue'),
            h('th', {scope: 'col', class: 'hide-small'}, 'Assignee'), h('th', {scope: 'col', class: 'hide-small'}, 'Customer'),
            h('th', {scope: 'col'}, 'SLA'), h('th', {scope: 'col', class: 'hide-small'}, 'Updated'))),
        tbody));
    const more = h('button', {type: 'button', hidden: true, onclick: () => loadPage(false)}, 'Load more cases');
    const listMessage = h('div', {});

    selectAll.addEventListener('change', () => {
        tbody.querySelectorAll('input[type="checkbox"]').forEach(box => {
            box.checked = selectAll.checked;
            toggle(box.dataset.caseId, box.checked);
        });
    });

    function row(summary) {
        const box = canWork ? h('input', {type: 'checkbox', 'aria-label': `Select ${summary.caseNumber}`, checked: selected.has(summary.caseId), dataset: {caseId: summary.caseId}}) : null;
        if (box) {
            box.addEventListener('change', () => toggle(summary.caseId, box.checked));
        }
        const tr = h('tr', {dataset: {caseId: summary.caseId}, class: selected.has(summary.caseId) ? 'selected' : null},
            canWork ? h('td', {}, box) : null,
            h('td', {}, h('a', {href: `/cases/${summary.caseId}`, class: 'case-link'}, summary.caseNumber)),
            h('td', {class: 'subject-cell'}, summary.subject || '',
                (summary.tags || []).length ? h('div', {}, summary.tags.map(t => h('span', {class: 'tag'}, t))) : null),
            h('td', {}, badge('status', summary.status)),
            h('td', {}, badge('priority', summary.priority)),
            h('td', {class: 'hide-small'}, label('queue', summary.queue)),
            h('td', {class: 'hide-small'}, agentName(agentList, summary.assignee)),
            h('td', {class: 'hide-small'}, summary.customerName || '', ' ', h('span', {class: 'muted'}, label('tier', summary.tier))),
            h('td', {}, badge('slaState', summary.slaState), summary.nextDue && summary.status !== 'done' ? h('div', {class: 'muted'}, timeLeft(summary.nextDue)) : null),
            h('td', {class: 'hide-small'}, formatTime(summary.updatedAt)));
        return tr;
    }

    function listUrl(withCursor) {
        const parameters = {};
        for (const key of LIST_KEYS) {
            if (filters[key] !== undefined) parameters[key] = filters[key];
        }
        parameters.limit = 50;
        if (withCursor && cursor) parameters.cursor = cursor;
        if (filters.sla) {
            parameters.state = filters.sla;
            return `/api/sla${queryString(parameters)}`;
        }
        return `/api/cases${queryString(parameters)}`;
    }

    let loadToken = 0;

    async function loadPage(first) {
        // a new first page supersedes any load in flight; "load more" waits its turn
        if (!first && loading) return;
        const token = first ? ++loadToken : loadToken;
        loading = true;
        more.disabled = true;
        tbody.setAttribute('aria-busy', 'true');
        clear(listMessage);
        try {
            const page = await api(listUrl(!first));
            if (token !== loadToken) return;
            if (first) {
                clear(tbody);
                drawForm(page.facets || {});
                total.textContent = `${page.total ?? page.items.length} matching`;
                announce(`${page.total ?? page.items.length} cases match`);
            }
            page.items.forEach(summary => tbody.append(row(summary)));
            if (first && !page.items.length) {
                tbody.append(h('tr', {}, h('td', {colspan: 10}, 'No cases match these filters.')));
            }
            cursor = page.items.length < 50 ? null : page.nextCursor;
            more.hidden = !cursor;
        } catch (error) {
            if (token !== loadToken) return;
            if (first) {
                clear(tbody);
                drawForm();
            }
            listMessage.append(problemBox(error));
        } finally {
            if (token === loadToken) {
                loading = false;
                more.disabled = false;
                tbody.setAttribute('aria-busy', 'false');
            }
        }
    }

    function apply({keepForm = false} = {}) {
        const parameters = {};
        for (const [key, value] of Object.entries(filters)) parameters[key] = value;
        history.pushState(null, '', `/cases${queryString(parameters)}`);
        cursor = null;
        newCases = 0;
        clear(banner);
        selected.clear();
        updateBulk();
        drawQueueNav();
        // where the keyboard was, taken before the form is redrawn
        const focused = document.activeElement && document.activeElement.name;
        if (!keepForm) drawForm();
        return loadPage(true).then(() => {
            // the form is redrawn with new facet counts: keep the keyboard where it was
            if (focused) {
                const again = form.querySelector(`[name="${CSS.escape(focused)}"]`);
                if (again && !form.contains(document.activeElement)) again.focus();
            }
        });
    }

    async function exportCsv() {
        const parameters = {};
        for (const key of LIST_KEYS) {
            if (filters[key] !== undefined && key !== 'sort') parameters[key] = filters[key];
        }
        if (filters.sort) parameters.sort = filters.sort;
        parameters.format = 'csv';
        try {
            const response = await api(`/api/cases/export${queryString(parameters)}`, {raw: true, headers: {Accept: 'text/csv'}});
            const blob = await response.blob();
            const url = URL.createObjectURL(blob);
            const link = h('a', {href: url, download: 'cases.csv', class: 'visually-hidden'}, 'download');
            document.body.append(link);
            link.click();
            link.remove();
            window.setTimeout(() => URL.revokeObjectURL(url), 10000);
            toast('CSV export downloaded', 'success');
        } catch (error) {
            toast(problemText(error), 'error');
        }
    }

    // ---- bulk actions ----
    const bulkCount = h('span', {id: 'bulk-count'});
    const bulkAction = select([['status', 'Set status'], ['priority', 'Set priority'], ['assign', 'Assign to'], ['unassign', 'Unassign'],
        ['tag', 'Add tags'], ['untag', 'Remove tags'], ['escalate', 'Escalate']], 'status', {id: 'bulk-action'});
    const bulkValue = h('span', {class: 'bulk-value'});
    const bulkBar = h('section', {class: 'bulk-bar', hidden: true, 'aria-label': 'Bulk actions'},
        bulkCount, field('Action', bulkAction), bulkValue,
        h('button', {type: 'button', class: 'primary', id: 'bulk-apply', onclick: applyBulk}, 'Apply to selected'),
        h('button', {type: 'button', onclick: () => { selected.clear(); tbody.querySelectorAll('input[type="checkbox"]').forEach(b => { b.checked = false; }); tbody.querySelectorAll('tr.selected').forEach(tr => tr.classList.remove('selected')); updateBulk(); }}, 'Clear selection'));
    function drawBulkValue() {
        const action = bulkAction.value;
        let control = null;
        if (action === 'status') control = field('New status', select(Object.keys(LABELS.status).map(v => [v, label('status', v)]), 'inprogress', {id: 'bulk-value'}));
        if (action === 'priority') control = field('New priority', select(Object.keys(LABELS.priority).map(v => [v, label('priority', v)]), 'high', {id: 'bulk-value'}));
        if (action === 'assign') control = field('Agent', select(agentList.map(a => [a.agentId, `${a.name} (${label('availability', a.availability)})`]), '', {id: 'bulk-value'}));
        if (action === 'tag' || action === 'untag') control = field('Tags', h('input', {id: 'bulk-value', autocomplete: 'off'}), 'comma-separated');
        if (action === 'escalate') control = field('Reason', h('input', {id: 'bulk-value', autocomplete: 'off', maxlength: 500}));
        fill(bulkValue, control || '');
    }
    bulkAction.addEventListener('change', drawBulkValue);
    drawBulkValue();

    function toggle(caseId, on) {
        if (on) selected.add(caseId); else selected.delete(caseId);
        const tr = tbody.querySelector(`tr[data-case-id="${CSS.escape(caseId)}"]`);
        if (tr) tr.classList.toggle('selected', on);
        updateBulk();
    }

    function updateBulk() {
        bulkBar.hidden = selected.size === 0;
        bulkCount.textContent = `${selected.size} selected`;
    }

    async function applyBulk() {
        const action = bulkAction.value;
        const valueControl = document.getElementById('bulk-value');
        const value = valueControl ? valueControl.value : null;
        const body = {caseIds: [...selected], action};
        if (action === 'status') body.status = value;
        if (action === 'priority') body.priority = value;
        if (action === 'assign') body.agentId = value;
        if (action === 'tag' || action === 'untag') body.tags = String(value || '').split(',').map(t => t.trim()).filter(Boolean);
        if (action === 'escalate' && value) body.reason = value;
        try {
            const result = await api('/api/cases/bulk', {method: 'POST', body});
            const failures = (result.results || []).filter(item => item.status !== 200);
            const text = `${bulkAction.selectedOptions[0].textContent}: applied to ${result.applied}, failed ${result.failed}`;
            toast(failures.length ? `${text}. ${failures.slice(0, 3).map(f => f.detail).join('; ')}` : text, failures.length ? 'error' : 'success');
            announce(text);
            selected.clear();
            tbody.querySelectorAll('input[type="checkbox"]').forEach(b => { b.checked = false; });
            tbody.querySelectorAll('tr.selected').forEach(tr => tr.classList.remove('selected'));
            selectAll.checked = false;
            updateBulk();
        } catch (error) {
            toast(problemText(error), 'error');
        }
    }

    // ---- live ----
    let announceTimer = null;
    let changedCount = 0;
    const unsubscribe = onCaseChange(change => {
        const summary = change.summary;
        if (!summary) return;
        const existing = tbody.querySelector(`tr[data-case-id="${CSS.escape(summary.caseId)}"]`);
        if (existing) {
            const replacement = row(summary);
            replacement.querySelector('td:nth-child(' + (canWork ? 2 : 1) + ')').append(h('span', {class: 'updated-marker'}, 'updated'));
            const hadFocus = existing.contains(document.activeElement) ? document.activeElement : null;
            existing.replaceWith(replacement);
            if (hadFocus) {
                const same = hadFocus.matches('input') ? replacement.querySelector('input') : replacement.querySelector('a');
                if (same) same.focus();
            }
            flash(replacement);
            changedCount += 1;
        } else if (change.type === 'CaseOpened') {
            newCases += 1;
            fill(banner, h('button', {type: 'button', onclick: () => apply({keepForm: true})},
                `${newCases} new case${newCases === 1 ? '' : 's'} arrived: show the updated list`));
        }
        window.clearTimeout(announceTimer);
        announceTimer = window.setTimeout(() => {
            if (changedCount) announce(`${changedCount} case${changedCount === 1 ? '' : 's'} in this list updated`);
            changedCount = 0;
        }, 1500);
    });

    // ---- keyboard ----
    function rowLinks() {
        return [...tbody.querySelectorAll('a.case-link')];
    }
    function move(step) {
        const links = rowLinks();
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
                toggle(tr.dataset.caseId, box.checked);
            }
        },
    });

    drawQueueNav();
    drawForm();
    const layout = h('div', {class: 'list-layout'}, form, saved,
        h('section', {'aria-labelledby': 'results-title'}, h('h2', {id: 'results-title', class: 'visually-hidden'}, 'Results'),
            banner, listMessage, table, h('div', {class: 'actions'}, more)), canWork ? bulkBar : null);
    main.append(head, queueNav, layout);
    await Promise.all([loadPage(true), drawSaved()]);
    if (query.get('focus') === 'search') {
        document.getElementById('case-search').focus();
    }
    return () => {
        unsubscribe();
        unregister();
        window.clearTimeout(announceTimer);
        window.clearTimeout(changeTimer);
    };
}
