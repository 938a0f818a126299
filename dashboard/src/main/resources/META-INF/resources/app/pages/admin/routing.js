// Administration: the routing rules, tried in order: which queue a case goes to (a decisive rule wins over the
// classifier), and what raises its priority; and the classifier's examples per queue.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {editableTable} from '../../components/editable-table.js';
import {attempt, loadOrProblem} from '../../components/form.js';
import {note} from '../../components/note.js';
import {h, label, LABELS, select, toast} from '../../dom.js';
import {examplesCard} from './examples.js';
import {openQueues} from '../../queues.js';

function sorted(list) {
    return [...list].sort((a, b) => a.position - b.position);
}

/** Saves the rules of one kind (PUT replaces the whole ordered list). */
function saver(path, done) {
    return rules => attempt(async () => {
        await api(path, {method: 'PUT', body: {rules}});
        toast(done, 'success');
    });
}

const value = control => control.value;
const checked = control => control.checked;

export async function routing(content) {
    const [classification, priority] = await Promise.all([
        loadOrProblem(content, () => api('/api/routing/config/classification-rules')),
        loadOrProblem(content, () => api('/api/routing/config/priority-rules')),
    ]);
    if (!classification || !priority) return;
    const queues = openQueues().map(q => [q, label('queue', q)]);
    const classificationTable = editableTable({
        caption: 'Classification rules',
        rules: sorted(classification.rules || []),
        columns: [
            {key: 'queue', title: 'Queue', control: rule => select(queues.some(([q]) => q === rule.queue) || !rule.queue ? queues
                : [...queues, [rule.queue, `${label('queue', rule.queue)} (archived)`]], rule.queue, {'aria-label': 'Queue'}), read: value},
            {key: 'kind', title: 'Match', control: rule => select(['keyword', 'phrase', 'regex'], rule.kind, {'aria-label': 'Match kind'}), read: value},
            {key: 'pattern', title: 'Pattern', control: rule => h('input', {value: rule.pattern || '', 'aria-label': 'Pattern'}), read: value},
            {key: 'decisive', title: 'Decisive', control: rule => h('input', {type: 'checkbox', checked: Boolean(rule.decisive),
                'aria-label': 'Decisive (wins over the classifier)'}), read: checked},
        ],
        emptyRule: {queue: 'Orders', kind: 'keyword', pattern: '', decisive: false},
        save: saver('/api/routing/config/classification-rules', 'Classification rules saved'),
    });
    const priorityTable = editableTable({
        caption: 'Priority rules',
        rules: sorted(priority.rules || []),
        columns: [
            {key: 'kind', title: 'Looks at', control: rule => select(['keyword', 'phrase', 'regex', 'tier', 'channel'], rule.kind, {'aria-label': 'Looks at'}), read: value},
            {key: 'pattern', title: 'Pattern or value', control: rule => h('input', {value: rule.pattern || '', 'aria-label': 'Pattern or value'}), read: value},
            {key: 'priority', title: 'Raise to', control: rule => select(Object.keys(LABELS.priority), rule.priority, {'aria-label': 'Raise to priority'}), read: value},
        ],
        emptyRule: {kind: 'keyword', pattern: '', priority: 'high'},
        save: saver('/api/routing/config/priority-rules', 'Priority rules saved'),
    });
    content.append(card('Classification: which queue', 'class-title',
        note('The first matching decisive rule sets the queue. Otherwise the classifier does, when it is sure enough '
            + '(see the examples below); where it is not, the first matching rule, tried in order.'), classificationTable),
    await examplesCard(),
    card('Priority', 'prio-title', note('Each matching rule may only raise the priority.'), priorityTable));
}
