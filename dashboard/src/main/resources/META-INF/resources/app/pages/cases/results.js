// The results of the case list: a row per case (selectable when the person may work cases), cursor paging with
// "Load more", and live updates: a changed row is redrawn in place (marked "updated"), new cases are offered.

import {api} from '../../api.js';
import {actions, button} from '../../components/form.js';
import {table} from '../../components/table.js';
import {agentName} from '../../directory.js';
import {announce, badge, clear, fill, flash, formatTime, h, label, problemBox, timeLeft} from '../../dom.js';
import {onCaseChange} from '../../stream.js';
import {listUrl, PAGE_SIZE} from './filters.js';

const hideSmall = text => ({label: text, class: 'hide-small'});

/**
 * {element, load(first), reset(), stop()}. {@code current()}: the filters; {@code onFirstPage(page)} and
 * {@code onFirstFailed()}: a first page came (or failed); {@code onShowNew()}: the person asked for the list with
 * the new cases.
 */
export function createResults({tbody, selection, canWork, agentList, current, onFirstPage, onFirstFailed, onShowNew}) {
    const banner = h('div', {class: 'new-banner'});
    const more = button('Load more cases', () => load(false), {hidden: true});
    const listMessage = h('div', {});
    const element = h('section', {'aria-labelledby': 'results-title'}, h('h2', {id: 'results-title', class: 'visually-hidden'}, 'Results'),
        banner, listMessage, table({
            caption: 'Cases matching the filters',
            className: 'case-table',
            columns: [canWork ? selection.selectAll : null, 'Case', 'Subject', 'Status', 'Priority', hideSmall('Queue'),
                hideSmall('Assignee'), hideSmall('Customer'), 'SLA', hideSmall('Updated')],
            body: tbody,
        }), actions(more));
    let cursor = null;
    let loading = false;
    let loadToken = 0;
    let newCases = 0;

    function row(summary) {
        const box = canWork ? h('input', {type: 'checkbox', 'aria-label': `Select ${summary.caseNumber}`, checked: selection.has(summary.caseId), dataset: {caseId: summary.caseId}}) : null;
        if (box) {
            box.addEventListener('change', () => selection.toggle(summary.caseId, box.checked));
        }
        return h('tr', {dataset: {caseId: summary.caseId}, class: selection.has(summary.caseId) ? 'selected' : null},
            canWork ? h('td', {}, box) : null,
            h('td', {}, h('a', {href: `/cases/${summary.caseId}`, class: 'case-link'}, summary.caseNumber)),
            h('td', {class: 'subject-cell'}, summary.subject || '',
                (summary.tags || []).length ? h('div', {}, summary.tags.map(t => h('span', {class: 'tag'}, t))) : null),
            h('td', {}, badge('status', summary.status)),
            h('td', {}, badge('priority', summary.priority)),
            h('td', {class: 'hide-small'}, label('queue', summary.queue)),
            h('td', {class: 'hide-small'}, agentName(agentList, summary.assignee)),
            h('td', {class: 'hide-small'}, summary.customerName || '', ' ', h('span', {class: 'muted'}, label('tier', summary.tier))),
            h('td', {}, badge('slaState', summary.slaState), summary.nextDue && summary.status !== 'done' ? h('div', {class: 'muted'}, timeLeft(summary.nextDue)) : null),
            h('td', {class: 'hide-small'}, formatTime(summary.updatedAt)));
    }

    /** Loads the first page (superseding any load in flight) or, if not first, the next page after the others. */
    async function load(first) {
        if (!first && loading) return;
        const token = first ? ++loadToken : loadToken;
        loading = true;
        more.disabled = true;
        tbody.setAttribute('aria-busy', 'true');
        clear(listMessage);
        try {
            const page = await api(listUrl(current(), first ? null : cursor));
            if (token !== loadToken) return;
            if (first) {
                clear(tbody);
                onFirstPage(page);
            }
            page.items.forEach(summary => tbody.append(row(summary)));
            if (first && !page.items.length) {
                tbody.append(h('tr', {}, h('td', {colspan: 10}, 'No cases match these filters.')));
            }
            cursor = page.items.length < PAGE_SIZE ? null : page.nextCursor;
            more.hidden = !cursor;
        } catch (error) {
            if (token !== loadToken) return;
            if (first) {
                clear(tbody);
                onFirstFailed();
            }
            listMessage.append(problemBox(error));
        } finally {
            if (token === loadToken) {
                loading = false;
                more.disabled = false;
                tbody.setAttribute('aria-busy', 'false');
            }
        }
    }

    /** New filters: paging starts again and the new-cases offer goes. */
    function reset() {
        cursor = null;
        newCases = 0;
        clear(banner);
    }

    let announceTimer = null;
    let changedCount = 0;
    const unsubscribe = onCaseChange(change => {
        const summary = change.summary;
        if (!summary) return;
        const existing = tbody.querySelector(`tr[data-case-id="${CSS.escape(summary.caseId)}"]`);
        if (existing) {
            const replacement = row(summary);
            replacement.querySelector(`td:nth-child(${canWork ? 2 : 1})`).append(h('span', {class: 'updated-marker'}, 'updated'));
            const hadFocus = existing.contains(document.activeElement) ? document.activeElement : null;
            existing.replaceWith(replacement);
            if (hadFocus) {
                const same = hadFocus.matches('input') ? replacement.querySelector('input') : replacement.querySelector('a');
                if (same) same.focus();
            }
            flash(replacement);
            changedCount += 1;
        } else if (change.type === 'CaseOpened') {
            newCases += 1;
            fill(banner, button(`${newCases} new case${newCases === 1 ? '' : 's'} arrived: show the updated list`, onShowNew));
        }
        window.clearTimeout(announceTimer);
        announceTimer = window.setTimeout(() => {
            if (changedCount) announce(`${changedCount} case${changedCount === 1 ? '' : 's'} in this list updated`);
            changedCount = 0;
        }, 1500);
    });

    return {element, load, reset, stop: () => { unsubscribe(); window.clearTimeout(announceTimer); }};
}
