// Administration: the users, their roles, the agent each works as, and whether they may log in; a new user.

import {api} from '../../api.js';
import {card} from '../../components/card.js';
import {attempt, button, loadOrProblem, row, submitButton, succeed} from '../../components/form.js';
import {rowHeader, table} from '../../components/table.js';
import {agents as loadAgents} from '../../directory.js';
import {clear, field, h, select, toast} from '../../dom.js';

const ROLES = ['agent', 'lead', 'manager', 'admin', 'ops'];
const NEW_AGENT = 'new';

function roleChecks(prefix, chosen) {
    return h('fieldset', {}, h('legend', {}, 'Roles'), ROLES.map(role =>
        h('label', {class: 'check'}, h('input', {type: 'checkbox', name: `${prefix}-role`, value: role, checked: chosen.includes(role)}), role)));
}

function checkedRoles(roles) {
    return [...roles.querySelectorAll('input:checked')].map(box => box.value);
}

/** Which agent record the login works as: none, or one of the registered agents. */
function agentSelect(agentList, chosen, attributes) {
    return select([['', 'None'], ...agentList.map(agent => [agent.agentId, agent.name])], chosen || '', attributes);
}

function userRow(user, agentList) {
    const id = `user-${user.username}`.replace(/[^a-zA-Z0-9_-]/g, '_');
    const agent = agentSelect(agentList, user.agentId, {id: `${id}-agent`, 'aria-label': `Agent ${user.username} works as`});
    const displayName = h('input', {value: user.displayName || '', 'aria-label': `Display name of ${user.username}`, id: `${id}-name`});
    const roles = roleChecks(id, user.roles || []);
    const disabled = h('input', {type: 'checkbox', checked: Boolean(user.disabled), id: `${id}-disabled`});
    const password = h('input', {type: 'password', autocomplete: 'new-password', 'aria-label': `New password for ${user.username}`, id: `${id}-password`});
    const save = () => attempt(async () => {
        const body = {displayName: displayName.value.trim(), roles: checkedRoles(roles), disabled: disabled.checked};
        if (password.value) body.password = password.value;
        if (agent.value && agent.value !== (user.agentId || '')) body.agentId = agent.value;
        await api(`/api/admin/users/${encodeURIComponent(user.username)}`, {method: 'PATCH', body});
        password.value = '';
        succeed(`${user.username} saved`);
    });
    return h('tr', {},
        rowHeader(user.username),
        h('td', {}, displayName),
        h('td', {}, roles),
        h('td', {}, agent),
        h('td', {}, h('label', {class: 'check', for: `${id}-disabled`}, disabled, 'Disabled')),
        h('td', {}, password),
        h('td', {}, button(`Save ${user.username}`, save)));
}

function newUserForm(content, agentList) {
    const username = h('input', {id: 'new-username', required: true, autocomplete: 'off'});
    const displayName = h('input', {id: 'new-display-name', required: true, autocomplete: 'off'});
    const password = h('input', {id: 'new-password', type: 'password', required: true, autocomplete: 'new-password'});
    const roles = roleChecks('new', ['agent']);
    const agent = agentSelect([{agentId: NEW_AGENT, name: 'A new agent, registered now'}, ...agentList], NEW_AGENT,
        {id: 'new-user-agent'});
    const email = h('input', {id: 'new-user-email', type: 'email', autocomplete: 'off', maxlength: 320});
    const emailField = field('Agent email', email, 'For a new agent (people with the agent or lead role)');
    agent.addEventListener('change', () => {
        emailField.hidden = agent.value !== NEW_AGENT;
    });
    const form = h('form', {'aria-labelledby': 'new-user-title'}, h('h3', {id: 'new-user-title'}, 'New user'),
        row(field('Username', username), field('Display name', displayName), field('Password', password)),
        row(field('Works as agent', agent), emailField),
        roles, submitButton('Create user'));
    form.addEventListener('submit', event => {
        event.preventDefault();
        attempt(async () => {
            const chosenRoles = checkedRoles(roles);
            let agentId = agent.value;
            if (agentId === NEW_AGENT && !chosenRoles.some(role => role === 'agent' || role === 'lead')) {
                agentId = '';
            } else if (agentId === NEW_AGENT) {
                // registered first: a user refused afterwards leaves an agent an admin can link to the next one
                const registered = await api('/api/agents', {method: 'POST', body: {
                    name: displayName.value.trim(), email: email.value.trim(), skills: [], capacity: 10}});
                agentId = registered.agentId;
            }
            await api('/api/admin/users', {method: 'POST', body: {
                username: username.value.trim(), displayName: displayName.value.trim(), password: password.value,
                roles: chosenRoles, ...(agentId ? {agentId} : {}),
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
    const agentList = await loadAgents({fresh: true});
    const items = Array.isArray(list) ? list : (list.items || list.users || []);
    content.append(card('Users', 'users-title', table({
        caption: 'Users, their roles and whether they can log in',
        className: 'editable',
        columns: ['Username', 'Display name', 'Roles', 'Works as agent', 'Account', 'New password', 'Save'],
        body: items.map(user => userRow(user, agentList)),
    })),
    card('Add a user', 'add-user-title', newUserForm(content, agentList)));
}
