// The header around every page: the menu button on small screens, logging out, the live-stream indicator, an
// agent's availability, and what happens when the session ends or starts.

import {logout, onSessionExpired} from './api.js';
import {installAvailability, refreshAvailability} from './availability.js';
import {announce, toast} from './dom.js';
import {navigate, renderNav} from './router.js';
import {onStreamState, stopStream} from './stream.js';

const STREAM_STATES = {live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline'};

export function installShell() {
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
        indicator.textContent = STREAM_STATES[state] || state;
        indicator.dataset.state = state;
    });

    onSessionExpired(() => {
        stopStream();
        const here = location.pathname + location.search;
        toast('Your session has ended. Please log in again.', 'error');
        navigate(here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`, {replace: true});
    });

    installAvailability();
    window.addEventListener('casestream:login', () => {
        renderNav();
        refreshAvailability();
    });
}

/** The session came back on start (a reload, a new tab): the header's per-person parts are drawn again. */
export function sessionResumed() {
    refreshAvailability();
}
