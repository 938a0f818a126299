// The shell: session, routing (history API; the gateway serves index.html for every page path), navigation by
// role, theme, keyboard shortcuts, the live-stream indicator.

import {currentUser, hasRole, logout, onSessionExpired, resume} from './api.js';
import {announce, append, clear, h, toast, fill} from './dom.js';
import {onStreamState, startStream, stopStream} from './stream.js';

const PAGES = [
    {pattern: /^\/login$/, page: () => import('./pages/login.js'), title: 'Log in', open: true},
    {pattern: /^\/$/, page: () => import('./pages/dashboard.js'), title: 'Dashboard'},
    {pattern: /^\/cases$/, page: () => import('./pages/cases.js'), title: 'Cases'},
    {pattern: /^\/cases\/([0-9a-fA-F-]{36})$/, page: () => import('./pages/case.js'), title: 'Case', keys: ['caseId']},
    {pattern: /^\/agents$/, page: () => import('./pages/agents.js'), title: 'Agents', roles: ['lead', 'manager', 'admin']},
    {pattern: /^\/admin(?:\/([a-z-]+))?$/, page: () => import('./pages/admin.js'), title: 'Administration', roles: ['admin'], keys: ['section']},
    {pattern: /^\/ops$/, page: () => import('./pages/ops.js'), title: 'Operations', roles: ['ops', 'admin']},
];

const NAV = [
    {href: '/', text: 'Dashboard', key: 'd'},
    {href: '/cases', text: 'Cases', key: 'c'},
    {href: '/agents', text: 'Agents', key: 'a', roles: ['lead', 'manager', 'admin']},
    {href: '/admin', text: 'Admin', key: 's', roles: ['admin']},
    {href: '/ops', text: 'Ops', key: 'o', roles: ['ops', 'admin']},
];

const main = document.getElementById('main');
let cleanup = null;
let renderToken = 0;
const pageShortcuts = new Map();

export function navigate(path, {replace = false} = {}) {
    if (replace) {
        history.replaceState(null, '', path);
    } else if (path !== location.pathname + location.search) {
        history.pushState(null, '', path);
    }
    route();
}

/** Keyboard shortcuts of the current page: {key: handler}; removed when the page goes. */
export function registerShortcuts(map) {
    for (const [key, handler] of Object.entries(map)) {
        pageShortcuts.set(key, handler);
    }
    return () => Object.keys(map).forEach(key => pageShortcuts.delete(key));
}

function allowed(roles) {
    return !roles || hasRole(...roles);
}

function renderNav() {
    const nav = document.getElementById('app-nav');
    const list = h('ul', {}, NAV.filter(item => allowed(item.roles)).map(item => {
        const current = item.href === '/' ? location.pathname === '/' : location.pathname.startsWith(item.href);
        return h('li', {}, h('a', {href: item.href, 'data-nav': true, 'aria-current': current ? 'page' : null}, item.text));
    }));
    fill(nav, list);
    document.querySelectorAll('#help tr[data-roles]').forEach(row => {
        row.hidden = !allowed(row.dataset.roles.split(' '));
    });
    const user = currentUser();
    document.getElementById('user-name').textContent = user ? `${user.displayName || user.username} (${(user.roles || []).join(', ')})` : '';
}

