import {currentUser, login} from '../api.js';
import {announce, field, h} from '../dom.js';

function safeNext(query) {
    const next = query.get('next') || '/';
    // only paths of this app: never another origin, never the API
    return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') && !next.startsWith('/api') ? next : '/';
}

export function render(main, {query, navigate}) {
    if (currentUser()) {
        navigate(safeNext(query), {replace: true});
        return undefined;
    }
    const username = h('input', {name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false'});
    const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true});
    const message = h('div', {class: 'form-message', role: 'alert', 'aria-live': 'assertive'});
    const submit = h('button', {type: 'submit', class: 'primary'}, 'Log in');
    const form = h('form', {class: 'login-form', 'aria-labelledby': 'login-title', novalidate: true}, [
        h('h1', {id: 'login-title'}, 'Log in to Casestream'),
        query.get('next') ? h('p', {class: 'muted'}, 'Log in to continue where you were.') : null,
        field('Username', username),
        field('Password', password),
        message,
        submit,
    ]);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        message.textContent = '';
        if (!username.value.trim() || !password.value) {
            message.textContent = 'Enter your username and password.';
            (username.value.trim() ? password : username).focus();
            return;
        }
        submit.disabled = true;
        submit.textContent = 'Logging in…';
        try {
            await login(username.value.trim(), password.value);
            window.dispatchEvent(new CustomEvent('casestream:login'));
            announce('Logged in');
            navigate(safeNext(query), {replace: true});
        } catch (error) {
            if (error.status === 423) {
                const wait = error.retryAfter ? ` Try again in about ${Math.ceil(Number(error.retryAfter) / 60)} min.` : '';
                message.textContent = `This account is locked after too many failed attempts.${wait}`;
            } else if (error.status === 401) {
                message.textContent = 'Wrong username or password.';
            } else if (error.status === 429) {
                message.textContent = 'Too many attempts; wait a moment and try again.';
            } else {
                message.textContent = `Could not log in: ${error.message}`;
            }
            password.value = '';
            password.focus();
        } finally {
            submit.disabled = false;
            submit.textContent = 'Log in';
        }
    });
    main.append(h('div', {class: 'login-page'}, form));
    username.focus();
    return undefined;
}
