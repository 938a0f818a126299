// The analytics page's filters: the days (UTC) and the queue. Applying them changes the page's URL, so a view can
// be shared, bookmarked and gone back to; quick links give the usual spans ending today.

import {actions, submitButton} from '../../components/form.js';
import {linkList} from '../../components/tabs.js';
import {field, h, label, LABELS, select} from '../../dom.js';
import {pageUrl} from './model.js';

function isoDay(date) {
    return date.toISOString().slice(0, 10);
}

/** The last {@code days} days up to today (UTC), in the queue chosen. */
function lastDays(days, queue) {
    const today = new Date();
    const from = new Date(today.getTime() - (days - 1) * 86400000);
    return {from: isoDay(from), to: isoDay(today), queue};
}

/**
 * The filter form for the range shown ({from, to, queue}); {@code apply(range)} is called with what was chosen.
 */
export function filterForm(shown, apply) {
    const from = h('input', {type: 'date', name: 'from', id: 'analytics-from', value: shown.from || '', required: true});
    const to = h('input', {type: 'date', name: 'to', id: 'analytics-to', value: shown.to || '', required: true});
    const queue = select([['', 'All queues'], ...Object.keys(LABELS.queue).map(name => [name, label('queue', name)])],
        shown.queue || '', {name: 'queue', id: 'analytics-queue'});
    const form = h('form', {class: 'card analytics-filters', 'aria-label': 'Days and queue'},
        h('div', {class: 'filters'}, field('From (UTC)', from), field('To (UTC)', to), field('Queue', queue)),
        actions(submitButton('Show')),
        h('nav', {'aria-label': 'Quick ranges'}, linkList([7, 30, 90].map(days => ({
            href: pageUrl(lastDays(days, shown.queue || '')), text: `Last ${days} days`,
        })))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        apply({from: from.value, to: to.value, queue: queue.value});
    });
    return form;
}
