// The dashboard's time control: the figures as they were at an instant (folded from the event log by the command
// service: GET /api/dashboard?asOf=), or live. The instant is in the URL (/?asOf=), so a reload keeps it.

import {button, submitButton} from '../../components/form.js';
import {field, formatTime, h} from '../../dom.js';

const HOUR = 3600 * 1000;

/** yyyy-MM-ddTHH:mm in the browser's time zone, as a datetime-local input takes it. */
function localValue(date) {
    const pad = n => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant of a ?asOf= value, or null when there is none or it is no date (the API then says what is wrong). */
export function instantOf(asOf) {
    if (!asOf) return null;
    const date = new Date(asOf);
    return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The control: a date and time, "1 hour ago" and "Now". {@code go(iso)} shows the dashboard at that instant, and
 * {@code go(null)} live again.
 */
export function timeControl(asOf, go) {
    const shown = instantOf(asOf);
    const input = h('input', {type: 'datetime-local', id: 'dash-as-of', step: 60, max: localValue(new Date()),
        value: shown ? localValue(shown) : ''});
    const form = h('form', {class: 'row as-of-control', 'aria-label': 'Show the dashboard as it was at an instant'},
        field('Show as of', input),
        submitButton('Show', {primary: false, id: 'dash-as-of-show'}),
        button('1 hour ago', () => go(new Date(Date.now() - HOUR).toISOString()), {id: 'dash-hour-ago'}),
        button('Now', () => go(null), {id: 'dash-now', 'aria-pressed': asOf ? 'false' : 'true'}));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const chosen = instantOf(input.value);
        if (chosen) go(chosen.toISOString());
        else input.focus();
    });
    return form;
}

/** Says that the dashboard shows the past, and the way back. */
export function asOfBanner(asOf, go) {
    return h('div', {class: 'as-of-banner', role: 'status', id: 'dash-as-of-banner'},
        h('strong', {}, `Showing the dashboard as it was at ${formatTime(asOf)}`),
        h('span', {}, 'Live updates are paused. The figures come from the event log; their links open the cases as they are now.'),
        button('Back to now', () => go(null), {id: 'dash-back-to-now'}));
}
