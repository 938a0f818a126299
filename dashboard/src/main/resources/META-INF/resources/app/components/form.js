// The pieces forms and actions repeat: buttons, a row of a field and its button, the actions bar, and how an
// action's failure is shown (its problem as an error toast) or a section's failure to load (a problem box).

import {announce, h, problemBox, problemText, toast} from '../dom.js';

/** <button type="button">; attributes as h takes them (class, id, disabled, aria-*). */
export function button(text, onclick, attributes = {}) {
    return h('button', {type: 'button', ...attributes, onclick}, text);
}

/** <button type="submit">, primary unless said otherwise. */
export function submitButton(text, {primary = true, ...attributes} = {}) {
    return h('button', {type: 'submit', class: primary ? 'primary' : null, ...attributes}, text);
}

/** A row of controls side by side: a field and the button that applies it. */
export function row(...children) {
    return h('div', {class: 'row'}, children);
}

/** The bar of buttons under a form or list. */
export function actions(...children) {
    return h('div', {class: 'actions'}, children);
}

/** Says an action succeeded: a success toast, and the same words to screen readers. */
export function succeed(text) {
    toast(text, 'success');
    announce(text);
}

/**
 * Runs an action (an API call and what follows it): a failure anywhere in it becomes an error toast with the
 * problem's text. Resolves to true when it succeeded.
 */
export async function attempt(work) {
    try {
        await work();
        return true;
    } catch (error) {
        toast(problemText(error), 'error');
        return false;
    }
}

/** Loads what a section shows; on failure a problem box in {@code container} and null. */
export async function loadOrProblem(container, loader) {
    try {
        return await loader();
    } catch (error) {
        container.append(problemBox(error));
        return null;
    }
}
