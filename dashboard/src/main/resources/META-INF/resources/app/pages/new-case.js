// A new case opened by an agent for a customer who called, walked in or chatted: find the customer by name or
// address (or type a new one), the channel it came through, subject, text, a priority hint and tags. The case then
// routes like any other; the page goes to it.

import {api} from '../api.js';
import {card} from '../components/card.js';
import {button, submitButton} from '../components/form.js';
import {note} from '../components/note.js';
import {announce, fill, field, h, LABELS, problemBox, select, toast} from '../dom.js';
import {onCaseChange} from '../stream.js';
import {addresses, findCustomers, MIN_SEARCH} from './customer/lookup.js';

const CHANNELS = ['phone', 'chat', 'email', 'web'];

function tagsOf(text) {
    return [...new Set(text.split(',').map(tag => tag.trim()).filter(Boolean))];
}

/**
 * Resolves when the live stream says the read side has case {@code caseId} (or after ten seconds), so its page shows
 * it rather than a 404. Listening starts before the case is opened: its first change cannot slip past.
 */
function whenListed() {
    let wanted = null;
    let done;
    const seen = new Set();
    const arrived = new Promise(resolve => {
        done = resolve;
    });
    const unsubscribe = onCaseChange(change => {
        const id = change.summary && change.summary.caseId;
        if (!id) return;
        seen.add(id);
        if (id === wanted) done();
    });
    const timer = window.setTimeout(() => done(), 10000);
    return {
        until(caseId) {
            wanted = caseId;
            if (seen.has(caseId)) done();
            return arrived.finally(() => {
                unsubscribe();
                window.clearTimeout(timer);
            });
        },
        cancel() {
            unsubscribe();
            window.clearTimeout(timer);
        },
    };
}

export async function render(main, {navigate}) {
    const lookup = h('input', {type: 'search', id: 'customer-lookup', autocomplete: 'off', maxlength: 200});
    const found = h('div', {id: 'customer-matches', 'aria-live': 'polite'});
    const customerId = h('input', {type: 'hidden', name: 'customerId'});
    const name = h('input', {id: 'new-case-name', name: 'customer.name', required: true, maxlength: 200, autocomplete: 'off'});
    const email = h('input', {id: 'new-case-email', name: 'customer.email', type: 'email', required: true, maxlength: 320, autocomplete: 'off'});
    const channel = select(CHANNELS.map(value => [value, LABELS.channel[value]]), 'phone', {id: 'new-case-channel', name: 'channel'});
    const subject = h('input', {id: 'new-case-subject', name: 'subject', required: true, maxlength: 250});
    const description = h('textarea', {id: 'new-case-description', name: 'description', rows: 6, maxlength: 50000});
    const priority = select([['', 'Let routing decide'], ...Object.entries(LABELS.priority)], '', {id: 'new-case-priority', name: 'priority'});
    const tags = h('input', {id: 'new-case-tags', name: 'tags', autocomplete: 'off'});
    const message = h('div', {});

    function useCustomer(customer) {
        customerId.value = customer.customerId;
        name.value = customer.name || '';
        email.value = addresses(customer)[0] || '';
        fill(found, note(`Opening the case for ${customer.name || customer.customerId}.`));
        subject.focus();
    }

    async function findCustomer() {
        const text = lookup.value.trim();
        if (text.length < MIN_SEARCH) {
            fill(found, note(`Type at least ${MIN_SEARCH} characters of a name or an address.`));
            return;
        }
        try {
            const customers = await findCustomers(text, 10);
            fill(found, customers.length
                ? h('ul', {class: 'plain-list', 'aria-label': 'Customers found'}, customers.map(customer => h('li', {},
                    button(`Use ${customer.name || customer.customerId} (${addresses(customer).join(', ')})`, () => useCustomer(customer)))))
                : note('No customer matches: type their name and address below for a new one.'));
            announce(`${customers.length} customers found`);
        } catch (error) {
            fill(found, problemBox(error));
        }
    }
    lookup.addEventListener('keydown', event => {
        if (event.key === 'Enter') {
            event.preventDefault();
            findCustomer();
        }
    });
    // a typed name or address is someone else than the customer picked before
    [name, email].forEach(input => input.addEventListener('input', () => {
        customerId.value = '';
    }));

    const form = h('form', {id: 'new-case-form', 'aria-labelledby': 'new-case-details-title', novalidate: true},
        h('h2', {id: 'new-case-details-title'}, 'The case'),
        customerId,
        h('div', {class: 'row'}, field('Customer name', name), field('Customer email', email)),
        h('div', {class: 'row'}, field('Came in by', channel), field('Priority', priority, 'Routing sets it when not given')),
        field('Subject', subject),
        field('What the customer said', description),
        field('Tags', tags, 'Separated by commas'),
        message,
        submitButton('Open case'));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        fill(message);
        const body = {
            customer: {name: name.value.trim(), email: email.value.trim(), ...(customerId.value ? {customerId: customerId.value} : {})},
            channel: channel.value,
            subject: subject.value.trim(),
            description: description.value.trim() || null,
            tags: tagsOf(tags.value),
            ...(priority.value ? {priority: priority.value} : {}),
        };
        const listed = whenListed();
        try {
            const receipt = await api('/api/cases', {method: 'POST', body, headers: {'Idempotency-Key': form.dataset.key}});
            toast(`${receipt.caseNumber} opened`, 'success');
            await listed.until(receipt.caseId);
            navigate(`/cases/${receipt.caseId}`);
        } catch (error) {
            listed.cancel();
            fill(message, problemBox(error));
            const first = (error.errors || [])[0];
            const bad = first && form.querySelector(`[name="${CSS.escape(first.field)}"]`);
            if (bad) bad.focus();
        }
    });
    // one key per form shown: a retried submit (a lost answer) opens the case once
    form.dataset.key = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'New case')),
        h('div', {class: 'stack'},
            card('Find the customer', 'find-customer-title',
                field('Name or address', lookup, 'Enter searches; pick a customer to fill in their details'),
                button('Find customer', findCustomer), found),
            h('div', {class: 'card'}, form)));
    lookup.focus();
    return () => {};
}
