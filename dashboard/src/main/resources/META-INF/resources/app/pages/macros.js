// Macros: canned responses with placeholders, and what else they do when applied (status, priority, tags, an
// internal note). Everyone who works cases keeps their own; leads and admins keep the team's (shared). They are
// applied from a case: its "Apply a macro" button, or the m key.

import {api, hasRole} from '../api.js';
import {cardFrame} from '../components/card.js';
import {attempt, loadOrProblem, succeed} from '../components/form.js';
import {h} from '../dom.js';
import {drawMacroForm} from './macros/form.js';
import {drawMacroList} from './macros/list.js';

export async function render(main) {
    const canShare = hasRole('lead', 'admin');
    const message = h('div', {});
    const listCard = cardFrame('macro-list-title');
    const formCard = cardFrame('macro-form-title');
    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Macros')),
        h('p', {class: 'muted'}, canShare ? 'The team’s macros (you keep them) and your own.'
            : 'The team’s macros (leads keep them) and your own.'),
        message, h('div', {class: 'stack'}, listCard, formCard));
    const placeholders = await loadOrProblem(message, () => api('/api/macros/placeholders')) || [];

    function showForm(macro = null) {
        return drawMacroForm(formCard, {macro, canShare, placeholders, saved: reload, cancel: () => showForm()});
    }

    async function reload() {
        const macros = await loadOrProblem(message, () => api('/api/macros'));
        if (!macros) return;
        drawMacroList(listCard, macros, {
            edit: macro => {
                showForm(macro);
                document.getElementById('macro-name').focus();
            },
            remove: macro => attempt(async () => {
                await api(`/api/macros/${macro.macroId}`, {method: 'DELETE'});
                succeed(`Macro ${macro.name} deleted`);
                await reload();
            }),
        });
        showForm();
    }

    await reload();
    return undefined;
}
