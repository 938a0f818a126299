// Moving a case to another customer record (it was opened for the wrong person, or under a second record of
// theirs): "Change customer…" opens a search by name, organisation or address; each record found has its own
// button. The form is kept across live redraws (the customer card draws it again where it was).

import {actions, attempt, button, row, submitButton} from '../../components/form.js';
import {note} from '../../components/note.js';
import {announce, clear, fill, field, h, label, toast} from '../../dom.js';
import {addresses, findCustomers, MIN_SEARCH} from '../customer/lookup.js';

/** {element, draw(c, {enabled})}; change(customer) moves the case to it and resolves true when it did. */
export function createCustomerChange(change) {
    const element = h('div', {class: 'customer-change'});
    const text = h('input', {type: 'search', id: 'customer-search', maxlength: 200, autocomplete: 'off'});
    const found = h('div', {id: 'customer-found'});
    const form = h('form', {role: 'search', 'aria-label': 'Find the customer the case is for'},
        row(field('Name, organisation or address', text, `At least ${MIN_SEARCH} characters`),
            submitButton('Find customers', {primary: false, id: 'customer-find'})),
        found,
        actions(button('Cancel', () => setOpen(false), {id: 'customer-change-cancel'})));
    let open = false;
    let shown = null;
    let allowed = false;

    function candidate(other) {
        return h('li', {dataset: {customerId: other.customerId}},
            h('strong', {}, other.name), ' ',
            h('span', {class: 'muted'}, [...addresses(other), label('tier', other.tier)].join(' · ')),
            other.organisation ? h('div', {class: 'muted'}, other.organisation) : null,
            button(`Move the case to ${other.name}`, async () => {
                if (await change(other)) setOpen(false);
            }, {class: 'customer-pick'}));
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        const query = text.value.trim();
        if (query.length < MIN_SEARCH) {
            toast(`Type at least ${MIN_SEARCH} characters to find a customer`, 'error');
            text.focus();
            return;
        }
        attempt(async () => {
            const others = (await findCustomers(query)).filter(other => other.customerId !== shown?.customer?.customerId);
            fill(found, others.length
                ? [h('h3', {id: 'customer-found-title'}, `Customers found (${others.length})`),
                    h('ul', {class: 'plain-list', id: 'customer-candidates', 'aria-labelledby': 'customer-found-title'},
                        others.map(candidate))]
                : note(`No other customer matches “${query}”.`));
            announce(others.length ? `${others.length} customers found` : 'No other customer found');
        });
    });

    function setOpen(value) {
        open = value;
        if (!open) {
            text.value = '';
            clear(found);
        }
        draw(shown, {enabled: allowed});
        document.getElementById(open ? 'customer-search' : 'customer-change')?.focus();
    }

    function draw(c, {enabled}) {
        shown = c;
        allowed = enabled;
        if (!enabled) {
            open = false;
            clear(element);
            return;
        }
        fill(element, open ? form : button('Change customer…', () => setOpen(true), {id: 'customer-change'}));
    }

    return {element, draw};
}
