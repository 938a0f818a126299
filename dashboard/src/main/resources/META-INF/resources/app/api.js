// The one way the dashboard talks to the gateway: bearer token in memory (mirrored in sessionStorage so a reload
// keeps the session), refresh through the HttpOnly cookie before expiry and on a 401, problem+json as ApiError.

const TOKEN_KEY = 'casestream.accessToken';
const EXPIRY_KEY = 'casestream.expiresAt';
const USER_KEY = 'casestream.user';
// set while a refresh cookie may exist (a login in some tab), so a fresh tab can resume the session without
// asking the gateway — and logging a failed request — when nobody ever logged in
const SESSION_HINT_KEY = 'casestream.session';

const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    expiresAt: Number(sessionStorage.getItem(EXPIRY_KEY) || 0),
    user: JSON.parse(sessionStorage.getItem(USER_KEY) || 'null'),
    refreshing: null,
    refreshTimer: null,
    expiredHandlers: new Set(),
};

export class ApiError extends Error {
    constructor(status, problem) {
        super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
        this.status = status;
        this.title = problem && problem.title;
        this.detail = problem && problem.detail;
        this.errors = (problem && problem.errors) || [];
        this.retryAfter = problem && problem.retryAfter;
        this.type = (problem && problem.type) || '';
        this.enrolment = problem && problem.enrolment;
    }
}

export function currentUser() {
    return state.user;
}

export function accessToken() {
    return state.token;
}

export function hasRole(...roles) {
    const mine = (state.user && state.user.roles) || [];
    return roles.some(role => mine.includes(role));
}

/** Called when the session cannot be renewed: the app goes back to the login page. */
export function onSessionExpired(handler) {
    state.expiredHandlers.add(handler);
}

function keep(session) {
    state.token = session.accessToken;
    state.expiresAt = Date.now() + (Number(session.expiresIn) || 900) * 1000;
    state.user = session.user || state.user;
    sessionStorage.setItem(TOKEN_KEY, state.token);
    sessionStorage.setItem(EXPIRY_KEY, String(state.expiresAt));
    sessionStorage.setItem(USER_KEY, JSON.stringify(state.user));
    localStorage.setItem(SESSION_HINT_KEY, '1');
    scheduleRefresh();
}

function forget() {
    state.token = null;
    state.expiresAt = 0;
    state.user = null;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(EXPIRY_KEY);
    sessionStorage.removeItem(USER_KEY);
    localStorage.removeItem(SESSION_HINT_KEY);
    window.clearTimeout(state.refreshTimer);
}

function scheduleRefresh() {
    window.clearTimeout(state.refreshTimer);
    // a minute before expiry (at least 5 s from now), so a live stream never meets an expired token
    const wait = Math.max(5000, state.expiresAt - Date.now() - 60000);
    state.refreshTimer = window.setTimeout(() => {
        refresh().catch(() => expire());
    }, wait);
}

async function readProblem(response) {
    const type = response.headers.get('Content-Type') || '';
    let problem = null;
    if (type.includes('json')) {
        try {
            problem = await response.json();
        } catch {
            problem = null;
        }
    }
    if (!problem) {
        problem = {title: response.statusText || `HTTP ${response.status}`};
    }
    const retryAfter = response.headers.get('Retry-After');
    if (retryAfter) {
        problem.retryAfter = retryAfter;
    }
    return problem;
}

/** Logs in; {@code totp} is the second factor's code for accounts that have one (or are enrolling one). */
export async function login(username, password, totp) {
    const response = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify(totp ? {username, password, totp} : {username, password}),
    });
    if (!response.ok) {
        throw new ApiError(response.status, await readProblem(response));
    }
    const session = await response.json();
    keep(session);
    return session.user;
}

async function refreshOnce() {
    const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {Accept: 'application/json'},
    });
    if (!response.ok) {
        throw new ApiError(response.status, await readProblem(response));
    }
    keep(await response.json());
    return state.user;
}

/**
 * One refresh at a time; every caller waiting on a 401 shares it. Tabs share the refresh cookie, and the gateway
 * rotates it on every use and ends the session when a used one comes back, so tabs take turns (a Web Lock): each
 * sends the cookie the previous one got.
 */
export function refresh() {
    if (!state.refreshing) {
        const turn = navigator.locks ? navigator.locks.request('casestream-refresh', refreshOnce) : refreshOnce();
        state.refreshing = turn.finally(() => {
            state.refreshing = null;
        });
    }
    return state.refreshing;
}

function expire() {
    forget();
    state.expiredHandlers.forEach(handler => handler());
}

export async function logout() {
    const token = state.token;
    forget();
    if (token) {
        try {
            await fetch('/api/auth/logout', {
                method: 'POST',
                credentials: 'same-origin',
                headers: {Authorization: `Bearer ${token}`},
            });
        } catch {
            // the session is gone on this side either way
        }
    }
}

/** Restores a session on start: the stored token (checked with /me), else the refresh cookie. */
export async function resume() {
    if (state.token && state.expiresAt > Date.now() + 5000) {
        try {
            state.user = await api('/api/auth/me', {noExpire: true});
            sessionStorage.setItem(USER_KEY, JSON.stringify(state.user));
            scheduleRefresh();
            return state.user;
        } catch {
            // fall through to the cookie
        }
    }
    if (!localStorage.getItem(SESSION_HINT_KEY)) {
        forget();
        return null;
    }
    try {
        return await refresh();
    } catch {
        forget();
        return null;
    }
}

/**
 * fetch through the gateway. Options: method, body (JSON unless FormData/string), headers, raw (return the
 * Response), signal, anonymous (send no credentials even when someone is logged in: a customer's survey). A 401
 * refreshes once and retries; a failed refresh ends the session.
 */
export async function api(path, options = {}) {
    const {method = 'GET', body, headers = {}, raw = false, signal, noExpire = false, anonymous = false} = options;
    const send = () => {
        const allHeaders = {Accept: 'application/json', ...headers};
        if (state.token && !anonymous) {
            allHeaders.Authorization = `Bearer ${state.token}`;
        }
        let payload = body;
        if (body !== undefined && typeof body !== 'string' && !(body instanceof FormData)) {
            allHeaders['Content-Type'] = 'application/json';
            payload = JSON.stringify(body);
        }
        return fetch(path, {method, headers: allHeaders, body: payload, signal, credentials: 'same-origin'});
    };
    let response = await send();
    if (response.status === 401 && !anonymous) {
        try {
            await refresh();
        } catch (error) {
            if (!noExpire) {
                expire();
            }
            throw new ApiError(401, {title: 'Your session has ended; please log in again'});
        }
        response = await send();
    }
    if (!response.ok) {
        throw new ApiError(response.status, await readProblem(response));
    }
    if (raw) {
        return response;
    }
    if (response.status === 204) {
        return null;
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
}

/** Query string from an object; arrays repeat nothing but join with commas (the list API takes both). */
export function queryString(parameters) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(parameters)) {
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
            continue;
        }
        search.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const text = search.toString();
    return text ? `?${text}` : '';
}
