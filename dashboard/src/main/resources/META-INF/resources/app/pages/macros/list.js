// The macros a person may use, as a table: whose, what it writes, what else it does, how often used; the ones they
// may change with Edit and Delete (a delete asks once more, in place).

import {fillCard} from '../../components/card.js';
import {button} from '../../components/form.js';
import {unlessEmpty} from '../../components/note.js';
import {hiddenColumn, rowHeader, table} from '../../components/table.js';
import {fill, h, timeTag} from '../../dom.js';
import {describeActions, kindLabel, scopeLabel} from './model.js';

function controls(macro, {edit, remove}) {
    const cell = h('td', {class: 'macro-controls'});
    const offer = () => fill(cell,
        button('Edit', () => edit(macro), {'aria-label': `Edit ${macro.name}`}),
        button('Delete', ask, {class: 'danger', 'aria-label': `Delete ${macro.name}`}));
    function ask() {
        fill(cell, h('span', {}, `Delete ${macro.name}?`),
            button('Yes, delete', () => remove(macro), {class: 'danger', id: `macro-delete-${macro.macroId}`}),
            button('Keep', offer, {'aria-label': `Keep ${macro.name}`}));
        document.getElementById(`macro-delete-${macro.macroId}`).focus();
    }
    if (macro.editable) offer();
    return cell;
}

/** Draws the list in {@code card}; {edit(macro), remove(macro)} for the ones the person may change. */
export function drawMacroList(card, macros, handlers) {
    fillCard(card, `Macros (${macros.length})`,
        h('p', {class: 'muted'}, 'Apply one from a case: the “Apply a macro” button, or the m key.'),
        unlessEmpty(macros, list => table({
            caption: 'The team’s macros and your own',
            columns: ['Name', 'Whose', 'Writes', 'Also sets', {label: 'Used', class: 'num'}, 'Last used', hiddenColumn('Change')],
            body: list.map(macro => h('tr', {dataset: {macroId: macro.macroId}},
                rowHeader(macro.name),
                h('td', {}, scopeLabel(macro)),
                h('td', {}, kindLabel(macro)),
                h('td', {}, describeActions(macro.actions) || '—'),
                h('td', {class: 'num'}, String(macro.usageCount || 0)),
                h('td', {}, macro.lastUsedAt ? timeTag(macro.lastUsedAt) : 'never'),
                controls(macro, handlers))),
        }), 'No macros yet: write the first one below.'));
}
