// A filter bar: the search field always in view, the other filters folded into "details" (open or not as the
// person left it), a message box and the bar's buttons. Choices show how many results each would find (facets).

import {fill, h, select} from '../dom.js';

function withCount(text, counts, value) {
    return counts && counts[value] !== undefined ? `${text} (${counts[value]})` : text;
}

/** Checkboxes named {@code name}, one per value, in a fieldset with its legend; each with its count if known. */
export function checkGroup({name, legend, values, chosen = [], labelOf, counts}) {
    return h('fieldset', {}, h('legend', {}, legend), values.map(value => h('label', {class: 'check'},
        h('input', {type: 'checkbox', name, value, checked: chosen.includes(value)}),
        labelOf(value), counts && counts[value] !== undefined ? h('span', {class: 'muted'}, ` (${counts[value]})`) : null)));
}

/** A select named {@code name}: "any" first (value ''), then each value labelled, with its count if known. */
export function facetSelect({name, any, values, value, labelOf, counts}) {
    return select([['', any], ...values.map(v => [v, withCount(labelOf(v), counts, v)])], value, {name});
}

/**
 * (Re)draws {@code form} as the bar: {search (a field), summary, open, onToggle(open), filters (nodes), message,
 * buttons}. Returns the form.
 */
export function fillFilterBar(form, {search, summary, open, onToggle, filters, message, buttons}) {
    const more = h('details', {class: 'more-filters', open}, h('summary', {}, summary), h('div', {class: 'filters'}, filters));
    more.addEventListener('toggle', () => onToggle(more.open));
    return fill(form, search, more, message, h('div', {class: 'actions'}, buttons));
}
