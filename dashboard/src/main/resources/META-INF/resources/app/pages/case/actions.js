// The actions on a case: status, priority, queue, assignee, escalation, tags, and reopening a done case (with the
// reason). What the person has picked or typed but not yet applied survives a live redraw.

import {cardFrame, fillCard} from '../../components/card.js';
import {button, row} from '../../components/form.js';
import {agentName} from '../../directory.js';
import {clear, field, h, label, LABELS, select, toast} from '../../dom.js';
import {NEXT_STATUS} from './model.js';
import {openQueues} from '../../queues.js';

/**
 * {element, draw(c, {enabled}), forgetEdits()}; command(path, body, done) applies one. {@code first}: a control drawn
 * above the others (the macro picker's button), kept across redraws.
 */
export function createActions(agentList, command, first = null) {
    const element = cardFrame('actions-title');
    // what the person has picked or typed in the actions but not yet applied: a live redraw keeps it
    const edits = new Map();

    function keepEdits(...controls) {
        for (const control of controls) {
            const kept = edits.get(control.id);
            if (kept !== undefined && (control.tagName !== 'SELECT' || [...control.options].some(o => o.value === kept))) {
                control.value = kept;
            }
            control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => edits.set(control.id, control.value));
        }
    }

    function draw(c, {enabled}) {
        clear(element);
        if (!enabled) {
            element.hidden = true;
            return;
        }
        element.hidden = false;
        const next = NEXT_STATUS[c.status] || [];
        const statusSelect = select(next.map(s => [s, label('status', s)]), next[0], {id: 'status-select', disabled: !next.length});
        const prioritySelect = select(Object.keys(LABELS.priority).map(p => [p, label('priority', p)]), c.priority, {id: 'priority-select'});
        const assigneeSelect = select([['', 'Unassigned'], ...agentList.map(a => [a.agentId, `${a.name} (${label('availability', a.availability)})`])], c.assignee || '', {id: 'assignee-select'});
        const queueSelect = select(openQueues().map(q => [q, label('queue', q)]), c.queue === 'Unclassified' ? 'Orders' : c.queue, {id: 'queue-select'});
        const escalateReason = h('input', {id: 'escalate-reason', maxlength: 500, autocomplete: 'off'});
        const tagInput = h('input', {id: 'tag-input', maxlength: 50, autocomplete: 'off'});
        const reopenReason = h('input', {id: 'reopen-reason', maxlength: 500, autocomplete: 'off'});
        keepEdits(statusSelect, prioritySelect, assigneeSelect, queueSelect, escalateReason, tagInput, reopenReason);
        const reopen = () => {
            const reason = reopenReason.value.trim();
            if (!reason) {
                toast('Say why the case is reopened', 'error');
                reopenReason.focus();
                return;
            }
            command('reopen', {reason}, 'Case reopened');
        };
        const addTags = () => {
            const tags = tagInput.value.split(',').map(t => t.trim()).filter(Boolean);
            if (tags.length) command('tags', {add: tags}, `Tagged ${tags.join(', ')}`);
        };
        fillCard(element, 'Actions', first ? row(first) : null,
            row(field('Move to status', statusSelect),
                button(next.length ? 'Change status' : 'Done: no further status',
                    () => command('status', {status: statusSelect.value}, `Status changed to ${label('status', statusSelect.value)}`),
                    {id: 'status-apply', disabled: !next.length})),
            c.status === 'done' ? row(field('Reason to reopen', reopenReason), button('Reopen', reopen, {id: 'reopen-apply'})) : null,
            row(field('Priority', prioritySelect),
                button('Change priority', () => command('priority', {priority: prioritySelect.value}, `Priority changed to ${label('priority', prioritySelect.value)}`), {id: 'priority-apply'})),
            row(field('Queue', queueSelect, 'Routing learns from moves'),
                button('Move', () => command('classification', {queue: queueSelect.value}, `Moved to the ${label('queue', queueSelect.value)} queue`), {id: 'queue-apply'})),
            row(field('Assignee', assigneeSelect),
                button('Assign', () => command('assignment', {agentId: assigneeSelect.value || null},
                    assigneeSelect.value ? `Assigned to ${agentName(agentList, assigneeSelect.value)}` : 'Unassigned'), {id: 'assign-apply'})),
            row(field('Escalation reason', escalateReason),
                button('Escalate', () => command('escalations', escalateReason.value.trim() ? {reason: escalateReason.value.trim()} : {}, 'Case escalated'), {id: 'escalate', class: 'danger'})),
            row(field('Add tag', tagInput), button('Add tag', addTags, {id: 'tag-add'})));
    }

    return {element, draw, forgetEdits: () => edits.clear()};
}
