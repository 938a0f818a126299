// An editable table of rules: one row of controls per rule, rows added and removed, the whole list saved in
// its order (each row's position).

import {h} from '../dom.js';
import {actions, button} from './form.js';
import {hiddenColumn, table} from './table.js';

/**
 * {caption, rules, columns: [{key, title, control(rule), read(control)}], emptyRule, save(rows)}: the caption is
 * shown, and names the save button ("Save <caption>").
 */
export function editableTable({caption, rules, columns, emptyRule, save}) {
    const tbody = h('tbody', {});
    const addRow = rule => {
        const cells = columns.map(column => column.control(rule));
        const tr = h('tr', {}, cells.map(cell => h('td', {}, cell)),
            h('td', {}, button('Remove', () => tr.remove(), {class: 'danger', 'aria-label': 'Remove this rule'})));
        tr.read = () => Object.fromEntries(columns.map((column, index) => [column.key, column.read(cells[index])]));
        tbody.append(tr);
    };
    rules.forEach(addRow);
    const saveButton = button(`Save ${caption.toLowerCase()}`, async () => {
        const rows = [...tbody.children].map((tr, index) => ({...tr.read(), position: index}));
        await save(rows);
    }, {class: 'primary'});
    return h('div', {},
        table({caption, captionShown: true, className: 'editable', body: tbody,
            columns: [...columns.map(column => column.title), hiddenColumn('Remove')]}),
        actions(button('Add rule', () => addRow(emptyRule)), saveButton));
}
