// The cases selected in the list (for bulk actions): their ids, the checkbox and highlight of each row, and the
// header's "select every case shown".

import {h} from '../../dom.js';

/** {ids, selectAll, has(id), toggle(id, on), clear({rows, all}), onChange(fn)} over the rows of {@code tbody}. */
export function createSelection(tbody) {
    const ids = new Set();
    const listeners = [];
    const selectAll = h('input', {type: 'checkbox', 'aria-label': 'Select every case shown'});
    const changed = () => listeners.forEach(fn => fn(ids.size));

    function toggle(caseId, on) {
        if (on) ids.add(caseId); else ids.delete(caseId);
        const tr = tbody.querySelector(`tr[data-case-id="${CSS.escape(caseId)}"]`);
        if (tr) tr.classList.toggle('selected', on);
        changed();
    }

    /** Forgets the selection; rows: also unticks and unmarks the rows shown; all: also unticks "select every". */
    function clear({rows = false, all = false} = {}) {
        ids.clear();
        if (rows) {
            tbody.querySelectorAll('input[type="checkbox"]').forEach(box => { box.checked = false; });
            tbody.querySelectorAll('tr.selected').forEach(tr => tr.classList.remove('selected'));
        }
        if (all) {
            selectAll.checked = false;
        }
        changed();
    }

    selectAll.addEventListener('change', () => {
        tbody.querySelectorAll('input[type="checkbox"]').forEach(box => {
            box.checked = selectAll.checked;
            toggle(box.dataset.caseId, box.checked);
        });
    });

    return {ids, selectAll, has: caseId => ids.has(caseId), toggle, clear, onChange: fn => listeners.push(fn)};
}
