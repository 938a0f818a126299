// Merging another record of the same person into this one (leads and admins): the other record is looked up by
// name, organisation or address, picked, and merged only once the person confirms, since it cannot be undone: its
// cases, addresses and channel ids follow, and it takes no more changes.

import {fillCard} from '../../components/card.js';
import {actions, attempt, button, row, submitButton} from '../../components/form.js';
import {note} from '../../components/note.js';
import {announce, clear, fill, field, h, label, toast} from '../../dom.js';
import {addresses, findCustomers, MIN_SEARCH} from './lookup.js';

function describe(customer) {
    return [customer.name, ...addresses(customer), customer.organisation].filter(Boolean).join(', ');
}

/** The merge card for the record {@code survivor}; {@code merge(other)} merges {@code other} into it. */
export function drawMerge(card, survivor, merge) {
    const text = h('input', {type: 'search', id: 'merge-search', maxlength: 200, autocomplete: 'off'});
    const found = h('div', {id: 'merge-found'});
    const confirmBox = h('div', {id: 'merge-confirm-box'});
    const form = h('form', {role: 'search', 'aria-label': 'Find the record to merge'},
        row(field('Name, organisation or address', text, `At least ${MIN_SEARCH} characters`),
            submitButton('Find records', {primary: false, id: 'merge-find'})));

    function confirm(other) {
        fill(confirmBox, h('div', {class: 'notice', role: 'group', 'aria-labelledby': 'merge-confirm-title'},
            h('h3', {id: 'merge-confirm-title', tabindex: '-1'}, `Merge ${other.name} into ${survivor.name}?`),
            h('p', {}, `${describe(other)}. Its cases, addresses and channel ids move to this record, and it takes no more `
                + 'changes. This cannot be undone.'),
            actions(
                button(`Merge ${other.name}`, () => merge(other), {class: 'danger', id: 'merge-confirm'}),
                button('Cancel', () => {
                    clear(confirmBox);
                    text.focus();
                }, {id: 'merge-cancel'}))));
        document.getElementById('merge-confirm-title').focus();
    }

    function candidate(other) {
        return h('li', {dataset: {customerId: other.customerId}},
            h('strong', {}, other.name), ' ', h('span', {class: 'muted'}, [...addresses(other), label('tier', other.tier)].join(' · ')),
            other.organisation ? h('div', {class: 'muted'}, other.organisation) : null,
            button(`Merge ${other.name} into this record…`, () => confirm(other), {class: 'merge-pick'}));
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        const query = text.value.trim();
        clear(confirmBox);
        if (query.length < MIN_SEARCH) {
            toast(`Type at least ${MIN_SEARCH} characters to find a record`, 'error');
            text.focus();
            return;
        }
        attempt(async () => {
            const taken = new Set([survivor.customerId, ...(survivor.merged || [])]);
            const others = (await findCustomers(query)).filter(other => !taken.has(other.customerId));
            fill(found, others.length
                ? [h('h3', {id: 'merge-found-title'}, `Records found (${others.length})`),
                    h('ul', {class: 'plain-list', id: 'merge-candidates', 'aria-labelledby': 'merge-found-title'}, others.map(candidate))]
                : note(`No other record matches “${query}”.`));
            announce(others.length ? `${others.length} records found` : 'No other record found');
        });
    });

    fillCard(card, 'Merge another record into this one',
        h('p', {class: 'muted'}, 'When one person has two records (two addresses, say), merge the other one into this one.'),
        form, found, confirmBox);
}
