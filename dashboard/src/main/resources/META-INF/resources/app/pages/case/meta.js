// What a case is: its heading with badges, the customer (a link to their page), the details (tags removable), the
// description with its files; and the highlight of what a live update changed.

import {attachmentList} from '../../components/attachments.js';
import {fillCard} from '../../components/card.js';
import {facts} from '../../components/facts.js';
import {button} from '../../components/form.js';
import {agentName} from '../../directory.js';
import {badge, fill, flash, h, label, timeTag} from '../../dom.js';

export function drawHead(head, c) {
    fill(head, h('h1', {id: 'case-title'}, `${c.caseNumber}: ${c.subject || ''}`),
        h('span', {}, badge('status', c.status), ' ', badge('priority', c.priority), ' ',
            c.slaState ? badge('slaState', c.slaState) : null, ' ',
            c.escalationLevel ? h('span', {class: 'badge badge-priority-critical'}, `Escalated ×${c.escalationLevel}`) : null));
}

/** The customer; their name links to their page (all their cases, their profile); {@code change}: its form, or null. */
export function drawCustomer(card, c, change) {
    const customer = c.customer || {};
    const name = customer.name || '—';
    fillCard(card, 'Customer', facts([
        ['Name', customer.customerId
            ? h('a', {href: `/customers/${encodeURIComponent(customer.customerId)}`, id: 'customer-link'}, name) : name],
        ['Email', customer.email || '—'],
        ['Tier', label('tier', customer.tier)],
        customer.customerId ? ['Customer id', customer.customerId] : null,
    ]), change);
}

/** The details; {@code removeTag(tag)} when tags may be removed (else null). */
export function drawDetails(card, c, agentList, removeTag) {
    const tags = c.tags.length ? c.tags.map(tag => h('span', {class: 'tag'}, tag,
        removeTag ? button('×', () => removeTag(tag), {class: 'icon-button', 'aria-label': `Remove tag ${tag}`}) : null)) : '—';
    fillCard(card, 'Details', facts([
        ['Status', label('status', c.status), {'data-field': 'status'}],
        ['Priority', label('priority', c.priority), {'data-field': 'priority'}],
        ['Queue', label('queue', c.queue), {'data-field': 'queue'}],
        ['Assignee', agentName(agentList, c.assignee), {'data-field': 'assignee'}],
        ['Channel', label('channel', c.channel)],
        c.externalRef ? ['Channel ref', c.externalRef] : null,
        ['Tags', tags, {'data-field': 'tags'}],
        ['Opened', timeTag(c.openedAt)],
        ['Updated', timeTag(c.updatedAt)],
        c.resolvedAt ? ['Resolved', timeTag(c.resolvedAt)] : null,
        c.satisfaction ? ['Satisfaction', [`${c.satisfaction.rating} of 5`, c.satisfaction.comment ? `: ${c.satisfaction.comment}` : '']] : null,
    ]));
}

/** The first message, and the files it came with. */
export function drawDescription(card, c) {
    fillCard(card, 'Description', h('p', {class: 'description'}, c.description || '—'),
        attachmentList(c.attachments, 'Files sent with the case'));
}

/** Highlights the fields that differ from {@code before}, and the newest comment if one was added. */
export function flashChanges(before, c, detailsCard) {
    for (const key of ['status', 'priority', 'assignee', 'queue']) {
        if (before[key] !== c[key]) flash(detailsCard.querySelector(`[data-field="${key}"]`));
    }
    if (JSON.stringify(before.tags) !== JSON.stringify(c.tags)) flash(detailsCard.querySelector('[data-field="tags"]'));
    if (before.comments.length < c.comments.length) {
        const newest = c.comments[c.comments.length - 1];
        flash(document.getElementById(`comment-${newest.commentId}`));
    }
}
