// Finding a customer by name, organisation or address, each found record a link to their page. The text is kept in
// the URL (?q=), so back, a reload and a shared link show the same list.

import {queryString} from '../api.js';
import {card} from '../components/card.js';
import {loadOrProblem, row, submitButton} from '../components/form.js';
import {note} from '../components/note.js';
import {rowHeader, table} from '../components/table.js';
import {announce, fill, field, h, label, toast} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {addresses, customerPath, findCustomers, MIN_SEARCH} from './customer/lookup.js';

function customerRow(customer) {
    return h('tr', {dataset: {customerId: customer.customerId}},
        rowHeader(h('a', {href: customerPath(customer.customerId), class: 'customer-link'}, customer.name || customer.customerId)),
        h('td', {class: 'wrap-anywhere'}, addresses(customer).join(', ')),
        h('td', {class: 'hide-small'}, customer.organisation || '—'),
        h('td', {}, label('tier', customer.tier)));
}

export async function render(main, {query}) {
    const input = h('input', {type: 'search', id: 'customer-search', name: 'q', maxlength: 200, autocomplete: 'off',
        value: query.get('q') || '', 'aria-keyshortcuts': '/'});
    const form = h('form', {class: 'card', role: 'search', 'aria-label': 'Find customers'},
        row(field('Name, organisation or address', input, `At least ${MIN_SEARCH} characters`), submitButton('Find customers')));
    const results = h('div', {id: 'customer-results'});

    async function search(text) {
        if (text.length < MIN_SEARCH) {
            fill(results, note('Type a name, an organisation or an address to find a customer and all their cases.'));
            return;
        }
        results.setAttribute('aria-busy', 'true');
        const found = await loadOrProblem(fill(results), () => findCustomers(text, 50));
        results.setAttribute('aria-busy', 'false');
        if (!found) return;
        fill(results, card(`Customers matching “${text}” (${found.length}${found.length === 50 ? ' or more' : ''})`, 'customer-results-title',
            found.length ? table({
                caption: 'Customers found, by name',
                columns: ['Name', 'Addresses', {label: 'Organisation', class: 'hide-small'}, 'Tier'],
                body: found.map(customerRow),
            }) : note('No customer matches. Records merged into another are found through that one.')));
        announce(`${found.length} customers found`);
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        const text = input.value.trim();
        if (text.length < MIN_SEARCH) {
            toast(`Type at least ${MIN_SEARCH} characters`, 'error');
            input.focus();
            return;
        }
        history.pushState(null, '', `/customers${queryString({q: text})}`);
        search(text);
    });
    const unregister = registerShortcuts({'/': () => input.focus()});

    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Customers')), h('div', {class: 'stack'}, form, results));
    await search((query.get('q') || '').trim());
    return unregister;
}
