// Customers as the pages name and find them: the path of a customer's page, their addresses, and the search by
// name, organisation or address (the query side needs at least 2 characters).

import {api, queryString} from '../../api.js';

export const MIN_SEARCH = 2;

/** The path of a customer's page (ids are the record's own, so they are encoded). */
export function customerPath(customerId) {
    return `/customers/${encodeURIComponent(customerId)}`;
}

/** Every address of the record (its first one when the list is empty). */
export function addresses(customer) {
    const all = customer.emails && customer.emails.length ? customer.emails : [customer.email];
    return all.filter(Boolean);
}

/** Records (not merged into another) whose name, organisation or an address contains {@code text}. */
export async function findCustomers(text, limit = 20) {
    const answer = await api(`/api/customers${queryString({q: text, limit})}`);
    return answer.customers || [];
}