async function route() {
    const token = ++renderToken;
    const path = location.pathname;
    const entry = PAGES.find(candidate => candidate.pattern.test(path));
    if (cleanup) {
        try {
            cleanup();
        } catch {
            // a page that fails to clean up must not block the next
        }
        cleanup = null;
    }
    pageShortcuts.clear();
    const header = document.getElementById('app-header');
    if (!entry) {
        header.hidden = !currentUser();
        fill(main, h('h1', {tabindex: '-1'}, 'Page not found'), h('p', {}, h('a', {href: '/', 'data-nav': true}, 'Go to the dashboard')));
        document.title = 'Not found · Casestream';
        return;
    }
    if (!entry.open && !currentUser()) {
        navigate(`/login?next=${encodeURIComponent(path + location.search)}`, {replace: true});
        return;
    }
    header.hidden = Boolean(entry.open);
    document.body.classList.toggle('logged-out', Boolean(entry.open));
    if (!entry.open) {
        renderNav();
        startStream();
    }
    if (!allowed(entry.roles)) {
        fill(main, h('h1', {tabindex: '-1'}, 'Not allowed'),
            h('p', {}, 'Your roles do not include this page. '), h('p', {}, h('a', {href: '/', 'data-nav': true}, 'Go to the dashboard')));
        document.title = 'Not allowed · Casestream';
        return;
    }
    const module = await entry.page();
    if (token !== renderToken) {
        return;
    }
    const params = {};
    const match = path.match(entry.pattern);
    (entry.keys || []).forEach((key, index) => {
        params[key] = match[index + 1];
    });
    clear(main);
    delete main.dataset.ready;
    document.title = `${entry.title} · Casestream`;
    try {
        cleanup = await module.render(main, {params, query: new URLSearchParams(location.search), navigate});
    } catch (error) {
        append(main, [h('div', {class: 'problem', role: 'alert'}, `This page could not load: ${error.message}`)]);
    }
    if (token !== renderToken) {
        return;
    }
    // the page has its data (tests and automation wait for this rather than for a time)
    main.dataset.ready = path;
    const heading = main.querySelector('h1');
    if (heading && !main.contains(document.activeElement)) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({preventScroll: false});
    }
}

// ---- links: in-app navigation without reloads ----
document.addEventListener('click', event => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
        || link.target || link.hasAttribute('download')) {
        return;
    }
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || /^\/(api|webjars|v3|swagger|actuator)/.test(url.pathname)) {
        return;
    }
    if (url.hash && url.pathname === location.pathname && url.search === location.search) {
        return;
    }
    event.preventDefault();
    document.getElementById('app-nav').classList.remove('open');
    document.getElementById('nav-toggle').setAttribute('aria-expanded', 'false');
    navigate(url.pathname + url.search);
});
window.addEventListener('popstate', route);

// ---- theme ----
const THEME_KEY = 'casestream.theme';
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

export function effectiveTheme() {
    return document.documentElement.dataset.theme || (darkQuery.matches ? 'dark' : 'light');
}

function applyTheme() {
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

function toggleTheme() {
    localStorage.setItem(THEME_KEY, effectiveTheme() === 'dark' ? 'light' : 'dark');
    applyTheme();
    announce(`${effectiveTheme() === 'dark' ? 'Dark' : 'Light'} theme`);
}

darkQuery.addEventListener('change', applyTheme);
document.getElementById('theme-toggle').addEventListener('click', toggleTheme);

// ---- shortcuts ----
const help = document.getElementById('help');
document.getElementById('help-button').addEventListener('click', () => help.showModal());
let goPending = false;
let goTimer = null;

document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey || help.open) {
        return;
    }
    const target = event.target;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) {
        // Escape leaves a text field, so the single-key shortcuts work again
        if (event.key === 'Escape' && target.closest('input, textarea')) {
            target.blur();
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
        const item = NAV.find(candidate => candidate.key === key && allowed(candidate.roles));
        if (item) {
            event.preventDefault();
            navigate(item.href);
        }
        return;
    }
    if (key === '?') {
        event.preventDefault();
        help.showModal();
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

// ---- header ----
document.getElementById('nav-toggle').addEventListener('click', event => {
    const nav = document.getElementById('app-nav');
    const open = nav.classList.toggle('open');
    event.currentTarget.setAttribute('aria-expanded', String(open));
});

document.getElementById('logout').addEventListener('click', async () => {
    stopStream();
    await logout();
    navigate('/login', {replace: true});
    announce('Logged out');
});

onStreamState(state => {
    const indicator = document.getElementById('live-state');
    const text = {live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline'}[state] || state;
    indicator.textContent = text;
    indicator.dataset.state = state;
});

onSessionExpired(() => {
    stopStream();
    const here = location.pathname + location.search;
    toast('Your session has ended. Please log in again.', 'error');
    navigate(here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`, {replace: true});
});

window.addEventListener('casestream:login', () => {
    renderNav();
});

applyTheme();
resume().finally(route);
