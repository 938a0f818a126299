// Saved searches: the current filters saved under a name, run again, or deleted.

import {api} from '../../api.js';
import {cardFrame, fillCard} from '../../components/card.js';
import {attempt, button, row} from '../../components/form.js';
import {announce, field, h, problemBox, select, toast} from '../../dom.js';
import {filtersFrom} from './filters.js';

/** {element, draw()}: {@code current()} gives the filters to save; {@code run(filters)} applies a saved search's. */
export function createSavedSearches({current, run}) {
    const element = cardFrame('saved-title');

    async function draw() {
        let searches = [];
        try {
            searches = await api('/api/saved-searches');
        } catch (error) {
            fillCard(element, 'Saved searches', problemBox(error));
            return;
        }
        const chooser = select([['', searches.length ? 'Choose a saved search' : 'No saved searches yet'], ...searches.map(s => [s.name, s.name])], '', {id: 'saved-choice'});
        const name = h('input', {id: 'saved-name', maxlength: 80, autocomplete: 'off', pattern: '[\\p{L}\\p{N} _.\\-]{1,80}'});
        const saveForm = h('form', {class: 'row', 'aria-label': 'Save this search'},
            field('Save the current filters as', name),
            h('button', {type: 'submit'}, 'Save search'));
        saveForm.addEventListener('submit', event => {
            event.preventDefault();
            const text = name.value.trim();
            if (!text) {
                toast('Give the search a name', 'error');
                name.focus();
                return;
            }
            const parameters = {};
            for (const [key, value] of Object.entries(current())) {
                parameters[key] = Array.isArray(value) ? value : [value];
            }
            attempt(async () => {
                await api(`/api/saved-searches/${encodeURIComponent(text)}`, {method: 'PUT', body: {parameters}});
                toast(`Saved search “${text}”`, 'success');
                announce(`Saved search ${text}`);
                await draw();
            });
        });
        const use = () => {
            const chosen = searches.find(s => s.name === chooser.value);
            if (!chosen) {
                return;
            }
            const search = new URLSearchParams();
            for (const [key, values] of Object.entries(chosen.parameters || {})) {
                search.set(key, [].concat(values).join(','));
            }
            run(filtersFrom(search));
        };
        const remove = () => {
            if (!chooser.value) {
                return;
            }
            attempt(async () => {
                await api(`/api/saved-searches/${encodeURIComponent(chooser.value)}`, {method: 'DELETE'});
                toast('Saved search deleted', 'success');
                await draw();
            });
        };
        fillCard(element, 'Saved searches',
            row(field('Saved search', chooser), button('Run', use), button('Delete', remove, {class: 'danger'})),
            saveForm);
    }

    return {element, draw};
}
