// Muted notes: what a list shows when it has nothing to show, or a line explaining a section.

import {h} from '../dom.js';

/** A muted line of text: "No comments yet.", "Tried in order; …". */
export function note(text) {
    return h('p', {class: 'muted'}, text);
}

/** {@code build(items)} when there are items, else a note saying there are none. */
export function unlessEmpty(items, build, text) {
    return items.length ? build(items) : note(text);
}
