// Administration: the examples that describe each queue to the classifier ("No queue": messages that belong to
// none), shipped ones and admins' ones, each removable; a new one added; and what agents taught by re-queueing
// cases, read-only (it changes only by re-queueing): each by its case, since its text is a customer's words.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {actions, attempt, button, submitButton, succeed} from '../../components/form.js';
import {note, unlessEmpty} from '../../components/note.js';
import {hiddenColumn, rowHeader, table} from '../../components/table.js';
import {announce, fill, field, h, label, problemBox, select, timeTag} from '../../dom.js';
import {openQueues} from '../../queues.js';

const SOURCES = {shipped: 'Shipped with Casestream', admin: 'Added by an admin', learnt: 'Learnt from a re-queue'};

function queueName(queue) {
    return queue === 'Unclassified' ? 'No queue' : label('queue', queue);
}

/** "Examples of Login", "Examples of no queue". */
function of(queue) {
    return `of ${queue === 'Unclassified' ? 'no queue' : label('queue', queue)}`;
}

function examplesTable(queue, examples, remove) {
    return unlessEmpty(examples, list => table({
        caption: `Examples ${of(queue)}`,
        columns: ['Example', 'Source', 'Added by', hiddenColumn('Remove')],
        body: list.map(example => h('tr', {dataset: {exampleId: example.id}},
            rowHeader(example.text),
            h('td', {}, SOURCES[example.source] || example.source),
            h('td', {}, example.addedBy || '—', example.addedAt ? h('div', {class: 'muted'}, timeTag(example.addedAt)) : null),
            h('td', {}, button('Remove', () => remove(example), {class: 'danger', 'aria-label': `Remove the example “${example.text}”`})))),
    }), 'No examples in use.');
}

function learntList(learnt) {
    return unlessEmpty(learnt, list => h('ul', {class: 'plain-list', id: 'learnt-examples'}, list.map(example => h('li', {},
        h('a', {href: `/cases/${example.caseId}`}, `Case ${String(example.caseId).slice(0, 8)}`),
        h('span', {class: 'muted'}, ` re-queued to ${queueName(example.queue)}`)))),
    'No case was re-queued to here yet.');
}

/** The "Examples per queue" card, with the first queue's examples loaded. */
export async function examplesCard() {
    const queues = openQueues({unclassified: true});
    const queueSelect = select(queues.map(q => [q, queueName(q)]), queues[0], {id: 'examples-queue'});
    const text = h('textarea', {id: 'example-text', required: true, maxlength: 2000});
    const listTitle = h('h3', {id: 'examples-list-title', tabindex: '-1'}, 'Examples');
    const formTitle = h('h3', {id: 'new-example-title'}, 'Add an example');
    const list = h('div', {id: 'examples-list'});
    const learnt = h('div', {});
    const queue = () => queueSelect.value;

    async function show() {
        const shown = queue();
        let answer;
        try {
            answer = await api(`/api/routing/config/examples?queue=${encodeURIComponent(shown)}`);
        } catch (error) {
            if (shown === queue()) fill(list, problemBox(error));
            return;
        }
        // (a later choice of queue may have been shown meanwhile)
        if (shown !== queue()) return;
        formTitle.textContent = `Add an example ${of(shown)}`;
        listTitle.textContent = `Examples ${of(shown)} (${(answer.examples || []).length})`;
        fill(list, examplesTable(shown, answer.examples || [], remove));
        fill(learnt, learntList(answer.learnt || []));
    }

    function remove(example) {
        return attempt(async () => {
            await api(`/api/routing/config/examples/${encodeURIComponent(example.id)}`, {method: 'DELETE'});
            succeed(`Example ${of(example.queue)} removed`);
            await show();
            // the button is gone with its row: the focus goes to the list it was in
            listTitle.focus();
        });
    }

    queueSelect.addEventListener('change', async () => {
        await show();
        announce(listTitle.textContent);
    });
    const form = h('form', {'aria-labelledby': 'new-example-title'}, formTitle,
        field('Example text', text, 'What a customer of this queue might write; 3 to 2,000 characters'),
        actions(submitButton('Add example', {id: 'example-add'})));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const shown = queue();
        attempt(async () => {
            await api('/api/routing/config/examples', {method: 'POST', body: {queue: shown, text: text.value.trim()}});
            text.value = '';
            succeed(`Example ${of(shown)} added`);
            await show();
        });
    });
    await show();
    return card('Examples per queue', 'examples-title',
        note('The classifier puts a new case in the queue whose examples are most like it (where no decisive rule matched).'),
        field('Queue', queueSelect),
        form, listTitle, list,
        h('h3', {id: 'learnt-title'}, 'Learnt from re-queued cases'),
        note('A case an agent moved to this queue teaches the classifier; these change only by re-queueing.'),
        learnt);
}
