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
    const code = h('input', {name: 'totp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6'});
    const codeField = field('Code from your authenticator app', code);
    codeField.hidden = true;
    const enrolment = h('div', {class: 'enrolment', hidden: true});
    const message = h('div', {class: 'form-message', role: 'alert', 'aria-live': 'assertive'});
    const submit = h('button', {type: 'submit', class: 'primary'}, 'Log in');
    const form = h('form', {class: 'login-form', 'aria-labelledby': 'login-title', novalidate: true}, [
        h('h1', {id: 'login-title'}, 'Log in to Casestream'),
        query.get('next') ? h('p', {class: 'muted'}, 'Log in to continue where you were.') : null,
        field('Username', username),
        field('Password', password),
        enrolment,
        codeField,
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
            await login(username.value.trim(), password.value, codeField.hidden ? undefined : code.value.trim());
            window.dispatchEvent(new CustomEvent('casestream:login'));
            announce('Logged in');
            navigate(safeNext(query), {replace: true});
        } catch (error) {
            if (error.status === 423) {
                const wait = error.retryAfter ? ` Try again in about ${Math.ceil(Number(error.retryAfter) / 60)} min.` : '';
                message.textContent = `This account is locked after too many failed attempts.${wait}`;
            } else if (error.status === 401 && error.type.endsWith('/second-factor-enrolment-required')) {
                enrolment.replaceChildren(
                    h('p', {}, 'Your account needs a second factor. Add this key to an authenticator app, then enter the code it shows.'),
                    h('p', {}, h('code', {class: 'totp-secret'}, error.enrolment.secret)),
                    h('p', {class: 'muted'}, h('a', {href: error.enrolment.otpauthUri}, 'Open in an authenticator app')));
                enrolment.hidden = false;
                codeField.hidden = false;
                message.textContent = 'Enter the 6-digit code to finish setting up your second factor.';
                code.value = '';
                code.focus();
                return;
            } else if (error.status === 401 && error.type.endsWith('/second-factor-required')) {
                codeField.hidden = false;
                message.textContent = codeField.dataset.asked ? 'That code did not work; enter the current one.'
                    : 'Enter the 6-digit code from your authenticator app.';
                codeField.dataset.asked = 'yes';
                code.value = '';
                code.focus();
                return;
            } else if (error.status === 401) {
                message.textContent = codeField.hidden ? 'Wrong username or password.' : 'Wrong password or code.';
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
