// Administration: the routing rules, tried in order: which queue a case goes to, and what raises its priority.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {editableTable} from '../../components/editable-table.js';
import {attempt, loadOrProblem} from '../../components/form.js';
import {note} from '../../components/note.js';
import {h, LABELS, select, toast} from '../../dom.js';

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

export async function routing(content) {
    const [classification, priority] = await Promise.all([
        loadOrProblem(content, () => api('/api/routing/config/classification-rules')),
        loadOrProblem(content, () => api('/api/routing/config/priority-rules')),
    ]);
    if (!classification || !priority) return;
    const queues = Object.keys(LABELS.queue).filter(q => q !== 'Unclassified');
    const classificationTable = editableTable({
        caption: 'Classification rules',
        rules: sorted(classification.rules || []),
        columns: [
            {key: 'queue', title: 'Queue', control: rule => select(queues, rule.queue, {'aria-label': 'Queue'}), read: value},
            {key: 'kind', title: 'Match', control: rule => select(['keyword', 'phrase', 'regex'], rule.kind, {'aria-label': 'Match kind'}), read: value},
            {key: 'pattern', title: 'Pattern', control: rule => h('input', {value: rule.pattern || '', 'aria-label': 'Pattern'}), read: value},
        ],
        emptyRule: {queue: 'Orders', kind: 'keyword', pattern: ''},
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
    content.append(card('Classification: which queue', 'class-title', note('Tried in order; the first match sets the queue.'), classificationTable),
        card('Priority', 'prio-title', note('Each matching rule may only raise the priority.'), priorityTable));
}
