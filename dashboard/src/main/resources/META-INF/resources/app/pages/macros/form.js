// The form that writes a macro: its name, whose it is (shared only for leads and admins; fixed once made), a public
// reply or an internal note, its text with placeholders, and what else it does when applied.

import {api} from '../../api.js';
import {fillCard} from '../../components/card.js';
import {actions, attempt, button, row, submitButton, succeed} from '../../components/form.js';
import {field, h, label, LABELS, select} from '../../dom.js';

function radios(legend, name, choices, value, {disabled = false} = {}) {
    return h('fieldset', {}, h('legend', {}, legend), choices.map(([choice, text, off]) =>
        h('label', {class: 'check', for: `macro-${name}-${choice}`},
            h('input', {type: 'radio', name: `macro-${name}`, value: choice, id: `macro-${name}-${choice}`,
                checked: choice === value, disabled: disabled || off}), text)));
}

const checked = (form, name) => form.querySelector(`input[name="macro-${name}"]:checked`).value;

/**
 * Draws the form in {@code card}: a new macro, or {@code macro} to change. {canShare, placeholders, saved(macro),
 * cancel()}.
 */
export function drawMacroForm(card, {macro = null, canShare, placeholders, saved, cancel}) {
    const acts = (macro && macro.actions) || {};
    const name = h('input', {id: 'macro-name', required: true, maxlength: 100, autocomplete: 'off', value: macro ? macro.name : ''});
    const body = h('textarea', {id: 'macro-body', required: true, maxlength: 10000}, macro ? macro.body : '');
    const status = select([['', 'Leave as it is'], ['inprogress', label('status', 'inprogress')], ['done', label('status', 'done')]],
        acts.status || '', {id: 'macro-status'});
    const priority = select([['', 'Leave as it is'], ...Object.keys(LABELS.priority).map(p => [p, label('priority', p)])],
        acts.priority || '', {id: 'macro-priority'});
    const tags = h('input', {id: 'macro-tags', maxlength: 1100, autocomplete: 'off', value: (acts.tags || []).join(', ')});
    const noteText = h('textarea', {id: 'macro-note', maxlength: 10000}, acts.note || '');
    const hint = `Placeholders: ${placeholders.map(p => `{{${p}}}`).join(' ')}`;
    const form = h('form', {id: 'macro-edit', 'aria-labelledby': card.getAttribute('aria-labelledby')},
        field('Name', name),
        radios(macro ? 'Whose (cannot change)' : 'Whose', 'scope',
            [['personal', 'Mine (personal)'], ['shared', 'The team’s (shared)', !canShare]],
            macro ? macro.scope : 'personal', {disabled: Boolean(macro)}),
        radios('Writes', 'visibility', [['public', 'A public reply'], ['internal', 'An internal note']],
            macro ? macro.visibility : 'public'),
        field('Text', body, hint),
        h('fieldset', {}, h('legend', {}, 'Also, when applied'),
            row(field('Status', status), field('Priority', priority), field('Add tags', tags, 'Comma-separated')),
            field('Internal note', noteText, 'Optional; the same placeholders')),
        actions(submitButton(macro ? 'Save macro' : 'Create macro', {id: 'macro-save'}),
            macro ? button('Cancel', cancel, {id: 'macro-edit-cancel'}) : null));
    form.addEventListener('submit', event => {
        event.preventDefault();
        attempt(async () => {
            const request = {
                name: name.value.trim(), body: body.value, visibility: checked(form, 'visibility'),
                actions: {
                    status: status.value || undefined, priority: priority.value || undefined,
                    tags: tags.value.split(',').map(t => t.trim()).filter(Boolean),
                    note: noteText.value.trim() ? noteText.value : undefined,
                },
            };
            if (!macro) request.scope = checked(form, 'scope');
            const stored = await api(macro ? `/api/macros/${macro.macroId}` : '/api/macros',
                {method: macro ? 'PUT' : 'POST', body: request});
            succeed(`Macro ${stored.name} ${macro ? 'saved' : 'created'}`);
            await saved(stored);
        });
    });
    fillCard(card, macro ? `Change “${macro.name}”` : 'New macro', form);
    return form;
}
