// Administration: the queues. A queue's key (its first name) is what cases, rules and skills carry for ever; a
// rename changes the name people see. An archived queue takes no new case and keeps the ones it has.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {attempt, button, loadOrProblem, row, submitButton, succeed} from '../../components/form.js';
import {note} from '../../components/note.js';
import {rowHeader, table} from '../../components/table.js';
import {clear, field, h} from '../../dom.js';
import {loadQueues} from '../../queues.js';

async function redraw(content, text) {
    await loadQueues({fresh: true});
    succeed(text);
    clear(content);
    await queues(content);
}

function queueRow(queue, content) {
    const id = `queue-${queue.key}`.replace(/[^a-zA-Z0-9_-]/g, '_');
    const name = h('input', {id: `${id}-name`, value: queue.name, maxlength: 60, 'aria-label': `Name of ${queue.name}`,
        disabled: queue.key === 'Unclassified'});
    const change = body => attempt(async () => {
        const changed = await api(`/api/queues/${encodeURIComponent(queue.key)}`, {method: 'PATCH', body});
        await redraw(content, `${changed.name} ${body.archived === undefined ? 'renamed'
            : body.archived ? 'archived' : 'restored'}`);
    });
    const fixed = queue.key === 'Unclassified';
    return h('tr', {},
        rowHeader(queue.name),
        h('td', {}, h('code', {}, queue.key)),
        h('td', {}, queue.archived ? 'Archived' : 'Takes cases'),
        h('td', {}, fixed ? 'Where cases wait for routing' : row(name,
            button(`Rename ${queue.name}`, () => change({name: name.value.trim()})))),
        h('td', {}, fixed ? null : button(queue.archived ? `Restore ${queue.name}` : `Archive ${queue.name}`,
            () => change({archived: !queue.archived}))));
}

function newQueueForm(content) {
    const name = h('input', {id: 'new-queue-name', required: true, maxlength: 40, autocomplete: 'off'});
    const form = h('form', {'aria-labelledby': 'new-queue-title'}, h('h3', {id: 'new-queue-title'}, 'New queue'),
        field('Name', name, 'A letter, then letters, digits, spaces, &, - or _ (40 at most); it stays the queue’s key'),
        submitButton('Create queue'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        attempt(async () => {
            const created = await api('/api/queues', {method: 'POST', body: {name: name.value.trim()}});
            await redraw(content, `Queue ${created.name} created`);
        });
    });
    return form;
}

export async function queues(content) {
    const list = await loadOrProblem(content, () => api('/api/queues'));
    if (!list) return;
    content.append(card('Queues', 'queues-title',
        note('Agents are skilled per queue, and routing rules and examples name one. Archiving a queue sends no new '
            + 'case there; its cases and their history stay.'),
        table({caption: 'Queues', className: 'editable', columns: ['Name', 'Key', 'State', 'Rename', 'Archive'],
            body: list.map(queue => queueRow(queue, content))})),
    card('Add a queue', 'add-queue-title', newQueueForm(content)));
}
