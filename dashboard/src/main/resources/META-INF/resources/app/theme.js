// The light and dark theme: the person's choice (remembered in localStorage) or else the system's; pages that draw
// with colours of their own (the chart) listen for 'casestream:theme'.

import {announce} from './dom.js';

const THEME_KEY = 'casestream.theme';
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export function effectiveTheme() {
    return document.documentElement.dataset.theme || (darkQuery.matches ? 'dark' : 'light');
}

export function applyTheme() {
    const chosen = localStorage.getItem(THEME_KEY);
    if (chosen === 'light' || chosen === 'dark') {
        document.documentElement.dataset.theme = chosen;
    } else {
        delete document.documentElement.dataset.theme;
    }
    const button = document.getElementById('theme-toggle');
    button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
    window.dispatchEvent(new CustomEvent('casestream:theme'));
}

export function toggleTheme() {
    localStorage.setItem(THEME_KEY, effectiveTheme() === 'dark' ? 'light' : 'dark');
    applyTheme();
    announce(`${effectiveTheme() === 'dark' ? 'Dark' : 'Light'} theme`);
}

/** Follows the system's theme while the person has chosen none, and wires the header's theme button. */
export function installTheme() {
    darkQuery.addEventListener('change', applyTheme);
    document.getElementById('theme-toggle').addEventListener('click', toggleTheme);
}
