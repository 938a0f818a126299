// Case detail: customer and fields, SLA clocks, the threaded conversation with replies and internal notes, the
// controls (status, priority, assignee, escalate, tags), and the timeline from the event history with "view as of".

import {api, hasRole} from '../api.js';
import {agentName, agents as loadAgents} from '../directory.js';
import {announce, badge, clear, field, flash, formatTime, h, label, LABELS, problemBox, problemText, select, timeLeft, timeTag, toast, fill} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {onCaseChange} from '../stream.js';

const NEXT_STATUS = {new: ['inprogress'], inprogress: ['done'], done: []};

/** The query side's detail and the command side's (as-of) view in one shape. */
function normalise(view) {
    const sla = view.sla || {};
    return {
        caseId: view.caseId,
        caseNumber: view.caseNumber,
        customer: view.customer || {},
        subject: view.subject,
        description: view.description,
        channel: view.channel,
        externalRef: view.externalRef,
        queue: view.queue,
        priority: view.priority,
        status: view.status,
        assignee: view.assignee,
        tags: view.tags || [],
        escalationLevel: view.escalationLevel || 0,
        satisfaction: view.satisfaction,
        comments: (view.comments || []).map(c => ({...c, internal: c.internal ?? c.visibility === 'internal'})),
        openedAt: view.openedAt || view.createdAt,
        updatedAt: view.updatedAt,
        resolvedAt: view.resolvedAt,
        slaState: view.slaState,
        sla: {
            firstResponseDue: sla.firstResponseDue,
            resolutionDue: sla.resolutionDue,
            policy: sla.policy,
            firstRespondedAt: sla.firstRespondedAt,
            breaches: sla.breaches || (sla.breached || []).map(target => ({target})),
        },
        asOf: view.asOf,
    };
}

function describeEvent(entry, agentList) {
    const d = entry.data || {};
    switch (entry.type) {
        case 'CaseOpened': return `Case opened via ${label('channel', d.channel)}`;
        case 'CaseClassified': return `Queue set to ${d.queue}${d.previousQueue ? ` (was ${d.previousQueue})` : ''}${d.source ? ` by ${d.source}` : ''}`;
        case 'CasePriorityChanged': return `Priority ${d.previousPriority ? `${label('priority', d.previousPriority)} → ` : ''}${label('priority', d.priority)}${d.reason ? `: ${d.reason}` : ''}`;
        case 'SlaTargetsSet': return `SLA targets set${d.policy ? ` (${d.policy})` : ''}: first response by ${formatTime(d.firstResponseDue)}, resolution by ${formatTime(d.resolutionDue)}`;
        case 'CaseAssigned': return `Assigned to ${agentName(agentList, d.agentId)}${d.reason ? ` (${d.reason})` : ''}`;
        case 'CaseUnassigned': return `Unassigned${d.reason ? ` (${d.reason})` : ''}`;
        case 'CaseStatusChanged': return `Status ${d.previousStatus ? `${label('status', d.previousStatus)} → ` : ''}${label('status', d.status)}`;
        case 'CaseReopened': return 'Reopened by a customer reply';
        case 'CommentAdded': {
            const kind = d.authorType === 'customer' ? 'Customer message' : (d.visibility === 'internal' || d.internal) ? 'Internal note' : 'Public reply';
            return `${kind}${d.authorName ? ` by ${d.authorName}` : ''}`;
        }
        case 'FirstResponseRecorded': return 'First response recorded';
        case 'SlaBreached': return `SLA breached: ${d.target} was due ${formatTime(d.dueAt)}`;
        case 'CaseEscalated': return `Escalated to level ${d.level}${d.reason ? `: ${d.reason}` : ''}`;
        case 'SatisfactionRated': return `Customer rated ${d.rating} of 5`;
        case 'CaseTagged': return `Tags${(d.added || []).length ? ` added ${d.added.join(', ')}` : ''}${(d.removed || []).length ? ` removed ${d.removed.join(', ')}` : ''}`;
        default: return entry.type;
    }
}

