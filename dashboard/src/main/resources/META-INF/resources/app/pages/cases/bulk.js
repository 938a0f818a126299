// Bulk actions on the selected cases: status, priority, assign, unassign, tags, escalate; shown while any case is
// selected.

import {api} from '../../api.js';
import {attempt, button} from '../../components/form.js';
import {announce, field, fill, h, label, LABELS, select, toast} from '../../dom.js';

const ACTIONS = [['status', 'Set status'], ['priority', 'Set priority'], ['assign', 'Assign to'], ['unassign', 'Unassign'],
    ['tag', 'Add tags'], ['untag', 'Remove tags'], ['escalate', 'Escalate']];

/** The value control each action needs (id bulk-value), or null. */
function valueControl(action, agentList) {
    if (action === 'status') return field('New status', select(Object.keys(LABELS.status).map(v => [v, label('status', v)]), 'inprogress', {id: 'bulk-value'}));
    if (action === 'priority') return field('New priority', select(Object.keys(LABELS.priority).map(v => [v, label('priority', v)]), 'high', {id: 'bulk-value'}));
    if (action === 'assign') return field('Agent', select(agentList.map(a => [a.agentId, `${a.name} (${label('availability', a.availability)})`]), '', {id: 'bulk-value'}));
    if (action === 'tag' || action === 'untag') return field('Tags', h('input', {id: 'bulk-value', autocomplete: 'off'}), 'comma-separated');
    if (action === 'escalate') return field('Reason', h('input', {id: 'bulk-value', autocomplete: 'off', maxlength: 500}));
    return null;
}

/** The bulk bar over {@code selection}: its element. */
export function createBulkBar(agentList, selection) {
    const count = h('span', {id: 'bulk-count'});
    const action = select(ACTIONS, 'status', {id: 'bulk-action'});
    const value = h('span', {class: 'bulk-value'});
    const bar = h('section', {class: 'bulk-bar', hidden: true, 'aria-label': 'Bulk actions'},
        count, field('Action', action), value,
        button('Apply to selected', apply, {class: 'primary', id: 'bulk-apply'}),
        button('Clear selection', () => selection.clear({rows: true})));
    const drawValue = () => fill(value, valueControl(action.value, agentList) || '');
    action.addEventListener('change', drawValue);
    drawValue();
    selection.onChange(size => {
        bar.hidden = size === 0;
        count.textContent = `${size} selected`;
    });

    function apply() {
        const chosen = action.value;
        const control = document.getElementById('bulk-value');
        const input = control ? control.value : null;
        const body = {caseIds: [...selection.ids], action: chosen};
        if (chosen === 'status') body.status = input;
        if (chosen === 'priority') body.priority = input;
        if (chosen === 'assign') body.agentId = input;
        if (chosen === 'tag' || chosen === 'untag') body.tags = String(input || '').split(',').map(t => t.trim()).filter(Boolean);
        if (chosen === 'escalate' && input) body.reason = input;
        return attempt(async () => {
            const result = await api('/api/cases/bulk', {method: 'POST', body});
            const failures = (result.results || []).filter(item => item.status !== 200);
            const text = `${action.selectedOptions[0].textContent}: applied to ${result.applied}, failed ${result.failed}`;
            toast(failures.length ? `${text}. ${failures.slice(0, 3).map(f => f.detail).join('; ')}` : text, failures.length ? 'error' : 'success');
            announce(text);
            selection.clear({rows: true, all: true});
        });
    }

    return bar;
}
