// The live stream (/api/stream). EventSource cannot send a bearer token, so this reads the Server-Sent Events
// from fetch's body itself: parses id/event/data lines, resumes with Last-Event-ID, reconnects with backoff and
// refreshes the token when the gateway answers 401.
//
// One stream per browser, not per tab: an open stream holds one of the few (six) HTTP/1.1 connections a browser
// keeps to an origin, so a handful of tabs would stall every other request. The tab holding the Web Lock
// 'casestream-stream' reads the stream and relays each event to the other tabs over a BroadcastChannel; when it
// closes, the lock passes to another tab, which resumes from the last event id the relay carried.

import {accessToken, refresh} from './api.js';

const listeners = new Set();
const stateListeners = new Set();
let controller = null;
let lastEventId = null;
let attempt = 0;
let running = false;
let retryTimer = null;
let connectionState = 'offline';
const relay = 'BroadcastChannel' in window && navigator.locks ? new BroadcastChannel('casestream-stream') : null;
let leading = !relay;
let releaseLock = null;
let lockRequest = null;

/** fn(change) for every `case` event: {id, type, at, summary}. Returns the unsubscribe function. */
export function onCaseChange(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
}

export function onStreamState(fn) {
    stateListeners.add(fn);
    fn(connectionState);
    return () => stateListeners.delete(fn);
}

// A page that is left (or frozen in the back/forward cache) lets go of its stream at once: an open stream
// holds one of the browser's few connections to the origin, and a handful of them would stall the next page.
window.addEventListener('pagehide', () => {
    if (running) {
        stopStream();
        resumeOnShow = true;
    }
});
window.addEventListener('pageshow', event => {
    if (event.persisted && resumeOnShow) {
        resumeOnShow = false;
        startStream();
    }
});
let resumeOnShow = false;

function setState(next) {
    connectionState = next;
    stateListeners.forEach(fn => fn(next));
    if (relay && leading && running) {
        relay.postMessage({kind: 'state', state: next});
    }
}

export function startStream() {
    if (running) {
        return;
    }
    running = true;
    if (!relay) {
        connect();
        return;
    }
    // follow the tab that streams until this one may stream itself
    setState('connecting');
    relay.postMessage({kind: 'hello'});
    lockRequest = new AbortController();
    navigator.locks.request('casestream-stream', {signal: lockRequest.signal}, () => {
        if (!running) {
            return undefined;
        }
        leading = true;
        attempt = 0;
        connect();
        return new Promise(resolve => {
            releaseLock = resolve;
        });
    }).catch(() => {
        // the request was withdrawn (stopStream before this tab's turn)
    });
}

export function stopStream() {
    running = false;
    window.clearTimeout(retryTimer);
    if (controller) {
        controller.abort();
        controller = null;
    }
    if (relay) {
        leading = false;
        if (lockRequest) {
            lockRequest.abort();
            lockRequest = null;
        }
        if (releaseLock) {
            releaseLock();
            releaseLock = null;
        }
    }
    setState('offline');
}

if (relay) {
    relay.addEventListener('message', message => {
        const data = message.data || {};
        if (!running) {
            return;
        }
        if (leading) {
            if (data.kind === 'hello') {
                relay.postMessage({kind: 'state', state: connectionState});
            }
            return;
        }
        if (data.kind === 'state') {
            setState(data.state);
        } else if (data.kind === 'event') {
            deliver(data.event);
        }
    });
}

/** An event read from the stream: delivered here and relayed to the other tabs. */
function dispatch(event) {
    if (relay && leading) {
        relay.postMessage({kind: 'event', event});
    }
    deliver(event);
}

function deliver(event) {
    if (event.id) {
        lastEventId = event.id;
    }
    if (event.type !== 'case' || !event.data) {
        return;
    }
    let change;
    try {
        change = JSON.parse(event.data);
    } catch {
        return;
    }
    listeners.forEach(fn => {
        try {
            fn(change);
        } catch (error) {
            // one page's bad handler must not stop the others
            console.warn('stream listener failed', error.name);
        }
    });
}

async function connect() {
    if (!running) {
        return;
    }
    controller = new AbortController();
    setState(attempt === 0 ? 'connecting' : 'reconnecting');
    const headers = {Accept: 'text/event-stream', Authorization: `Bearer ${accessToken()}`};
    if (lastEventId) {
        headers['Last-Event-ID'] = lastEventId;
    }
    try {
        const response = await fetch('/api/stream', {headers, signal: controller.signal, cache: 'no-store'});
        if (response.status === 401) {
            // the token expired under us: renew it and come straight back (a second 401 in a row backs off)
            await refresh();
            scheduleReconnect(attempt > 0 ? undefined : 0);
            return;
        }
        if (!response.ok || !response.body) {
            scheduleReconnect();
            return;
        }
        attempt = 0;
        setState('live');
        await read(response.body.getReader());
        scheduleReconnect(500);
    } catch (error) {
        if (error.name === 'AbortError' || !running) {
            return;
        }
        scheduleReconnect();
    }
}

async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = {type: 'message', data: '', id: null};
    let hasData = false;
    for (;;) {
        const {value, done} = await reader.read();
        if (done) {
            return;
        }
        buffer += decoder.decode(value, {stream: true});
        let newline;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = buffer.slice(0, newline);
            const skip = buffer.startsWith('\r\n', newline) ? 2 : 1;
            buffer = buffer.slice(newline + skip);
            if (line === '') {
                if (hasData || event.id) {
                    dispatch(event);
                }
                event = {type: 'message', data: '', id: null};
                hasData = false;
                continue;
            }
            if (line.startsWith(':')) {
                continue;
            }
            const colon = line.indexOf(':');
            const name = colon < 0 ? line : line.slice(0, colon);
            let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
            if (fieldValue.startsWith(' ')) {
                fieldValue = fieldValue.slice(1);
            }
            if (name === 'data') {
                event.data = hasData ? `${event.data}\n${fieldValue}` : fieldValue;
                hasData = true;
            } else if (name === 'event') {
                event.type = fieldValue;
            } else if (name === 'id') {
                event.id = fieldValue;
            }
        }
    }
}

function scheduleReconnect(delay) {
    if (!running) {
        return;
    }
    attempt += 1;
    const wait = delay ?? Math.min(15000, 1000 * 2 ** Math.min(attempt - 1, 4));
    setState('reconnecting');
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(connect, wait);
}
