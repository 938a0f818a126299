// Macros in words and in order: what one does besides its text, whose it is, the order a picker lists them in
// (most used first) and whether one matches what was typed.

import {label} from '../../dom.js';

/** What applying the macro also does, in words ('' when nothing). */
export function describeActions(actions = {}) {
    const parts = [];
    if (actions.status) parts.push(`status to ${label('status', actions.status)}`);
    if (actions.priority) parts.push(`priority to ${label('priority', actions.priority)}`);
    if ((actions.tags || []).length) parts.push(`tags ${actions.tags.join(', ')}`);
    if (actions.note) parts.push('an internal note');
    return parts.join('; ');
}

/** "Shared" or "Personal", and "Public reply" or "Internal note". */
export function scopeLabel(macro) {
    return macro.scope === 'shared' ? 'Shared' : 'Personal';
}

export function kindLabel(macro) {
    return macro.visibility === 'internal' ? 'Internal note' : 'Public reply';
}

/** Most used first, then by name. */
export function byUse(macros) {
    return [...macros].sort((a, b) => (b.usageCount || 0) - (a.usageCount || 0) || a.name.localeCompare(b.name));
}

/** Whether every word typed is in the macro's name or text. */
export function matches(macro, query) {
    const text = `${macro.name} ${macro.body}`.toLowerCase();
    return query.toLowerCase().split(/\s+/).filter(Boolean).every(word => text.includes(word));
}
