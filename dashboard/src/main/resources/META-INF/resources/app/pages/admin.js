// Administration: users and roles, API keys, routing rules, SLA policies and calendars, webhooks with their
// delivery log and redeliver. One tab per section, each its own URL (/admin/<section>).

import {api} from '../api.js';
import {announce, clear, field, formatTime, h, label, LABELS, problemBox, problemText, select, timeTag, toast} from '../dom.js';

const SECTIONS = [
    ['users', 'Users and roles'],
    ['api-keys', 'API keys'],
    ['routing', 'Routing rules'],
    ['sla', 'SLA policies and calendars'],
    ['webhooks', 'Webhooks'],
];
const ROLES = ['agent', 'lead', 'manager', 'admin', 'ops'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export async function render(main, {params}) {
    const section = SECTIONS.some(([key]) => key === params.section) ? params.section : 'users';
    const title = SECTIONS.find(([key]) => key === section)[1];
    const content = h('div', {class: 'stack'});
    main.append(h('div', {class: 'page-head'}, h('h1', {}, `Administration: ${title}`)),
        h('nav', {class: 'tabs', 'aria-label': 'Administration sections'}, h('ul', {}, SECTIONS.map(([key, text]) =>
            h('li', {}, h('a', {href: `/admin/${key}`, 'aria-current': key === section ? 'page' : null}, text))))),
        content);
    const renderers = {users, 'api-keys': apiKeys, routing, sla, webhooks};
    await renderers[section](content);
    return undefined;
}

function card(titleText, id, ...children) {
    return h('section', {class: 'card', 'aria-labelledby': id}, h('h2', {id}, titleText), children);
}

async function guarded(container, loader) {
    try {
        return await loader();
    } catch (error) {
        container.append(problemBox(error));
        return null;
    }
}

// ---------------------------------------------------------------- users
async function users(content) {
    const list = await guarded(content, () => api('/api/admin/users'));
    if (!list) return;
    const items = Array.isArray(list) ? list : (list.items || list.users || []);
    const roleChecks = (prefix, chosen) => h('fieldset', {}, h('legend', {}, 'Roles'), ROLES.map(role =>
        h('label', {class: 'check'}, h('input', {type: 'checkbox', name: `${prefix}-role`, value: role, checked: chosen.includes(role)}), role)));

    const rows = items.map(user => {
        const id = `user-${user.username}`.replace(/[^a-zA-Z0-9_-]/g, '_');
        const displayName = h('input', {value: user.displayName || '', 'aria-label': `Display name of ${user.username}`, id: `${id}-name`});
        const roles = roleChecks(id, user.roles || []);
        const disabled = h('input', {type: 'checkbox', checked: Boolean(user.disabled), id: `${id}-disabled`});
        const password = h('input', {type: 'password', autocomplete: 'new-password', 'aria-label': `New password for ${user.username}`, id: `${id}-password`});
        const save = async () => {
            const body = {
                displayName: displayName.value.trim(),
                roles: [...roles.querySelectorAll('input:checked')].map(box => box.value),
                disabled: disabled.checked,
            };
            if (password.value) body.password = password.value;
            try {
                await api(`/api/admin/users/${encodeURIComponent(user.username)}`, {method: 'PATCH', body});
                password.value = '';
                toast(`${user.username} saved`, 'success');
                announce(`${user.username} saved`);
            } catch (error) {
                toast(problemText(error), 'error');
            }
        };
        return h('tr', {},
            h('th', {scope: 'row'}, user.username),
            h('td', {}, displayName),
            h('td', {}, roles),
            h('td', {}, h('label', {class: 'check', for: `${id}-disabled`}, disabled, 'Disabled')),
            h('td', {}, password),
            h('td', {}, h('button', {type: 'button', onclick: save}, `Save ${user.username}`)));
    });

    const username = h('input', {id: 'new-username', required: true, autocomplete: 'off'});
    const displayName = h('input', {id: 'new-display-name', required: true, autocomplete: 'off'});
    const password = h('input', {id: 'new-password', type: 'password', required: true, autocomplete: 'new-password'});
    const roles = roleChecks('new', ['agent']);
    const createForm = h('form', {'aria-labelledby': 'new-user-title'}, h('h3', {id: 'new-user-title'}, 'New user'),
        h('div', {class: 'row'}, field('Username', username), field('Display name', displayName), field('Password', password)),
        roles, h('button', {type: 'submit', class: 'primary'}, 'Create user'));
    createForm.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            await api('/api/admin/users', {method: 'POST', body: {
                username: username.value.trim(), displayName: displayName.value.trim(), password: password.value,
                roles: [...roles.querySelectorAll('input:checked')].map(box => box.value),
            }});
            toast(`User ${username.value.trim()} created`, 'success');
            clear(content);
            await users(content);
        } catch (error) {
            toast(problemText(error), 'error');
        }
    });
    content.append(card('Users', 'users-title',
        h('div', {class: 'table-wrap'}, h('table', {class: 'editable'},
            h('caption', {class: 'visually-hidden'}, 'Users, their roles and whether they can log in'),
            h('thead', {}, h('tr', {}, ['Username', 'Display name', 'Roles', 'Account', 'New password', 'Save'].map(text => h('th', {scope: 'col'}, text)))),
            h('tbody', {}, rows)))),
    card('Add a user', 'add-user-title', createForm));
}

