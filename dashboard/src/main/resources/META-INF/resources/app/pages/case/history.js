// A case's past: the timeline of its events with "view as of" (a time picked, or any event's moment), the banner
// while an earlier state is shown, and the notifications sent about it.

import {api} from '../../api.js';
import {fillCard} from '../../components/card.js';
import {button, submitButton} from '../../components/form.js';
import {unlessEmpty} from '../../components/note.js';
import {table} from '../../components/table.js';
import {timeline} from '../../components/timeline.js';
import {clear, field, formatTime, h} from '../../dom.js';
import {describeEvent} from './model.js';

/** The timeline card: {entries, asOf, agentList, viewAsOf(instant|null)}. */
export function drawTimeline(card, {entries, asOf, agentList, viewAsOf}) {
    const picker = h('input', {type: 'datetime-local', id: 'as-of-input', step: 1});
    if (asOf) {
        const date = new Date(asOf);
        const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
        picker.value = local;
    }
    const pickerForm = h('form', {class: 'row', 'aria-label': 'View the case as of a time'},
        field('View as of', picker, 'Your local time'),
        submitButton('Show', {primary: false, id: 'as-of-apply'}),
        asOf ? button('Back to now', () => viewAsOf(null)) : null);
    pickerForm.addEventListener('submit', event => {
        event.preventDefault();
        if (!picker.value) {
            picker.focus();
            return;
        }
        viewAsOf(new Date(picker.value).toISOString());
    });
    const asOfTime = asOf ? new Date(asOf).getTime() : Infinity;
    fillCard(card, 'Timeline', pickerForm, unlessEmpty(entries, list => timeline(list, {
        id: 'timeline',
        describe: entry => describeEvent(entry, agentList),
        later: entry => new Date(entry.at).getTime() > asOfTime,
        action: entry => button('View as of this moment', () => viewAsOf(entry.at), {class: 'link-button'}),
    }), 'No history available.'));
}

/** While an earlier state is shown: what and when, read-only, and the way back to now. */
export function drawAsOfBanner(container, asOf, viewAsOf) {
    clear(container);
    if (asOf) {
        container.append(h('div', {class: 'as-of-banner', role: 'status'},
            h('strong', {}, `Viewing this case as it was at ${formatTime(asOf)}`), ' (read-only)',
            button('Back to now', () => viewAsOf(null))));
    }
}

/** The notifications sent about the case (the card stays hidden if the person may not read them). */
export async function drawNotifications(card, caseId) {
    let items;
    try {
        items = await api(`/api/notifications?caseId=${caseId}`);
    } catch {
        return;
    }
    card.hidden = false;
    fillCard(card, `Notifications (${items.length})`, unlessEmpty(items, list => table({
        caption: 'Every notification sent about this case',
        columns: ['Event', 'Channel', 'Status (tries)'],
        body: list.map(n => h('tr', {title: formatTime(n.updatedAt || n.at)},
            h('td', {}, n.eventType || ''), h('td', {}, n.channel || ''),
            h('td', {}, `${n.status || ''} (${n.attempts ?? 0})`))),
    }), 'None sent.'));
}