export async function render(main, {params, query}) {
    const caseId = params.caseId;
    const canWork = hasRole('agent', 'lead', 'admin');
    let agentList = await loadAgents();
    let current = null;
    let history = [];
    let asOf = query.get('asOf');
    let replyTo = null;

    const head = h('div', {class: 'page-head'});
    const asOfBanner = h('div', {});
    const descriptionCard = h('section', {class: 'card', 'aria-labelledby': 'desc-title'});
    const threadCard = h('section', {class: 'card', 'aria-labelledby': 'thread-title'});
    const thread = h('div', {});
    const timelineCard = h('section', {class: 'card', 'aria-labelledby': 'timeline-title'});
    const actionsCard = h('section', {class: 'card', 'aria-labelledby': 'actions-title'});
    const customerCard = h('section', {class: 'card case-meta', 'aria-labelledby': 'customer-title'});
    const detailsCard = h('section', {class: 'card case-meta', 'aria-labelledby': 'details-title'});
    const slaCard = h('section', {class: 'card', 'aria-labelledby': 'sla-title'});
    const notificationsCard = h('section', {class: 'card', 'aria-labelledby': 'notifications-title', hidden: true});
    const canReadNotifications = hasRole('lead', 'manager', 'admin', 'ops');
    const message = h('div', {});

    // ---- compose (kept across redraws so a half-written reply survives live updates) ----
    const composeBody = h('textarea', {id: 'compose-body', name: 'body', required: true, maxlength: 50000});
    const publicRadio = h('input', {type: 'radio', name: 'visibility', value: 'public', id: 'visibility-public', checked: true});
    const internalRadio = h('input', {type: 'radio', name: 'visibility', value: 'internal', id: 'visibility-internal'});
    const composeLabel = h('label', {for: 'compose-body'}, 'Public reply to the customer');
    const replyContext = h('div', {class: 'muted', id: 'reply-context'});
    const composeSubmit = h('button', {type: 'submit', class: 'primary', id: 'compose-submit'}, 'Send reply');
    const compose = h('form', {class: 'compose', id: 'compose', 'aria-labelledby': 'compose-title'},
        h('h3', {id: 'compose-title'}, 'Write'),
        h('fieldset', {}, h('legend', {}, 'Kind'),
            h('label', {class: 'check', for: 'visibility-public'}, publicRadio, 'Public reply'),
            h('label', {class: 'check', for: 'visibility-internal'}, internalRadio, 'Internal note (agents only)')),
        replyContext,
        h('div', {class: 'field'}, composeLabel, composeBody),
        h('div', {class: 'actions'}, composeSubmit));

    const threadTitle = h('h2', {id: 'thread-title'}, 'Conversation');
    threadCard.append(threadTitle, thread, compose);

    function setKind(kind) {
        const internal = kind === 'internal';
        (internal ? internalRadio : publicRadio).checked = true;
        compose.classList.toggle('internal', internal);
        composeLabel.textContent = internal ? 'Internal note (never shown to the customer)' : 'Public reply to the customer';
        composeSubmit.textContent = internal ? 'Add internal note' : 'Send reply';
    }
    publicRadio.addEventListener('change', () => setKind('public'));
    internalRadio.addEventListener('change', () => setKind('internal'));

    function setReplyTo(comment) {
        replyTo = comment ? comment.commentId : null;
        clear(replyContext);
        if (comment) {
            replyContext.append(`Replying to ${comment.authorName || comment.authorType} `,
                h('button', {type: 'button', class: 'icon-button', onclick: () => { setReplyTo(null); composeBody.focus(); }}, 'Cancel reply-to'));
        }
    }

    compose.addEventListener('submit', async event => {
        event.preventDefault();
        const body = composeBody.value.trim();
        if (!body) {
            toast('Write something first', 'error');
            composeBody.focus();
            return;
        }
        const visibility = internalRadio.checked ? 'internal' : 'public';
        composeSubmit.disabled = true;
        try {
            const view = await api(`/api/cases/${caseId}/comments`, {method: 'POST', body: {body, visibility, parentId: replyTo || undefined}});
            composeBody.value = '';
            setReplyTo(null);
            const text = visibility === 'internal' ? 'Internal note added' : 'Reply sent';
            toast(text, 'success');
            announce(text);
            show(normalise(view));
            refreshHistory();
        } catch (error) {
            toast(problemText(error), 'error');
        } finally {
            composeSubmit.disabled = false;
        }
    });

    // ---- commands ----
    async function command(path, body, done) {
        try {
            const view = await api(`/api/cases/${caseId}/${path}`, {method: 'POST', body: body ?? {}});
            edits.clear();
            toast(done, 'success');
            announce(done);
            show(normalise(view));
            refreshHistory();
        } catch (error) {
            toast(problemText(error), 'error');
        }
    }

    // what the person has picked or typed in the actions but not yet applied: a live redraw keeps it
    const edits = new Map();

    function keepEdits(...controls) {
        for (const control of controls) {
            const kept = edits.get(control.id);
            if (kept !== undefined && (control.tagName !== 'SELECT' || [...control.options].some(o => o.value === kept))) {
                control.value = kept;
            }
            control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => edits.set(control.id, control.value));
        }
    }

    function drawActions(c) {
        clear(actionsCard);
        if (!canWork || asOf) {
            actionsCard.hidden = true;
            return;
        }
        actionsCard.hidden = false;
        const next = NEXT_STATUS[c.status] || [];
        const statusSelect = select(next.map(s => [s, label('status', s)]), next[0], {id: 'status-select', disabled: !next.length});
        const prioritySelect = select(Object.keys(LABELS.priority).map(p => [p, label('priority', p)]), c.priority, {id: 'priority-select'});
        const assigneeSelect = select([['', 'Unassigned'], ...agentList.map(a => [a.agentId, `${a.name} (${label('availability', a.availability)})`])], c.assignee || '', {id: 'assignee-select'});
        const queueSelect = select(Object.keys(LABELS.queue).filter(q => q !== 'Unclassified').map(q => [q, q]), c.queue === 'Unclassified' ? 'Orders' : c.queue, {id: 'queue-select'});
        const escalateReason = h('input', {id: 'escalate-reason', maxlength: 500, autocomplete: 'off'});
        const tagInput = h('input', {id: 'tag-input', maxlength: 50, autocomplete: 'off'});
        keepEdits(statusSelect, prioritySelect, assigneeSelect, queueSelect, escalateReason, tagInput);
        actionsCard.append(h('h2', {id: 'actions-title'}, 'Actions'),
            h('div', {class: 'row'}, field('Move to status', statusSelect),
                h('button', {type: 'button', id: 'status-apply', disabled: !next.length, onclick: () => command('status', {status: statusSelect.value}, `Status changed to ${label('status', statusSelect.value)}`)},
                    next.length ? 'Change status' : 'Done: no further status')),
            h('div', {class: 'row'}, field('Priority', prioritySelect),
                h('button', {type: 'button', id: 'priority-apply', onclick: () => command('priority', {priority: prioritySelect.value}, `Priority changed to ${label('priority', prioritySelect.value)}`)}, 'Change priority')),
            h('div', {class: 'row'}, field('Queue', queueSelect, 'Routing learns from moves'),
                h('button', {type: 'button', id: 'queue-apply', onclick: () => command('classification', {queue: queueSelect.value}, `Moved to the ${queueSelect.value} queue`)}, 'Move')),
            h('div', {class: 'row'}, field('Assignee', assigneeSelect),
                h('button', {type: 'button', id: 'assign-apply', onclick: () => command('assignment', {agentId: assigneeSelect.value || null},
                    assigneeSelect.value ? `Assigned to ${agentName(agentList, assigneeSelect.value)}` : 'Unassigned')}, 'Assign')),
            h('div', {class: 'row'}, field('Escalation reason', escalateReason),
                h('button', {type: 'button', id: 'escalate', class: 'danger', onclick: () => command('escalations', escalateReason.value.trim() ? {reason: escalateReason.value.trim()} : {}, 'Case escalated')}, 'Escalate')),
            h('div', {class: 'row'}, field('Add tag', tagInput),
                h('button', {type: 'button', id: 'tag-add', onclick: () => {
                    const tags = tagInput.value.split(',').map(t => t.trim()).filter(Boolean);
                    if (tags.length) command('tags', {add: tags}, `Tagged ${tags.join(', ')}`);
                }}, 'Add tag')));
    }

    // ---- drawing ----
    function drawHead(c) {
        fill(head, h('h1', {id: 'case-title'}, `${c.caseNumber}: ${c.subject || ''}`),
            h('span', {}, badge('status', c.status), ' ', badge('priority', c.priority), ' ',
                c.slaState ? badge('slaState', c.slaState) : null, ' ',
                c.escalationLevel ? h('span', {class: 'badge badge-priority-critical'}, `Escalated ×${c.escalationLevel}`) : null));
    }

    function drawThread(c) {
        const children = new Map();
        const ids = new Set(c.comments.map(comment => comment.commentId));
        for (const comment of c.comments) {
            const parent = comment.parentId && ids.has(comment.parentId) ? comment.parentId : null;
            if (!children.has(parent)) children.set(parent, []);
            children.get(parent).push(comment);
        }
        const list = parent => {
            const items = children.get(parent) || [];
            if (!items.length) return null;
            return h('ol', {class: 'thread'}, items.map(comment => h('li', {},
                h('article', {class: `comment ${comment.internal ? 'internal' : ''} ${comment.authorType}`, id: `comment-${comment.commentId}`,
                    'aria-label': `${comment.internal ? 'Internal note' : comment.authorType === 'customer' ? 'Customer message' : 'Reply'} by ${comment.authorName || comment.authorType}`},
                h('header', {},
                    h('strong', {}, comment.authorName || label('author', comment.authorType)),
                    h('span', {class: 'muted'}, comment.authorType === 'customer' ? 'Customer' : comment.authorType === 'system' ? 'System' : 'Agent'),
                    comment.internal ? h('span', {class: 'badge badge-internal'}, 'Internal note') : h('span', {class: 'muted'}, 'Public'),
                    timeTag(comment.at)),
                h('div', {class: 'body'}, comment.body || ''),
                (comment.attachments || []).length ? h('ul', {}, comment.attachments.map(a => h('li', {}, `${a.name} (${a.contentType || 'file'}, ${a.size} bytes)`))) : null,
                canWork && !asOf ? h('button', {type: 'button', class: 'icon-button', onclick: () => {
                    setReplyTo(comment);
                    composeBody.focus();
                }}, `Reply to ${comment.authorName || 'this'}`) : null),
                list(comment.commentId))));
        };
        fill(thread, c.comments.length ? list(null) : h('p', {class: 'muted'}, 'No comments yet.'));
        // the compose form stays where it is (moving a node would take the focus from someone typing)
        threadTitle.textContent = `Conversation (${c.comments.length})`;
        compose.hidden = !(canWork && !asOf);
    }

    function drawMeta(c) {
        const customer = c.customer || {};
        fill(customerCard, h('h2', {id: 'customer-title'}, 'Customer'), h('dl', {},
            h('dt', {}, 'Name'), h('dd', {}, customer.name || '—'),
            h('dt', {}, 'Email'), h('dd', {}, customer.email || '—'),
            h('dt', {}, 'Tier'), h('dd', {}, label('tier', customer.tier)),
            customer.customerId ? [h('dt', {}, 'Customer id'), h('dd', {}, customer.customerId)] : null));
        fill(detailsCard, h('h2', {id: 'details-title'}, 'Details'), h('dl', {},
            h('dt', {}, 'Status'), h('dd', {'data-field': 'status'}, label('status', c.status)),
            h('dt', {}, 'Priority'), h('dd', {'data-field': 'priority'}, label('priority', c.priority)),
            h('dt', {}, 'Queue'), h('dd', {'data-field': 'queue'}, label('queue', c.queue)),
            h('dt', {}, 'Assignee'), h('dd', {'data-field': 'assignee'}, agentName(agentList, c.assignee)),
            h('dt', {}, 'Channel'), h('dd', {}, label('channel', c.channel)),
            c.externalRef ? [h('dt', {}, 'Channel ref'), h('dd', {}, c.externalRef)] : null,
            h('dt', {}, 'Tags'), h('dd', {'data-field': 'tags'}, c.tags.length ? c.tags.map(tag => h('span', {class: 'tag'}, tag,
                canWork && !asOf ? h('button', {type: 'button', class: 'icon-button', 'aria-label': `Remove tag ${tag}`, onclick: () => command('tags', {remove: [tag]}, `Tag ${tag} removed`)}, '×') : null)) : '—'),
            h('dt', {}, 'Opened'), h('dd', {}, timeTag(c.openedAt)),
            h('dt', {}, 'Updated'), h('dd', {}, timeTag(c.updatedAt)),
            c.resolvedAt ? [h('dt', {}, 'Resolved'), h('dd', {}, timeTag(c.resolvedAt))] : null,
            c.satisfaction ? [h('dt', {}, 'Satisfaction'), h('dd', {}, `${c.satisfaction.rating} of 5`, c.satisfaction.comment ? `: ${c.satisfaction.comment}` : '')] : null));
        fill(descriptionCard, h('h2', {id: 'desc-title'}, 'Description'), h('p', {class: 'description'}, c.description || '—'));
    }

    function clock(title, due, doneAt, breached) {
        const now = asOf ? new Date(asOf).getTime() : Date.now();
        let state = 'ok';
        let text;
        if (!due) {
            text = 'No target';
        } else if (doneAt) {
            state = new Date(doneAt) <= new Date(due) ? 'ok' : 'breached';
            text = `${state === 'ok' ? 'Met' : 'Missed'}: ${formatTime(doneAt)}`;
        } else if (breached || new Date(due).getTime() < now) {
            state = 'breached';
            text = timeLeft(due, now);
        } else {
            state = new Date(due).getTime() - now < 3600000 ? 'at-risk' : 'ok';
            text = timeLeft(due, now);
        }
        return h('div', {class: `sla-clock ${state}`}, h('span', {}, title),
            h('span', {class: 'left'}, text), due ? h('span', {class: 'muted'}, 'Due ', timeTag(due)) : null);
    }

    function drawSla(c) {
        const breaches = c.sla.breaches || [];
        const breachedTarget = target => breaches.some(b => b.target === target);
        fill(slaCard, h('h2', {id: 'sla-title'}, 'SLA'),
            c.sla.policy ? h('p', {class: 'muted'}, `Policy ${c.sla.policy}`) : null,
            clock('First response', c.sla.firstResponseDue, c.sla.firstRespondedAt, breachedTarget('first-response')),
            clock('Resolution', c.sla.resolutionDue, c.resolvedAt, breachedTarget('resolution')),
            breaches.length ? h('p', {}, `Breaches recorded: ${breaches.map(b => b.target).join(', ')}`) : null);
    }

    function drawTimeline() {
        const picker = h('input', {type: 'datetime-local', id: 'as-of-input', step: 1});
        if (asOf) {
            const date = new Date(asOf);
            const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
            picker.value = local;
        }
        const pickerForm = h('form', {class: 'row', 'aria-label': 'View the case as of a time'},
            field('View as of', picker, 'Your local time'),
            h('button', {type: 'submit', id: 'as-of-apply'}, 'Show'),
            asOf ? h('button', {type: 'button', onclick: () => viewAsOf(null)}, 'Back to now') : null);
        pickerForm.addEventListener('submit', event => {
            event.preventDefault();
            if (!picker.value) {
                picker.focus();
                return;
            }
            viewAsOf(new Date(picker.value).toISOString());
        });
        const asOfTime = asOf ? new Date(asOf).getTime() : Infinity;
        fill(timelineCard, h('h2', {id: 'timeline-title'}, 'Timeline'), pickerForm,
            history.length ? h('ol', {class: 'timeline', id: 'timeline'}, history.map(entry => h('li', {class: new Date(entry.at).getTime() > asOfTime ? 'muted' : null},
                h('div', {class: 'what'}, describeEvent(entry, agentList)),
                h('div', {class: 'muted'}, timeTag(entry.at), ` · ${entry.actor || 'system'} · `,
                h('button', {type: 'button', class: 'link-button', onclick: () => viewAsOf(entry.at)}, 'View as of this moment')))))
                : h('p', {class: 'muted'}, 'No history available.'));
    }

    function drawBanner(c) {
        clear(asOfBanner);
        if (asOf) {
            asOfBanner.append(h('div', {class: 'as-of-banner', role: 'status'},
                h('strong', {}, `Viewing this case as it was at ${formatTime(asOf)}`), ' (read-only)',
                h('button', {type: 'button', onclick: () => viewAsOf(null)}, 'Back to now')));
        }
    }

    function show(c) {
        const before = current;
        const focusedId = main.contains(document.activeElement) ? document.activeElement.id : null;
        current = c;
        drawHead(c);
        drawBanner(c);
        drawMeta(c);
        drawSla(c);
        drawThread(c);
        drawActions(c);
        if (before && !asOf) {
            for (const key of ['status', 'priority', 'assignee', 'queue']) {
                if (before[key] !== c[key]) flash(detailsCard.querySelector(`[data-field="${key}"]`));
            }
            if (JSON.stringify(before.tags) !== JSON.stringify(c.tags)) flash(detailsCard.querySelector('[data-field="tags"]'));
            if (before.comments.length < c.comments.length) {
                const newest = c.comments[c.comments.length - 1];
                flash(document.getElementById(`comment-${newest.commentId}`));
            }
        }
        if (focusedId && !main.contains(document.activeElement)) {
            const again = document.getElementById(focusedId);
            if (again) again.focus();
        }
    }

    async function refreshHistory() {
        try {
            history = await api(`/api/cases/${caseId}/history`);
        } catch {
            history = [];
        }
        drawTimeline();
        if (canReadNotifications) {
            drawNotifications();
        }
    }

    async function drawNotifications() {
        let items;
        try {
            items = await api(`/api/notifications?caseId=${caseId}`);
        } catch {
            return;
        }
        notificationsCard.hidden = false;
        fill(notificationsCard, h('h2', {id: 'notifications-title'}, `Notifications (${items.length})`),
            items.length ? h('div', {class: 'table-wrap'}, h('table', {},
                h('caption', {class: 'visually-hidden'}, 'Every notification sent about this case'),
                h('thead', {}, h('tr', {}, ['Event', 'Channel', 'Status (tries)'].map(t => h('th', {scope: 'col'}, t)))),
                h('tbody', {}, items.map(n => h('tr', {title: formatTime(n.updatedAt || n.at)},
                    h('td', {}, n.eventType || ''), h('td', {}, n.channel || ''),
                    h('td', {}, `${n.status || ''} (${n.attempts ?? 0})`))))))
                : h('p', {class: 'muted'}, 'None sent.'));
    }

    async function load() {
        clear(message);
        try {
            const view = asOf
                ? await api(`/api/cases/${caseId}?asOf=${encodeURIComponent(asOf)}`)
                : await api(`/api/cases/${caseId}`);
            show(normalise(view));
            document.title = `${view.caseNumber} · Casestream`;
        } catch (error) {
            message.append(problemBox(error));
            if (!current) {
                fill(head, h('h1', {}, 'Case'));
            }
        }
    }

    async function viewAsOf(instant) {
        asOf = instant;
        window.history.replaceState(null, '', asOf ? `/cases/${caseId}?asOf=${encodeURIComponent(asOf)}` : `/cases/${caseId}`);
        await load();
        drawTimeline();
        announce(asOf ? `Showing the case as of ${formatTime(asOf)}` : 'Showing the case now');
        document.getElementById('case-title').focus();
    }

    // ---- live ----
    let liveTimer = null;
    const unsubscribe = onCaseChange(change => {
        if (!change.summary || change.summary.caseId !== caseId || asOf) return;
        window.clearTimeout(liveTimer);
        liveTimer = window.setTimeout(async () => {
            const before = current;
            await load();
            await refreshHistory();
            if (before && current) {
                const changed = ['status', 'priority', 'assignee', 'queue'].filter(key => before[key] !== current[key])
                    .map(key => `${key} ${key === 'assignee' ? agentName(agentList, current[key]) : label(key, current[key])}`);
                if (current.comments.length > before.comments.length) changed.push('new comment');
                if (changed.length) announce(`Case updated: ${changed.join(', ')}`);
            }
        }, 200);
    });
    const tick = window.setInterval(() => current && drawSla(current), 30000);

    const unregister = registerShortcuts({
        r: event => {
            if (!canWork || asOf) return;
            event.preventDefault();
            setKind('public');
            composeBody.focus();
        },
        n: event => {
            if (!canWork || asOf) return;
            event.preventDefault();
            setKind('internal');
            composeBody.focus();
        },
    });

    main.append(h('p', {}, h('a', {href: '/cases'}, '← Back to cases')), head, asOfBanner, message,
        h('div', {class: 'case-layout'},
            h('div', {}, descriptionCard, threadCard, timelineCard),
            h('div', {}, actionsCard, slaCard, customerCard, detailsCard, notificationsCard)));
    await load();
    await refreshHistory();
    return () => {
        unsubscribe();
        unregister();
        window.clearTimeout(liveTimer);
        window.clearInterval(tick);
    };
}