// ---------------------------------------------------------------- api keys
async function apiKeys(content) {
    const list = await guarded(content, () => api('/api/admin/api-keys'));
    if (!list) return;
    const items = Array.isArray(list) ? list : (list.items || []);
    const shown = h('div', {});
    const name = h('input', {id: 'key-name', required: true, autocomplete: 'off'});
    const channel = select(Object.keys(LABELS.channel).map(c => [c, label('channel', c)]), 'web', {id: 'key-channel'});
    const form = h('form', {class: 'row', 'aria-label': 'New API key'}, field('Name', name), field('Channel', channel),
        h('button', {type: 'submit', class: 'primary'}, 'Create key'));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            const created = await api('/api/admin/api-keys', {method: 'POST', body: {name: name.value.trim(), channel: channel.value}});
            clear(content);
            await apiKeys(content);
            content.prepend(h('div', {class: 'notice', role: 'status'},
                h('p', {}, h('strong', {}, `Key “${created.name}” created. Copy it now: it is shown only once.`)),
                h('p', {class: 'secret', id: 'new-api-key'}, created.key)));
        } catch (error) {
            toast(problemText(error), 'error');
        }
    });
    content.append(shown, card('API keys', 'keys-title', h('div', {class: 'table-wrap'}, h('table', {},
        h('caption', {class: 'visually-hidden'}, 'API keys for channels'),
        h('thead', {}, h('tr', {}, ['Name', 'Channel', 'Created', 'State'].map(text => h('th', {scope: 'col'}, text)), h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Revoke')))),
        h('tbody', {}, items.map(key => h('tr', {},
            h('th', {scope: 'row'}, key.name), h('td', {}, label('channel', key.channel)), h('td', {}, timeTag(key.createdAt)),
            h('td', {}, key.revokedAt || key.revoked ? `Revoked ${key.revokedAt ? formatTime(key.revokedAt) : ''}` : 'Active'),
            h('td', {}, key.revokedAt || key.revoked ? null : h('button', {type: 'button', class: 'danger', onclick: async () => {
                try {
                    await api(`/api/admin/api-keys/${encodeURIComponent(key.id)}`, {method: 'DELETE'});
                    toast(`Key ${key.name} revoked`, 'success');
                    clear(content);
                    await apiKeys(content);
                } catch (error) {
                    toast(problemText(error), 'error');
                }
            }}, `Revoke ${key.name}`)))))))),
    card('New API key', 'new-key-title', form));
}

// ---------------------------------------------------------------- routing rules
function ruleTable(caption, rules, columns, emptyRule, save) {
    const tbody = h('tbody', {});
    const addRow = rule => {
        const cells = columns.map(column => column.control(rule));
        const tr = h('tr', {}, cells.map(cell => h('td', {}, cell)),
            h('td', {}, h('button', {type: 'button', class: 'danger', 'aria-label': 'Remove this rule', onclick: () => tr.remove()}, 'Remove')));
        tr.read = () => Object.fromEntries(columns.map((column, index) => [column.key, column.read(cells[index])]));
        tbody.append(tr);
    };
    rules.forEach(addRow);
    const saveButton = h('button', {type: 'button', class: 'primary', onclick: async () => {
        const rows = [...tbody.children].map((tr, index) => ({...tr.read(), position: index}));
        await save(rows);
    }}, `Save ${caption.toLowerCase()}`);
    return h('div', {},
        h('div', {class: 'table-wrap'}, h('table', {class: 'editable'}, h('caption', {}, caption),
            h('thead', {}, h('tr', {}, columns.map(column => h('th', {scope: 'col'}, column.title)), h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Remove')))),
            tbody)),
        h('div', {class: 'actions'}, h('button', {type: 'button', onclick: () => addRow(emptyRule)}, 'Add rule'), saveButton));
}

async function routing(content) {
    const [classification, priority] = await Promise.all([
        guarded(content, () => api('/api/routing/config/classification-rules')),
        guarded(content, () => api('/api/routing/config/priority-rules')),
    ]);
    if (!classification || !priority) return;
    const queues = Object.keys(LABELS.queue).filter(q => q !== 'Unclassified');
    const sorted = list => [...list].sort((a, b) => a.position - b.position);
    const classificationTable = ruleTable('Classification rules', sorted(classification.rules || []), [
        {key: 'queue', title: 'Queue', control: rule => select(queues, rule.queue, {'aria-label': 'Queue'}), read: c => c.value},
        {key: 'kind', title: 'Match', control: rule => select(['keyword', 'phrase', 'regex'], rule.kind, {'aria-label': 'Match kind'}), read: c => c.value},
        {key: 'pattern', title: 'Pattern', control: rule => h('input', {value: rule.pattern || '', 'aria-label': 'Pattern'}), read: c => c.value},
    ], {queue: 'Orders', kind: 'keyword', pattern: ''}, async rules => {
        try {
            await api('/api/routing/config/classification-rules', {method: 'PUT', body: {rules}});
            toast('Classification rules saved', 'success');
        } catch (error) {
            toast(problemText(error), 'error');
        }
    });
    const priorityTable = ruleTable('Priority rules', sorted(priority.rules || []), [
        {key: 'kind', title: 'Looks at', control: rule => select(['keyword', 'phrase', 'regex', 'tier', 'channel'], rule.kind, {'aria-label': 'Looks at'}), read: c => c.value},
        {key: 'pattern', title: 'Pattern or value', control: rule => h('input', {value: rule.pattern || '', 'aria-label': 'Pattern or value'}), read: c => c.value},
        {key: 'priority', title: 'Raise to', control: rule => select(Object.keys(LABELS.priority), rule.priority, {'aria-label': 'Raise to priority'}), read: c => c.value},
    ], {kind: 'keyword', pattern: '', priority: 'high'}, async rules => {
        try {
            await api('/api/routing/config/priority-rules', {method: 'PUT', body: {rules}});
            toast('Priority rules saved', 'success');
        } catch (error) {
            toast(problemText(error), 'error');
        }
    });
    content.append(card('Classification: which queue', 'class-title', h('p', {class: 'muted'}, 'Tried in order; the first match sets the queue.'), classificationTable),
        card('Priority', 'prio-title', h('p', {class: 'muted'}, 'Each matching rule may only raise the priority.'), priorityTable));
}

// ---------------------------------------------------------------- SLA policies and calendars
async function sla(content) {
    const [policies, calendars] = await Promise.all([
        guarded(content, () => api('/api/routing/config/sla-policies')),
        guarded(content, () => api('/api/routing/config/calendars')),
    ]);
    if (!policies || !calendars) return;
    const calendarNames = (calendars.calendars || []).map(c => c.name);
    const cells = [];
    const rows = [];
    for (const priority of Object.keys(LABELS.priority)) {
        for (const tier of Object.keys(LABELS.tier)) {
            const existing = (policies.policies || []).find(p => p.priority === priority && p.tier === tier) || {};
            const what = `${label('priority', priority)} × ${label('tier', tier)}`;
            const first = h('input', {type: 'number', min: 1, max: 525600, value: existing.firstResponseMinutes ?? '', 'aria-label': `${what}: first response minutes`});
            const resolution = h('input', {type: 'number', min: 1, max: 525600, value: existing.resolutionMinutes ?? '', 'aria-label': `${what}: resolution minutes`});
            const calendar = select([['', 'Around the clock'], ...calendarNames.map(n => [n, n])], existing.calendar || '', {'aria-label': `${what}: calendar`});
            cells.push({priority, tier, first, resolution, calendar});
            rows.push(h('tr', {}, h('th', {scope: 'row'}, what), h('td', {}, first), h('td', {}, resolution), h('td', {}, calendar)));
        }
    }
    const savePolicies = async () => {
        const body = cells.filter(cell => cell.first.value && cell.resolution.value).map(cell => ({
            priority: cell.priority, tier: cell.tier,
            firstResponseMinutes: Number(cell.first.value), resolutionMinutes: Number(cell.resolution.value),
            calendar: cell.calendar.value || null,
        }));
        try {
            await api('/api/routing/config/sla-policies', {method: 'PUT', body: {policies: body}});
            toast('SLA policies saved', 'success');
        } catch (error) {
            toast(problemText(error), 'error');
        }
    };
    content.append(card('SLA policies', 'policies-title',
        h('p', {class: 'muted'}, 'Minutes to first response and to resolution, per priority and customer tier.'),
        h('div', {class: 'table-wrap'}, h('table', {class: 'editable'}, h('caption', {class: 'visually-hidden'}, 'SLA policy matrix'),
            h('thead', {}, h('tr', {}, ['Priority × tier', 'First response (min)', 'Resolution (min)', 'Business hours'].map(t => h('th', {scope: 'col'}, t)))),
            h('tbody', {}, rows))),
        h('div', {class: 'actions'}, h('button', {type: 'button', class: 'primary', onclick: savePolicies}, 'Save SLA policies'))));

    const windowsText = windows => (windows || []).map(w => `${String(w.open).slice(0, 5)}-${String(w.close).slice(0, 5)}`).join(', ');
    const list = (calendars.calendars || []).map(calendar => h('li', {},
        h('strong', {}, calendar.name), ` (${calendar.zone}) `,
        h('span', {class: 'muted'}, DAYS.filter(d => (calendar.weekly || {})[d] && calendar.weekly[d].length)
            .map(d => `${d.slice(0, 3)} ${windowsText(calendar.weekly[d])}`).join('; ')),
        (calendar.holidays || []).length ? h('div', {class: 'muted'}, `Holidays: ${calendar.holidays.join(', ')}`) : null,
        h('button', {type: 'button', onclick: () => fill(calendar)}, `Edit ${calendar.name}`)));

    const name = h('input', {id: 'calendar-name', required: true, pattern: '[A-Za-z0-9_-]{1,100}'});
    const zone = h('input', {id: 'calendar-zone', required: true, value: 'Europe/London'});
    const dayInputs = DAYS.map(day => [day, h('input', {id: `calendar-${day}`, placeholder: '09:00-17:00', autocomplete: 'off'})]);
    const holidays = h('input', {id: 'calendar-holidays', placeholder: '2026-12-25, 2026-12-26', autocomplete: 'off'});
    function fill(calendar) {
        name.value = calendar.name;
        zone.value = calendar.zone;
        dayInputs.forEach(([day, input]) => { input.value = windowsText((calendar.weekly || {})[day]); });
        holidays.value = (calendar.holidays || []).join(', ');
        name.focus();
    }
    const form = h('form', {'aria-labelledby': 'calendar-form-title'}, h('h3', {id: 'calendar-form-title'}, 'Create or replace a calendar'),
        h('div', {class: 'row'}, field('Name', name), field('Time zone', zone, 'e.g. Europe/Berlin')),
        h('div', {class: 'filters'}, dayInputs.map(([day, input]) => field(`${day.charAt(0)}${day.slice(1).toLowerCase()}`, input))),
        field('Holidays', holidays, 'Dates, comma-separated'),
        h('button', {type: 'submit', class: 'primary'}, 'Save calendar'));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const weekly = {};
        for (const [day, input] of dayInputs) {
            weekly[day] = input.value.split(',').map(part => part.trim()).filter(Boolean).map(part => {
                const [open, close] = part.split('-').map(t => t.trim());
                return {open, close};
            });
        }
        const body = {zone: zone.value.trim(), weekly, holidays: holidays.value.split(',').map(d => d.trim()).filter(Boolean)};
        try {
            await api(`/api/routing/config/calendars/${encodeURIComponent(name.value.trim())}`, {method: 'PUT', body});
            toast(`Calendar ${name.value.trim()} saved`, 'success');
            clear(content);
            await sla(content);
        } catch (error) {
            toast(problemText(error), 'error');
        }
    });
    content.append(card('Business-hours calendars', 'calendars-title',
        list.length ? h('ul', {class: 'plain-list'}, list) : h('p', {class: 'muted'}, 'No calendars yet.'), form));
}

// ---------------------------------------------------------------- webhooks
async function webhooks(content) {
    const list = await guarded(content, () => api('/api/webhooks'));
    if (!list) return;
    const deliveries = h('div', {});

    async function showDeliveries(hook) {
        clear(deliveries);
        let items;
        try {
            items = await api(`/api/webhooks/${hook.id}/deliveries`);
        } catch (error) {
            deliveries.append(problemBox(error));
            return;
        }
        deliveries.append(card(`Deliveries to ${hook.url}`, 'deliveries-title',
            items.length ? h('div', {class: 'table-wrap'}, h('table', {},
                h('caption', {class: 'visually-hidden'}, 'Delivery log of this webhook, with attempts'),
                h('thead', {}, h('tr', {}, ['Event', 'Case', 'Status', 'Attempts', 'Last response', 'When', 'Redeliver'].map(t => h('th', {scope: 'col'}, t)))),
                h('tbody', {}, items.map(delivery => h('tr', {},
                    h('td', {}, delivery.eventType || ''),
                    h('td', {}, delivery.caseId ? h('a', {href: `/cases/${delivery.caseId}`}, String(delivery.caseId).slice(0, 8)) : '—'),
                    h('td', {}, delivery.status),
                    h('td', {class: 'num'}, String(delivery.attempts)),
                    h('td', {}, delivery.lastResponseCode ? String(delivery.lastResponseCode) : '', delivery.lastError ? h('div', {class: 'muted'}, delivery.lastError) : null),
                    h('td', {}, timeTag(delivery.updatedAt || delivery.at)),
                    h('td', {}, ['dead', 'sent', 'delivered'].includes(String(delivery.status).toLowerCase()) ? h('button', {type: 'button', onclick: async () => {
                        try {
                            await api(`/api/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`, {method: 'POST'});
                            toast('Queued for redelivery', 'success');
                            showDeliveries(hook);
                        } catch (error) {
                            toast(problemText(error), 'error');
                        }
                    }}, 'Redeliver') : null)))))) : h('p', {class: 'muted'}, 'No deliveries yet.')));
        const heading = document.getElementById('deliveries-title');
        heading.tabIndex = -1;
        heading.focus();
    }

    const url = h('input', {id: 'hook-url', type: 'url', required: true, placeholder: 'https://example.com/hooks/casestream'});
    const events = h('input', {id: 'hook-events', required: true, value: '*', autocomplete: 'off'});
    const secret = h('input', {id: 'hook-secret', required: true, minlength: 16, maxlength: 256, autocomplete: 'off'});
    const generate = () => {
        const bytes = new Uint8Array(24);
        crypto.getRandomValues(bytes);
        secret.value = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    };
    const form = h('form', {'aria-labelledby': 'new-hook-title'}, h('h3', {id: 'new-hook-title'}, 'New webhook'),
        field('URL', url), field('Events', events, 'Event names (CaseOpened, CommentAdded, …), comma-separated, or * for all'),
        h('div', {class: 'row'}, field('Signing secret', secret, 'At least 16 characters; used for the HMAC-SHA256 signature'),
            h('button', {type: 'button', onclick: generate}, 'Generate secret')),
        h('button', {type: 'submit', class: 'primary'}, 'Create webhook'));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            await api('/api/webhooks', {method: 'POST', body: {
                url: url.value.trim(), secret: secret.value,
                events: events.value.split(',').map(e => e.trim()).filter(Boolean),
            }});
            toast('Webhook created', 'success');
            clear(content);
            await webhooks(content);
        } catch (error) {
            toast(problemText(error), 'error');
        }
    });
    content.append(card('Webhooks', 'hooks-title', list.length ? h('div', {class: 'table-wrap'}, h('table', {},
        h('caption', {class: 'visually-hidden'}, 'Webhook subscriptions'),
        h('thead', {}, h('tr', {}, ['URL', 'Events', 'Created', 'Actions'].map(t => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, list.map(hook => h('tr', {},
            h('th', {scope: 'row'}, hook.url), h('td', {}, (hook.events || []).join(', ')),
            h('td', {}, timeTag(hook.createdAt), hook.createdBy ? ` by ${hook.createdBy}` : ''),
            h('td', {}, h('div', {class: 'actions'},
                h('button', {type: 'button', onclick: () => showDeliveries(hook)}, 'Delivery log'),
                h('button', {type: 'button', class: 'danger', onclick: async () => {
                    try {
                        await api(`/api/webhooks/${hook.id}`, {method: 'DELETE'});
                        toast('Webhook deleted', 'success');
                        clear(content);
                        await webhooks(content);
                    } catch (error) {
                        toast(problemText(error), 'error');
                    }
                }}, 'Delete')))))))) : h('p', {class: 'muted'}, 'No webhooks yet.')),
    deliveries, card('Subscribe', 'subscribe-title', form));
}
