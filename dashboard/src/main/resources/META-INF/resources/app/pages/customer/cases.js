// A customer's cases, newest first (those of the records merged into them too): the first page comes with the
// customer, "Load more" pages on with the list's cursor.

import {api, queryString} from '../../api.js';
import {actions, button} from '../../components/form.js';
import {table} from '../../components/table.js';
import {announce, badge, clear, h, label, problemBox, timeLeft} from '../../dom.js';

const PAGE = 25;
const hideSmall = text => ({label: text, class: 'hide-small'});

function row(summary) {
    const rating = summary.satisfactionRating;
    return h('tr', {dataset: {caseId: summary.caseId}},
        h('td', {}, h('a', {href: `/cases/${summary.caseId}`, class: 'case-link'}, summary.caseNumber)),
        h('td', {class: 'subject-cell'}, summary.subject || ''),
        h('td', {}, badge('status', summary.status)),
        h('td', {class: 'hide-small'}, label('queue', summary.queue)),
        h('td', {}, badge('priority', summary.priority)),
        h('td', {}, badge('slaState', summary.slaState),
            summary.nextDue && summary.status !== 'done' ? h('div', {class: 'muted'}, timeLeft(summary.nextDue)) : null),
        h('td', {dataset: {field: 'csat'}}, rating ? `${rating} of 5` : h('span', {class: 'muted'}, '—')));
}

/** The cases card: {element, show(customerId, page)}; show draws a first page, "Load more" asks for the next. */
export function createCustomerCases() {
    const tbody = h('tbody', {id: 'customer-case-rows'});
    const total = h('p', {class: 'muted', id: 'customer-case-total'});
    const message = h('div', {});
    const more = button('Load more cases', () => loadMore(), {hidden: true, id: 'customer-cases-more'});
    const element = h('section', {class: 'card', 'aria-labelledby': 'customer-cases-title'},
        h('h2', {id: 'customer-cases-title'}, 'Cases'), total, message,
        table({
            caption: 'Every case of this customer, newest first',
            className: 'case-table',
            columns: ['Case', 'Subject', 'Status', hideSmall('Queue'), 'Priority', 'SLA', 'Satisfaction'],
            body: tbody,
        }), actions(more));
    let customerId = null;
    let cursor = null;

    function take(page) {
        page.items.forEach(summary => tbody.append(row(summary)));
        cursor = page.items.length ? page.nextCursor : null;
        more.hidden = !cursor;
    }

    function show(id, page) {
        customerId = id;
        clear(tbody);
        clear(message);
        total.textContent = `${page.total} case${page.total === 1 ? '' : 's'}`;
        if (!page.items.length) {
            tbody.append(h('tr', {}, h('td', {colspan: 7}, 'No cases yet.')));
        }
        take(page);
    }

    async function loadMore() {
        if (!cursor) return;
        more.disabled = true;
        tbody.setAttribute('aria-busy', 'true');
        clear(message);
        try {
            const before = tbody.children.length;
            const page = await api(`/api/customers/${encodeURIComponent(customerId)}/cases${queryString({sort: '-createdAt', limit: PAGE, cursor})}`);
            take(page);
            // the keyboard goes on to the first case that came
            tbody.children[before]?.querySelector('a')?.focus();
            announce(`${page.items.length} more cases loaded`);
        } catch (error) {
            message.append(problemBox(error));
        } finally {
            more.disabled = false;
            tbody.setAttribute('aria-busy', 'false');
        }
    }

    return {element, show};
}
