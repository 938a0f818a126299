// Data tables: a caption (for screen readers, unless shown), column headers with scope, the body, all in the
// wrapper that scrolls sideways on a narrow screen instead of the page.

import {h} from '../dom.js';

/**
 * {caption, captionShown, columns, body, className}: columns are header contents (text or a node) or
 * {label, class}; null columns are left out. body: the rows (an array) or a <tbody> the caller keeps.
 */
export function table({caption, captionShown = false, columns, body, className}) {
    return h('div', {class: 'table-wrap'}, h('table', {class: className},
        h('caption', captionShown ? {} : {class: 'visually-hidden'}, caption),
        h('thead', {}, h('tr', {}, columns.map(headerCell))),
        body instanceof Node ? body : h('tbody', {}, body)));
}

function headerCell(column) {
    if (column === null || column === undefined || column === false) {
        return null;
    }
    if (typeof column === 'object' && !(column instanceof Node)) {
        return h('th', {scope: 'col', class: column.class}, column.label);
    }
    return h('th', {scope: 'col'}, column);
}

/** A header column whose name only screen readers hear (e.g. a column of buttons). */
export function hiddenColumn(text) {
    return h('span', {class: 'visually-hidden'}, text);
}

/** The header cell of a row: <th scope="row">. */
export function rowHeader(...content) {
    return h('th', {scope: 'row'}, content);
}
