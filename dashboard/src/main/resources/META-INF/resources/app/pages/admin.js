// Administration: users and roles, API keys, queues, routing rules, SLA policies and calendars, webhooks with their
// delivery log and redeliver. One tab per section, each its own URL (/admin/<section>) and module (admin/*.js).

import {tabs} from '../components/tabs.js';
import {h} from '../dom.js';
import {apiKeys} from './admin/api-keys.js';
import {queues} from './admin/queues.js';
import {routing} from './admin/routing.js';
import {sla} from './admin/sla.js';
import {users} from './admin/users.js';
import {webhooks} from './admin/webhooks.js';

const SECTIONS = [
    ['users', 'Users and roles', users],
    ['api-keys', 'API keys', apiKeys],
    ['queues', 'Queues', queues],
    ['routing', 'Routing rules', routing],
    ['sla', 'SLA policies and calendars', sla],
    ['webhooks', 'Webhooks', webhooks],
];

export async function render(main, {params}) {
    const [section, title, draw] = SECTIONS.find(([key]) => key === params.section) || SECTIONS[0];
    const content = h('div', {class: 'stack'});
    main.append(h('div', {class: 'page-head'}, h('h1', {}, `Administration: ${title}`)),
        tabs('Administration sections', 'tabs', SECTIONS.map(([key, text]) => ({href: `/admin/${key}`, text, current: key === section}))),
        content);
    await draw(content);
    return undefined;
}
