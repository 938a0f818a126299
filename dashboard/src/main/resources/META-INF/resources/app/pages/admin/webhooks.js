// Administration: webhook subscriptions, each with its delivery log (attempts, last response) and redeliver.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {actions, attempt, button, loadOrProblem, row, submitButton} from '../../components/form.js';
import {unlessEmpty} from '../../components/note.js';
import {rowHeader, table} from '../../components/table.js';
import {clear, field, h, problemBox, timeTag, toast} from '../../dom.js';

const REDELIVERABLE = ['dead', 'sent', 'delivered'];

function deliveryRow(hook, delivery, again) {
    const redeliver = () => attempt(async () => {
        await api(`/api/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`, {method: 'POST'});
        toast('Queued for redelivery', 'success');
        again();
    });
    return h('tr', {},
        h('td', {}, delivery.eventType || ''),
        h('td', {}, delivery.caseId ? h('a', {href: `/cases/${delivery.caseId}`}, String(delivery.caseId).slice(0, 8)) : '—'),
        h('td', {}, delivery.status),
        h('td', {class: 'num'}, String(delivery.attempts)),
        h('td', {}, delivery.lastResponseCode ? String(delivery.lastResponseCode) : '', delivery.lastError ? h('div', {class: 'muted'}, delivery.lastError) : null),
        h('td', {}, timeTag(delivery.updatedAt || delivery.at)),
        h('td', {}, REDELIVERABLE.includes(String(delivery.status).toLowerCase()) ? button('Redeliver', redeliver) : null));
}

/** Shows the delivery log of a webhook in {@code deliveries} and moves the focus to it. */
async function showDeliveries(deliveries, hook) {
    clear(deliveries);
    let items;
    try {
        items = await api(`/api/webhooks/${hook.id}/deliveries`);
    } catch (error) {
        deliveries.append(problemBox(error));
        return;
    }
    deliveries.append(card(`Deliveries to ${hook.url}`, 'deliveries-title', unlessEmpty(items, list => table({
        caption: 'Delivery log of this webhook, with attempts',
        columns: ['Event', 'Case', 'Status', 'Attempts', 'Last response', 'When', 'Redeliver'],
        body: list.map(delivery => deliveryRow(hook, delivery, () => showDeliveries(deliveries, hook))),
    }), 'No deliveries yet.')));
    const heading = document.getElementById('deliveries-title');
    heading.tabIndex = -1;
    heading.focus();
}

function newHookForm(content) {
    const url = h('input', {id: 'hook-url', type: 'url', required: true, placeholder: 'https://example.com/hooks/casestream'});
    const events = h('input', {id: 'hook-events', required: true, value: '*', autocomplete: 'off'});
    const secret = h('input', {id: 'hook-secret', required: true, minlength: 16, maxlength: 256, autocomplete: 'off'});
    const generate = () => {
        const bytes = new Uint8Array(24);
        crypto.getRandomValues(bytes);
        secret.value = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    };
    const form = h('form', {'aria-labelledby': 'new-hook-title'}, h('h3', {id: 'new-hook-title'}, 'New webhook'),
        field('URL', url), field('Events', events, 'Event names (CaseOpened, CommentAdded, …), comma-separated, or * for all'),
        row(field('Signing secret', secret, 'At least 16 characters; used for the HMAC-SHA256 signature'),
            button('Generate secret', generate)),
        submitButton('Create webhook'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        attempt(async () => {
            await api('/api/webhooks', {method: 'POST', body: {
                url: url.value.trim(), secret: secret.value,
                events: events.value.split(',').map(e => e.trim()).filter(Boolean),
            }});
            toast('Webhook created', 'success');
            clear(content);
            await webhooks(content);
        });
    });
    return form;
}

export async function webhooks(content) {
    const list = await loadOrProblem(content, () => api('/api/webhooks'));
    if (!list) return;
    const deliveries = h('div', {});
    const remove = hook => attempt(async () => {
        await api(`/api/webhooks/${hook.id}`, {method: 'DELETE'});
        toast('Webhook deleted', 'success');
        clear(content);
        await webhooks(content);
    });
    content.append(card('Webhooks', 'hooks-title', unlessEmpty(list, hooks => table({
        caption: 'Webhook subscriptions',
        columns: ['URL', 'Events', 'Created', 'Actions'],
        body: hooks.map(hook => h('tr', {},
            rowHeader(hook.url), h('td', {}, (hook.events || []).join(', ')),
            h('td', {}, timeTag(hook.createdAt), hook.createdBy ? ` by ${hook.createdBy}` : ''),
            h('td', {}, actions(
                button('Delivery log', () => showDeliveries(deliveries, hook)),
                button('Delete', () => remove(hook), {class: 'danger'}))))),
    }), 'No webhooks yet.')),
    deliveries, card('Subscribe', 'subscribe-title', newHookForm(content)));
}
