// Correcting a case's subject in place: "Edit subject" under the heading opens a small form (Enter saves, Escape or
// Cancel closes it and the focus goes back to the button). What is typed survives a live redraw.

import {button, submitButton} from '../../components/form.js';
import {clear, field, h, toast} from '../../dom.js';

/** {element, draw(c, {enabled})}; save(subject) applies the change and resolves true when it did. */
export function createSubjectEditor(save) {
    const element = h('div', {class: 'subject-edit'});
    let editing = false;
    let typed = null;
    let shown = null;
    let allowed = false;

    function draw(c, {enabled}) {
        shown = c;
        allowed = enabled;
        clear(element);
        if (!enabled) {
            editing = false;
            return;
        }
        if (!editing) {
            element.append(button('Edit subject', open, {id: 'subject-edit', class: 'link-button'}));
            return;
        }
        const input = h('input', {id: 'subject-input', maxlength: 250, autocomplete: 'off', value: typed ?? c.subject ?? ''});
        input.addEventListener('input', () => {
            typed = input.value;
        });
        input.addEventListener('keydown', event => {
            if (event.key === 'Escape') {
                event.preventDefault();
                close();
            }
        });
        const form = h('form', {class: 'row', 'aria-label': 'Edit the subject'},
            field('Subject', input, 'At most 250 characters'),
            submitButton('Save subject', {id: 'subject-save'}),
            button('Cancel', close, {id: 'subject-cancel'}));
        form.addEventListener('submit', async event => {
            event.preventDefault();
            const subject = input.value.trim();
            if (!subject) {
                toast('A subject cannot be empty', 'error');
                input.focus();
                return;
            }
            if (await save(subject)) {
                close();
            }
        });
        element.append(form);
    }

    function open() {
        editing = true;
        typed = null;
        draw(shown, {enabled: allowed});
        const input = document.getElementById('subject-input');
        input.focus();
        input.select();
    }

    function close() {
        editing = false;
        typed = null;
        draw(shown, {enabled: allowed});
        document.getElementById('subject-edit')?.focus();
    }

    return {element, draw};
}
