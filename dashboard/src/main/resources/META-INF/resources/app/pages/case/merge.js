// Merging a duplicate into the case that goes on: the other case is found by its number, shown, and merged only once
// the person confirms, since it cannot be undone (this case closes and leads there; both keep their conversation and
// history). And the notices of a merge on both cases, with links between them.

import {fillCard, cardFrame} from '../../components/card.js';
import {actions, attempt, button, row, submitButton} from '../../components/form.js';
import {api, queryString} from '../../api.js';
import {announce, badge, clear, fill, field, h, toast} from '../../dom.js';

/** "1234", "cs-1234", " CS-1234 " → "CS-1234"; null if it is no case number. */
function caseNumber(text) {
    const match = /^\s*(?:cs-?)?(\d{1,18})\s*$/i.exec(text || '');
    return match ? `CS-${match[1]}` : null;
}

/** The case with this number, as the case list has it; null when there is none. */
async function findByNumber(number) {
    // a trailing space: every word exactly ("CS-12" must not find CS-1234)
    const page = await api(`/api/cases${queryString({q: `${number} `, limit: 20})}`);
    return (page.items || []).find(item => item.caseNumber === number) || null;
}

/** The notices of a merge: which case this one was merged into, and which were merged into it. */
export function drawMergeNotices(container, c) {
    clear(container);
    if (c.mergedInto) {
        container.append(h('div', {class: 'notice', id: 'merged-into-notice'},
            'This case was merged into ',
            h('a', {href: `/cases/${c.mergedInto.caseId}`}, c.mergedInto.caseNumber),
            ': its conversation goes on there. It takes no more changes.'));
    }
    if (c.merged && c.merged.length) {
        container.append(h('div', {class: 'notice', id: 'merged-cases-notice'},
            c.merged.length === 1 ? 'Merged into this case: ' : 'Merged into this case (duplicates): ',
            c.merged.map((link, i) => [i ? ', ' : '', h('a', {href: `/cases/${link.caseId}`}, link.caseNumber)])));
    }
}

/** {element, draw(c, {enabled})}; merge(target) merges this case into the target and resolves true when it did. */
export function createMergeInto(merge) {
    const element = cardFrame('merge-title');
    const number = h('input', {id: 'merge-number', maxlength: 30, autocomplete: 'off', inputmode: 'text'});
    const found = h('div', {id: 'merge-target'});
    const form = h('form', {'aria-label': 'Find the case to merge into'},
        row(field('Number of the case that goes on', number, 'For example CS-1234'),
            submitButton('Find case', {primary: false, id: 'merge-find'})));
    let shown = null;

    function confirm(target) {
        fill(found, h('div', {class: 'notice', role: 'group', 'aria-labelledby': 'merge-confirm-title'},
            h('h3', {id: 'merge-confirm-title', tabindex: '-1'}, `Merge ${shown.caseNumber} into ${target.caseNumber}?`),
            h('p', {}, h('a', {href: `/cases/${target.caseId}`}, target.caseNumber), `: ${target.subject} `,
                badge('status', target.status)),
            h('p', {}, `${shown.caseNumber} closes and leads to ${target.caseNumber}; both keep their conversation and `
                + 'history. This cannot be undone.'),
            actions(
                button(`Merge into ${target.caseNumber}`, async () => {
                    if (await merge(target)) {
                        clear(found);
                        number.value = '';
                    }
                }, {class: 'danger', id: 'merge-confirm'}),
                button('Cancel', () => {
                    clear(found);
                    number.focus();
                }, {id: 'merge-cancel'}))));
        document.getElementById('merge-confirm-title').focus();
    }

    form.addEventListener('submit', event => {
        event.preventDefault();
        clear(found);
        const wanted = caseNumber(number.value);
        if (!wanted) {
            toast('Type the number of a case, such as CS-1234', 'error');
            number.focus();
            return;
        }
        if (wanted === shown.caseNumber) {
            toast('A case cannot be merged into itself', 'error');
            number.focus();
            return;
        }
        attempt(async () => {
            const target = await findByNumber(wanted);
            if (target) {
                confirm(target);
            } else {
                fill(found, h('p', {class: 'muted'}, `No case ${wanted} was found.`));
                announce(`No case ${wanted} was found`);
            }
        });
    });

    function draw(c, {enabled}) {
        const changed = shown && shown.caseId !== c.caseId;
        shown = c;
        element.hidden = !enabled || Boolean(c.mergedInto);
        if (changed) clear(found);
        if (!element.firstChild) {
            fillCard(element, 'Merge into another case',
                h('p', {class: 'muted'}, 'A duplicate? Merge it into the case that goes on.'), form, found);
        }
    }

    return {element, draw};
}
