// The case list's filters: read from and written to the URL (so drill-downs, back and saved searches are all just
// query strings), drawn as the filter bar with facet counts, and turned into the list API's URL.

import {queryString} from '../../api.js';
import {checkGroup, facetSelect, fillFilterBar} from '../../components/filter-bar.js';
import {button, submitButton} from '../../components/form.js';
import {field, h, label, LABELS, select} from '../../dom.js';

const LIST_KEYS = ['status', 'priority', 'queue', 'channel', 'tier', 'assignee', 'tag', 'createdFrom', 'createdTo', 'q', 'sort'];
const KEYS = [...LIST_KEYS, 'sla'];
const SINGLE = ['q', 'createdFrom', 'createdTo', 'sort', 'sla'];
const SORTS = [
    ['-createdAt', 'Newest first'], ['createdAt', 'Oldest first'], ['-updatedAt', 'Recently updated'],
    ['priority', 'Most urgent first'], ['slaDue', 'SLA due soonest'], ['caseNumber', 'Case number'],
];
export const PAGE_SIZE = 50;

/** Filters from a query string: lists for the list keys (comma-separated or repeated), single values for the rest. */
export function filtersFrom(search) {
    const filters = {};
    for (const key of KEYS) {
        const values = search.getAll(key).flatMap(value => value.split(',')).map(v => v.trim()).filter(Boolean);
        if (values.length) {
            filters[key] = SINGLE.includes(key) ? search.get(key) : values;
        }
    }
    return filters;
}

/** The URL of a page of results: the case list, or the SLA list when filtered by SLA state. */
export function listUrl(filters, cursor) {
    const parameters = {};
    for (const key of LIST_KEYS) {
        if (filters[key] !== undefined) parameters[key] = filters[key];
    }
    parameters.limit = PAGE_SIZE;
    if (cursor) parameters.cursor = cursor;
    if (filters.sla) {
        parameters.state = filters.sla;
        return `/api/sla${queryString(parameters)}`;
    }
    return `/api/cases${queryString(parameters)}`;
}

/** The CSV export of every case the filters match. */
export function exportUrl(filters) {
    const parameters = {};
    for (const key of LIST_KEYS) {
        if (filters[key] !== undefined && key !== 'sort') parameters[key] = filters[key];
    }
    if (filters.sort) parameters.sort = filters.sort;
    parameters.format = 'csv';
    return `/api/cases/export${queryString(parameters)}`;
}

function readForm(form) {
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

/**
 * The filter form: {form, draw(facets), stop()}. {@code current()} gives the filters shown; {@code apply(next,
 * options)} applies new ones (options.keepForm: the form is not redrawn before the results come);
 * {@code exportCsv()} downloads the list.
 */
export function createFilterForm(agentList, {current, apply, exportCsv}) {
    const form = h('form', {class: 'card', role: 'search', 'aria-label': 'Filter cases'});
    const message = h('div', {class: 'form-message', role: 'alert'});
    // on a phone the filters start folded away (the search field stays)
    let open = !window.matchMedia('(max-width: 720px)').matches;

    function draw(facets = {}) {
        const filters = current();
        const one = name => (filters[name] || [])[0] || '';
        const dateValue = iso => (iso ? String(iso).slice(0, 10) : '');
        const q = h('input', {type: 'search', name: 'q', value: filters.q || '', id: 'case-search', placeholder: 'Subject, description, comments, customer', 'aria-keyshortcuts': '/'});
        const checks = (name, legend) => h('div', {class: 'wide'}, checkGroup({name, legend, values: Object.keys(LABELS[name]),
            chosen: filters[name] || [], labelOf: value => label(name, value), counts: facets[name]}));
        const facet = (name, any) => facetSelect({name, any, values: Object.keys(LABELS[name]), value: one(name),
            labelOf: value => label(name, value), counts: facets[name]});
        fillFilterBar(form, {
            search: field('Search', q),
            summary: 'Filters and sort',
            open,
            onToggle: isOpen => { open = isOpen; },
            filters: [
                checks('status', 'Status'),
                checks('priority', 'Priority'),
                field('Queue', facet('queue', 'Any queue')),
                field('Channel', facet('channel', 'Any channel')),
                field('Customer tier', facet('tier', 'Any tier')),
                field('Assignee', select([['', 'Anyone'], ['none', 'Unassigned'], ...agentList.map(a => [a.agentId, a.name])], one('assignee'), {name: 'assignee'})),
                field('SLA', select([['', 'Any'], ['at-risk', 'At risk'], ['breached', 'Breached']], filters.sla || '', {name: 'sla'})),
                field('Tag', h('input', {name: 'tag', value: (filters.tag || []).join(','), autocomplete: 'off'}), 'Several: comma-separated'),
                field('Created from', h('input', {type: 'date', name: 'createdFrom', value: dateValue(filters.createdFrom)})),
                field('Created to', h('input', {type: 'date', name: 'createdTo', value: dateValue(filters.createdTo)})),
                field('Sort', select(SORTS, filters.sort || '-createdAt', {name: 'sort'})),
            ],
            message,
            buttons: [submitButton('Apply filters'), button('Clear filters', () => apply({})), button('Export CSV', exportCsv)],
        });
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        apply(readForm(form));
    });
    let changeTimer = null;
    form.addEventListener('change', event => {
        if (event.target.name === 'q' || event.target.name === 'tag') {
            return;
        }
        window.clearTimeout(changeTimer);
        changeTimer = window.setTimeout(() => apply(readForm(form), {keepForm: true}), 250);
    });

    return {form, draw, stop: () => window.clearTimeout(changeTimer)};
}
