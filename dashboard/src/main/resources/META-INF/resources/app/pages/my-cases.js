// My cases: the open cases assigned to me, soonest SLA due first, with the SLA clock, when the customer last wrote
// and whether they wrote since I last read the case. Keyboard triage: j / k move between cases, o (or Enter) opens,
// r opens to reply, s sets the focused case's status. A change to any of my cases redraws the list.

import {api, currentUser} from '../api.js';
import {note} from '../components/note.js';
import {rowHeader, table} from '../components/table.js';
import {announce, badge, clear, fill, formatTime, h, label, problemBox, timeLeft, toast} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {onCaseChange} from '../stream.js';

/** The moves a case may make from each status (new → in progress → done): the select offers only those. */
const NEXT = {new: ['inprogress'], inprogress: ['done'], done: []};

function statusControl(summary, onChange) {
    const choices = [summary.status, ...(NEXT[summary.status] || [])];
    const control = h('select', {'aria-label': `Status of ${summary.caseNumber}`, class: 'row-status', dataset: {caseId: summary.caseId}},
        choices.map(status => h('option', {value: status, selected: status === summary.status}, label('status', status))));
    control.addEventListener('change', () => onChange(summary, control));
    return control;
}

function row(summary, onStatus) {
    const unread = summary.unread;
    return h('tr', {dataset: {caseId: summary.caseId}, class: unread ? 'unread' : null},
        rowHeader(h('a', {href: `/cases/${summary.caseId}`, class: 'case-link'}, summary.caseNumber),
            unread ? h('span', {class: 'badge unread-badge'}, 'Unread') : null),
        h('td', {class: 'subject-cell'}, summary.subject || '', h('div', {class: 'muted'}, summary.customerName || '')),
        h('td', {}, badge('priority', summary.priority)),
        h('td', {}, badge('slaState', summary.slaState), summary.nextDue ? h('div', {class: 'muted'}, timeLeft(summary.nextDue)) : null),
        h('td', {}, formatTime(summary.lastCustomerMessageAt || summary.openedAt)),
        h('td', {}, statusControl(summary, onStatus)));
}

export async function render(main) {
    const user = currentUser();
    const count = h('span', {class: 'muted', id: 'my-case-count'});
    const body = h('tbody', {id: 'my-case-rows'});
    const message = h('div', {});
    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'My cases'), count,
        h('a', {href: '/cases/new', class: 'button'}, 'New case')), message);
    if (!user || !user.agentId) {
        main.append(note('Your login is not linked to an agent, so no cases are assigned to you. An admin links it on the Users page.'));
        return () => {};
    }
    main.append(table({
        caption: 'My open cases, soonest due first', className: 'case-table',
        columns: ['Case', 'Subject', 'Priority', 'SLA', 'Customer last wrote', 'Status'], body,
    }));

    async function setStatus(summary, control) {
        try {
            await api(`/api/cases/${summary.caseId}/status`, {method: 'POST', body: {status: control.value}});
            toast(`${summary.caseNumber} is ${label('status', control.value)}`, 'success');
            await load();
        } catch (error) {
            control.value = summary.status;
            fill(message, problemBox(error));
        }
    }

    async function load() {
        const focused = document.activeElement && document.activeElement.closest('tr[data-case-id]');
        const focusedId = focused && focused.dataset.caseId;
        try {
            const mine = await api('/api/me/cases');
            clear(message);
            fill(body, mine.items.map(summary => row(summary, setStatus)));
            count.textContent = `${mine.total} open, ${mine.unread} unread`;
            if (!mine.items.length) {
                message.append(note('No open cases are assigned to you.'));
            }
            if (focusedId) {
                body.querySelector(`tr[data-case-id="${CSS.escape(focusedId)}"] a.case-link`)?.focus();
            }
        } catch (error) {
            fill(message, problemBox(error));
        }
    }

    const links = () => [...body.querySelectorAll('a.case-link')];
    const focusedLink = () => document.activeElement && document.activeElement.closest('tr[data-case-id]')
        ?.querySelector('a.case-link');
    function move(step) {
        const all = links();
        if (!all.length) return;
        const index = all.indexOf(focusedLink());
        all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))].focus();
    }
    const open = suffix => event => {
        const link = focusedLink() || links()[0];
        if (!link) return;
        event.preventDefault();
        link.href = `${link.pathname}${suffix}`;
        link.click();
    };
    const unregister = registerShortcuts({
        j: () => move(1),
        k: () => move(-1),
        o: open(''),
        r: open('?compose=public'),
        s: event => {
            const tr = document.activeElement && document.activeElement.closest('tr[data-case-id]');
            const control = tr && tr.querySelector('select.row-status');
            if (control) {
                event.preventDefault();
                control.focus();
            }
        },
    });
    let timer = null;
    const unsubscribe = onCaseChange(change => {
        if (!change.summary || change.summary.assignee !== user.agentId && !body.querySelector(`tr[data-case-id="${CSS.escape(change.summary.caseId)}"]`)) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => load().then(() => announce('My cases updated')), 300);
    });
    const tick = window.setInterval(load, 60000);
    await load();
    return () => {
        unregister();
        unsubscribe();
        window.clearTimeout(timer);
        window.clearInterval(tick);
    };
}
