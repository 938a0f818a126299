// What a live update changed on the case, in a few words for screen readers.

import {agentName} from '../../directory.js';
import {label} from '../../dom.js';

/** The changes from {@code before} to {@code after} worth saying: status, priority, assignee, queue, a new comment. */
export function changesBetween(before, after, agentList) {
    const changed = ['status', 'priority', 'assignee', 'queue'].filter(key => before[key] !== after[key])
        .map(key => `${key} ${key === 'assignee' ? agentName(agentList, after[key]) : label(key, after[key])}`);
    if (after.commentCount > before.commentCount) changed.push('new comment');
    return changed;
}
