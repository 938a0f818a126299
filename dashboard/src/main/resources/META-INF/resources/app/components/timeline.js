// A timeline: what happened, in order, each entry with when and by whom and an action of its own.

import {h, timeTag} from '../dom.js';

/**
 * <ol class="timeline">: entries {at, actor}; {describe(entry)} says what happened, {later(entry)} mutes entries
 * after the moment shown, {action(entry)} adds a control after who did it.
 */
export function timeline(entries, {id, describe, later = () => false, action = () => null}) {
    return h('ol', {class: 'timeline', id}, entries.map(entry => h('li', {class: later(entry) ? 'muted' : null},
        h('div', {class: 'what'}, describe(entry)),
        h('div', {class: 'muted'}, timeTag(entry.at), ` · ${actorName(entry.actor)} · `, action(entry)))));
}

/** Who acted: a login or a service by its name; a customer who answered on their own (a survey) as the customer. */
function actorName(actor) {
    if (!actor) {
        return 'system';
    }
    return actor.startsWith('customer:') ? 'the customer' : actor;
}
