// Navigation: the routes (history API; the gateway serves index.html for every page path), the menu by role,
// in-app links without reloads, and drawing the page of the current path (each page loaded when first visited).

import {currentUser, hasRole} from './api.js';
import {linkList} from './components/tabs.js';
import {append, clear, fill, h} from './dom.js';
import {clearPageShortcuts, showShortcutsFor} from './shortcuts.js';
import {startStream} from './stream.js';
import {loadQueues} from './queues.js';

const PAGES = [
    {pattern: /^\/login$/, page: () => import('./pages/login.js'), title: 'Log in', open: true},
    // a customer's survey link from their done-mail: no login
    {pattern: /^\/survey\/([A-Za-z0-9_-]{1,128})$/, page: () => import('./pages/survey.js'), title: 'Rate our help', open: true, keys: ['token']},
    {pattern: /^\/$/, page: () => import('./pages/dashboard.js'), title: 'Dashboard'},
    {pattern: /^\/my-cases$/, page: () => import('./pages/my-cases.js'), title: 'My cases', roles: ['agent', 'lead', 'admin']},
    {pattern: /^\/my-team$/, page: () => import('./pages/my-team.js'), title: 'My team', roles: ['lead', 'admin']},
    {pattern: /^\/cases$/, page: () => import('./pages/cases.js'), title: 'Cases'},
    {pattern: /^\/cases\/new$/, page: () => import('./pages/new-case.js'), title: 'New case', roles: ['agent', 'lead', 'admin']},
    {pattern: /^\/cases\/([0-9a-fA-F-]{36})$/, page: () => import('./pages/case.js'), title: 'Case', keys: ['caseId']},
    {pattern: /^\/customers$/, page: () => import('./pages/customers.js'), title: 'Customers'},
    {pattern: /^\/customers\/([^/]{1,300})$/, page: () => import('./pages/customer.js'), title: 'Customer', keys: ['customerId']},
    {pattern: /^\/macros$/, page: () => import('./pages/macros.js'), title: 'Macros', roles: ['agent', 'lead', 'admin']},
    {pattern: /^\/agents$/, page: () => import('./pages/agents.js'), title: 'Agents', roles: ['lead', 'manager', 'admin']},
    {pattern: /^\/analytics$/, page: () => import('./pages/analytics.js'), title: 'Analytics', roles: ['lead', 'manager', 'admin']},
    {pattern: /^\/admin(?:\/([a-z-]+))?$/, page: () => import('./pages/admin.js'), title: 'Administration', roles: ['admin'], keys: ['section']},
    {pattern: /^\/ops$/, page: () => import('./pages/ops.js'), title: 'Operations', roles: ['ops', 'admin']},
];

const NAV = [
    {href: '/', text: 'Dashboard', key: 'd'},
    {href: '/my-cases', text: 'My cases', key: 'm', roles: ['agent', 'lead', 'admin']},
    {href: '/my-team', text: 'My team', key: 't', roles: ['lead', 'admin']},
    {href: '/cases', text: 'Cases', key: 'c'},
    {href: '/customers', text: 'Customers', key: 'u'},
    {href: '/macros', text: 'Macros', key: 'r', roles: ['agent', 'lead', 'admin']},
    {href: '/agents', text: 'Agents', key: 'a', roles: ['lead', 'manager', 'admin']},
    {href: '/analytics', text: 'Analytics', key: 'n', roles: ['lead', 'manager', 'admin']},
    {href: '/admin', text: 'Admin', key: 's', roles: ['admin']},
    {href: '/ops', text: 'Ops', key: 'o', roles: ['ops', 'admin']},
];

const main = document.getElementById('main');
let cleanup = null;
let renderToken = 0;

export function navigate(path, {replace = false} = {}) {
    if (replace) {
        history.replaceState(null, '', path);
    } else if (path !== location.pathname + location.search) {
        history.pushState(null, '', path);
    }
    route();
}

function allowed(roles) {
    return !roles || hasRole(...roles);
}

/** Where "g then key" goes for this person: the menu entry's path, or null. */
export function shortcutTarget(key) {
    const item = NAV.find(candidate => candidate.key === key && allowed(candidate.roles));
    return item ? item.href : null;
}

/** The menu (and the shortcut help) for the person's roles, and who is logged in. */
export function renderNav() {
    const nav = document.getElementById('app-nav');
    fill(nav, linkList(NAV.filter(item => allowed(item.roles)).map(item => ({
        href: item.href,
        text: item.text,
        nav: true,
        current: item.href === '/' ? location.pathname === '/' : location.pathname.startsWith(item.href),
    }))));
    showShortcutsFor(allowed);
    const user = currentUser();
    document.getElementById('user-name').textContent = user ? `${user.displayName || user.username} (${(user.roles || []).join(', ')})` : '';
}

/** A page of the shell's own (not found, not allowed): heading, what to say, the way back. */
function notice(heading, title, ...paragraphs) {
    fill(main, h('h1', {tabindex: '-1'}, heading), paragraphs, h('p', {}, h('a', {href: '/', 'data-nav': true}, 'Go to the dashboard')));
    document.title = `${title} · Casestream`;
}

/** Draws the page of the current path (called on start, on navigate and on back/forward). */
export async function route() {
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
    clearPageShortcuts();
    const header = document.getElementById('app-header');
    if (!entry) {
        header.hidden = !currentUser();
        notice('Page not found', 'Not found');
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
        notice('Not allowed', 'Not allowed', h('p', {}, 'Your roles do not include this page. '));
        return;
    }
    const [module] = await Promise.all([entry.page(), entry.open ? null : loadQueues()]);
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

/** In-app links navigate without a reload; back and forward draw the page they come to. */
export function installRouter() {
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
}
