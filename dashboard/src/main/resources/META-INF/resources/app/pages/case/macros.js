// The macro picker of the case page: the shared macros and the person's own, most used first, found by typing. The
// one chosen is previewed as the server renders it for this case (placeholders filled in, what else it does), and
// applied in one step. Opened by its button or the m key; ↑ and ↓ choose while typing, Enter applies, Escape closes.

import {api} from '../../api.js';
import {actions, attempt, button, submitButton, succeed} from '../../components/form.js';
import {note} from '../../components/note.js';
import {field, fill, h, problemText, toast} from '../../dom.js';
import {byUse, describeActions, kindLabel, matches, scopeLabel} from '../macros/model.js';

/** {opener, dialog, open()}; onApplied(view) with the case after a macro was applied. */
export function createMacroPicker(caseId, onApplied) {
    let macros = [];
    let shown = [];
    let chosen = null;
    let previewTimer = null;
    let previewFor = null;
    const search = h('input', {type: 'search', id: 'macro-search', autocomplete: 'off', 'aria-controls': 'macro-options'});
    const options = h('div', {id: 'macro-options', class: 'macro-options'});
    const legend = h('legend', {}, 'Macros');
    const preview = h('div', {id: 'macro-preview', class: 'macro-preview', 'aria-live': 'polite'});
    const form = h('form', {id: 'macro-form'},
        field('Find a macro', search, 'Type to filter; ↑ and ↓ choose, Enter applies'),
        h('fieldset', {}, legend, options),
        h('h3', {id: 'macro-preview-title'}, 'Preview'), preview,
        actions(submitButton('Apply macro', {id: 'macro-apply'}), button('Cancel', () => dialog.close(), {id: 'macro-cancel'})));
    const dialog = h('dialog', {id: 'macro-picker', class: 'macro-picker', 'aria-labelledby': 'macro-picker-title'},
        h('h2', {id: 'macro-picker-title'}, 'Apply a macro'), form);
    const opener = button('Apply a macro…', () => open(), {id: 'macro-open', 'aria-keyshortcuts': 'm'});
    dialog.addEventListener('close', () => {
        if (opener.isConnected) opener.focus();
    });

    function option(macro) {
        const id = `macro-option-${macro.macroId}`;
        const radio = h('input', {type: 'radio', name: 'macro', value: macro.macroId, id, checked: chosen === macro,
            onchange: () => choose(macro)});
        return h('label', {class: 'macro-option', for: id}, radio, h('span', {class: 'name'}, macro.name),
            h('span', {class: 'muted'}, `${scopeLabel(macro)} · ${kindLabel(macro)} · used ${macro.usageCount || 0}×`));
    }

    function draw() {
        shown = macros.filter(macro => matches(macro, search.value));
        if (!shown.includes(chosen)) chosen = shown[0] || null;
        legend.textContent = `Macros (${shown.length} of ${macros.length})`;
        fill(options, shown.length ? shown.map(option)
            : note(macros.length ? 'No macro matches.' : 'No macros yet: write your own on the Macros page.'));
        showPreview();
    }

    function choose(macro) {
        chosen = macro;
        const radio = document.getElementById(`macro-option-${macro.macroId}`);
        if (radio) {
            radio.checked = true;
            radio.closest('label').scrollIntoView({block: 'nearest'});
        }
        showPreview();
    }

    function showPreview() {
        window.clearTimeout(previewTimer);
        const macro = chosen;
        if (!macro) {
            previewFor = null;
            fill(preview, note('Choose a macro to see what it writes.'));
            return;
        }
        if (previewFor === macro.macroId) return;
        previewTimer = window.setTimeout(async () => {
            try {
                const rendered = await api(`/api/macros/${macro.macroId}/preview?caseId=${caseId}`);
                if (chosen !== macro) return;
                const also = describeActions(rendered.actions);
                fill(preview, h('p', {class: 'muted'}, kindLabel(rendered)),
                    h('div', {class: 'macro-text', id: 'macro-preview-body'}, rendered.body),
                    rendered.note ? [h('p', {class: 'muted'}, 'Internal note'), h('div', {class: 'macro-text internal'}, rendered.note)] : null,
                    also ? h('p', {id: 'macro-preview-actions'}, `Also sets ${also}.`) : null);
                previewFor = macro.macroId;
            } catch (error) {
                if (chosen !== macro) return;
                previewFor = null;
                fill(preview, h('p', {class: 'problem'}, problemText(error)));
            }
        }, 120);
    }

    search.addEventListener('input', draw);
    search.addEventListener('keydown', event => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        if (!shown.length) return;
        const at = shown.indexOf(chosen);
        const next = event.key === 'ArrowDown' ? Math.min(at + 1, shown.length - 1) : Math.max(at - 1, 0);
        choose(shown[next]);
    });

    form.addEventListener('submit', async event => {
        event.preventDefault();
        if (!chosen) {
            toast('Choose a macro first', 'error');
            search.focus();
            return;
        }
        const macro = chosen;
        await attempt(async () => {
            const view = await api(`/api/cases/${caseId}/macros/${macro.macroId}`, {method: 'POST'});
            dialog.close();
            succeed(`Macro ${macro.name} applied`);
            onApplied(view);
        });
    });

    async function open() {
        await attempt(async () => {
            macros = byUse(await api('/api/macros'));
            search.value = '';
            chosen = null;
            previewFor = null;
            draw();
            dialog.showModal();
            search.focus();
        });
    }

    return {opener, dialog, open};
}
