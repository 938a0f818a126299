// A customer's record: the profile as it is (name, organisation, notes, addresses, channel ids, tier), and the form
// staff change the name, organisation and notes with.

import {fillCard} from '../../components/card.js';
import {facts} from '../../components/facts.js';
import {submitButton} from '../../components/form.js';
import {field, h, label, timeTag, toast} from '../../dom.js';
import {addresses} from './lookup.js';

/** "web:4711" → "Web: 4711" (the channel's own id for the customer). */
function channelId(externalId) {
    const colon = externalId.indexOf(':');
    return colon < 0 ? externalId : `${label('channel', externalId.slice(0, colon))}: ${externalId.slice(colon + 1)}`;
}

function list(id, items, none) {
    return items.length ? h('ul', {class: 'plain-list', id}, items.map(item => h('li', {}, item))) : none;
}

/** The profile card of the record {@code customer}. */
export function drawProfile(card, customer) {
    const merged = customer.merged || [];
    fillCard(card, 'Profile', facts([
        ['Name', customer.name || '—', {'data-field': 'name'}],
        ['Organisation', customer.organisation || '—', {'data-field': 'organisation'}],
        ['Tier', label('tier', customer.tier), {'data-field': 'tier'}],
        ['Addresses', list('customer-addresses', addresses(customer), '—')],
        ['Channel ids', list('customer-channel-ids', (customer.externalIds || []).map(channelId), '—')],
        ['Notes', h('span', {class: 'description'}, customer.notes || '—'), {'data-field': 'notes'}],
        merged.length ? ['Merged into this', `${merged.length} other record${merged.length === 1 ? '' : 's'}`, {'data-field': 'merged'}] : null,
        ['Customer id', customer.customerId],
        ['Registered', timeTag(customer.registeredAt)],
        ['Updated', timeTag(customer.updatedAt)],
    ]));
}

/** The card with the form for name, organisation and notes; {@code save(profile)} sends them. */
export function drawProfileForm(card, customer, save) {
    const name = h('input', {id: 'profile-name', required: true, maxlength: 200, autocomplete: 'off', value: customer.name || ''});
    const organisation = h('input', {id: 'profile-organisation', maxlength: 200, autocomplete: 'off', value: customer.organisation || ''});
    const notes = h('textarea', {id: 'profile-notes', maxlength: 5000}, customer.notes || '');
    const form = h('form', {'aria-labelledby': card.getAttribute('aria-labelledby')},
        field('Name', name), field('Organisation', organisation), field('Notes', notes, 'Seen by staff only'),
        submitButton('Save profile', {id: 'profile-save'}));
    form.addEventListener('submit', event => {
        event.preventDefault();
        if (!name.value.trim()) {
            toast('The name must not be empty', 'error');
            name.focus();
            return;
        }
        save({name: name.value.trim(), organisation: organisation.value.trim(), notes: notes.value.trim()});
    });
    fillCard(card, 'Edit profile', form);
}
