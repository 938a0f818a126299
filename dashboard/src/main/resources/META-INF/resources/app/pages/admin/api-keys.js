// Administration: the channels' API keys (a new key is shown once, right after it is made), revoking one.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {attempt, button, loadOrProblem, submitButton} from '../../components/form.js';
import {hiddenColumn, rowHeader, table} from '../../components/table.js';
import {clear, field, formatTime, h, label, LABELS, select, timeTag, toast} from '../../dom.js';

function isRevoked(key) {
    return key.revokedAt || key.revoked;
}

function keyRow(key, content) {
    const revoke = () => attempt(async () => {
        await api(`/api/admin/api-keys/${encodeURIComponent(key.id)}`, {method: 'DELETE'});
        toast(`Key ${key.name} revoked`, 'success');
        clear(content);
        await apiKeys(content);
    });
    return h('tr', {},
        rowHeader(key.name), h('td', {}, label('channel', key.channel)), h('td', {}, timeTag(key.createdAt)),
        h('td', {}, isRevoked(key) ? `Revoked ${key.revokedAt ? formatTime(key.revokedAt) : ''}` : 'Active'),
        h('td', {}, isRevoked(key) ? null : button(`Revoke ${key.name}`, revoke, {class: 'danger'})));
}

function newKeyForm(content) {
    const name = h('input', {id: 'key-name', required: true, autocomplete: 'off'});
    const channel = select(Object.keys(LABELS.channel).map(c => [c, label('channel', c)]), 'web', {id: 'key-channel'});
    const form = h('form', {class: 'row', 'aria-label': 'New API key'}, field('Name', name), field('Channel', channel),
        submitButton('Create key'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        attempt(async () => {
            const created = await api('/api/admin/api-keys', {method: 'POST', body: {name: name.value.trim(), channel: channel.value}});
            clear(content);
            await apiKeys(content);
            content.prepend(h('div', {class: 'notice', role: 'status'},
                h('p', {}, h('strong', {}, `Key “${created.name}” created. Copy it now: it is shown only once.`)),
                h('p', {class: 'secret', id: 'new-api-key'}, created.key)));
        });
    });
    return form;
}

export async function apiKeys(content) {
    const list = await loadOrProblem(content, () => api('/api/admin/api-keys'));
    if (!list) return;
    const items = Array.isArray(list) ? list : (list.items || []);
    // (the empty div first keeps the layout as it was: the stack spaces every child after the first)
    content.append(h('div', {}), card('API keys', 'keys-title', table({
        caption: 'API keys for channels',
        columns: ['Name', 'Channel', 'Created', 'State', hiddenColumn('Revoke')],
        body: items.map(key => keyRow(key, content)),
    })),
    card('New API key', 'new-key-title', newKeyForm(content)));
}
