// Keyboard shortcuts: the help dialog (?), "g then <key>" to go to a page, / to search, t for the theme, and the
// current page's own keys (registered by the page, dropped when the router leaves it). No key acts while the
// focus is in a text field (Escape leaves the field first).

import {currentUser} from './api.js';
import {modalDialog} from './components/dialog.js';
import {toggleTheme} from './theme.js';

const pageShortcuts = new Map();
let help = null;

/** Keyboard shortcuts of the current page: {key: handler}; removed when the page goes. */
export function registerShortcuts(map) {
    for (const [key, handler] of Object.entries(map)) {
        pageShortcuts.set(key, handler);
    }
    return () => Object.keys(map).forEach(key => pageShortcuts.delete(key));
}

/** Forgets the keys of the page that is left. */
export function clearPageShortcuts() {
    pageShortcuts.clear();
}

/** Shows in the help only the rows of shortcuts the person's roles allow (rows with data-roles). */
export function showShortcutsFor(allowed) {
    document.querySelectorAll('#help tr[data-roles]').forEach(row => {
        row.hidden = !allowed(row.dataset.roles.split(' '));
    });
}

/**
 * Wires the keys to the document. {@code target(key)}: where "g then key" goes (a path, or nothing if the
 * person's roles have no page for it); {@code navigate(path)}: goes there.
 */
export function installShortcuts({target, navigate}) {
    help = modalDialog('help', {openers: [document.getElementById('help-button')]});
    let goPending = false;
    let goTimer = null;

    document.addEventListener('keydown', event => {
        // a dialog open (this help, a page's picker) has the keys to itself
        if (event.ctrlKey || event.metaKey || event.altKey || help.isOpen() || document.querySelector('dialog[open]')) {
            return;
        }
        const element = event.target;
        if (element.closest('input, textarea, select, [contenteditable="true"]')) {
            // Escape leaves a text field, so the single-key shortcuts work again
            if (event.key === 'Escape' && element.closest('input, textarea')) {
                element.blur();
            }
            return;
        }
        if (!currentUser() || document.body.classList.contains('logged-out')) {
            return;
        }
        const key = event.key;
        if (goPending) {
            goPending = false;
            window.clearTimeout(goTimer);
            const path = target(key);
            if (path) {
                event.preventDefault();
                navigate(path);
            }
            return;
        }
        if (key === '?') {
            event.preventDefault();
            help.open();
        } else if (key === 'g') {
            goPending = true;
            goTimer = window.setTimeout(() => {
                goPending = false;
            }, 1500);
        } else if (key === 't') {
            toggleTheme();
        } else if (key === '/') {
            event.preventDefault();
            if (pageShortcuts.has('/')) {
                pageShortcuts.get('/')(event);
            } else {
                navigate('/cases?focus=search');
            }
        } else if (pageShortcuts.has(key)) {
            pageShortcuts.get(key)(event);
        }
    });
}
