// Administration: the users, their roles and whether they may log in; a new user.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {attempt, button, loadOrProblem, row, submitButton, succeed} from '../../components/form.js';
import {rowHeader, table} from '../../components/table.js';
import {clear, field, h, toast} from '../../dom.js';

const ROLES = ['agent', 'lead', 'manager', 'admin', 'ops'];

function roleChecks(prefix, chosen) {
    return h('fieldset', {}, h('legend', {}, 'Roles'), ROLES.map(role =>
        h('label', {class: 'check'}, h('input', {type: 'checkbox', name: `${prefix}-role`, value: role, checked: chosen.includes(role)}), role)));
}

function checkedRoles(roles) {
    return [...roles.querySelectorAll('input:checked')].map(box => box.value);
}

function userRow(user) {
    const id = `user-${user.username}`.replace(/[^a-zA-Z0-9_-]/g, '_');
    const displayName = h('input', {value: user.displayName || '', 'aria-label': `Display name of ${user.username}`, id: `${id}-name`});
    const roles = roleChecks(id, user.roles || []);
    const disabled = h('input', {type: 'checkbox', checked: Boolean(user.disabled), id: `${id}-disabled`});
    const password = h('input', {type: 'password', autocomplete: 'new-password', 'aria-label': `New password for ${user.username}`, id: `${id}-password`});
    const save = () => attempt(async () => {
        const body = {displayName: displayName.value.trim(), roles: checkedRoles(roles), disabled: disabled.checked};
        if (password.value) body.password = password.value;
        await api(`/api/admin/users/${encodeURIComponent(user.username)}`, {method: 'PATCH', body});
        password.value = '';
        succeed(`${user.username} saved`);
    });
    return h('tr', {},
        rowHeader(user.username),
        h('td', {}, displayName),
        h('td', {}, roles),
        h('td', {}, h('label', {class: 'check', for: `${id}-disabled`}, disabled, 'Disabled')),
        h('td', {}, password),
        h('td', {}, button(`Save ${user.username}`, save)));
}

function newUserForm(content) {
    const username = h('input', {id: 'new-username', required: true, autocomplete: 'off'});
    const displayName = h('input', {id: 'new-display-name', required: true, autocomplete: 'off'});
    const password = h('input', {id: 'new-password', type: 'password', required: true, autocomplete: 'new-password'});
    const roles = roleChecks('new', ['agent']);
    const form = h('form', {'aria-labelledby': 'new-user-title'}, h('h3', {id: 'new-user-title'}, 'New user'),
        row(field('Username', username), field('Display name', displayName), field('Password', password)),
        roles, submitButton('Create user'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        attempt(async () => {
            await api('/api/admin/users', {method: 'POST', body: {
                username: username.value.trim(), displayName: displayName.value.trim(), password: password.value,
                roles: checkedRoles(roles),
            }});
            toast(`User ${username.value.trim()} created`, 'success');
            clear(content);
            await users(content);
        });
    });
    return form;
}

export async function users(content) {
    const list = await loadOrProblem(content, () => api('/api/admin/users'));
    if (!list) return;
    const items = Array.isArray(list) ? list : (list.items || list.users || []);
    content.append(card('Users', 'users-title', table({
        caption: 'Users, their roles and whether they can log in',
        className: 'editable',
        columns: ['Username', 'Display name', 'Roles', 'Account', 'New password', 'Save'],
        body: items.map(userRow),
    })),
    card('Add a user', 'add-user-title', newUserForm(content)));
}
