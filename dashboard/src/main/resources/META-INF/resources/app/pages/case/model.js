// The case as the page works with it: the query side's detail and the command side's (as-of) view in one shape,
// the statuses a case may move to, and the history's events in words.

import {agentName} from '../../directory.js';
import {formatTime, label} from '../../dom.js';

export const NEXT_STATUS = {new: ['inprogress'], inprogress: ['done'], done: []};

/** The query side's detail and the command side's (as-of) view in one shape. */
export function normalise(view) {
    const sla = view.sla || {};
    return {
        caseId: view.caseId,
        caseNumber: view.caseNumber,
        customer: view.customer || {},
        subject: view.subject,
        description: view.description,
        attachments: view.attachments || [],
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
        // the query side sends its latest comments with the whole count; the command side sends the whole thread
        commentCount: view.commentCount ?? (view.comments || []).length,
        olderComments: view.olderComments ?? null,
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
        mergedInto: view.mergedInto || null,
        merged: view.merged || [],
        asOf: view.asOf,
    };
}

function customerName(customer) {
    return customer ? `${customer.name || customer.customerId} (${customer.email})` : 'nobody';
}

/** One entry of the case's event history in words. */
export function describeEvent(entry, agentList) {
    const d = entry.data || {};
    switch (entry.type) {
        case 'CaseOpened': return `Case opened via ${label('channel', d.channel)}`;
        case 'CaseClassified': return `Queue set to ${d.queue}${d.previousQueue ? ` (was ${d.previousQueue})` : ''}${d.source ? ` by ${d.source}` : ''}`;
        case 'CasePriorityChanged': return `Priority ${d.previousPriority ? `${label('priority', d.previousPriority)} → ` : ''}${label('priority', d.priority)}${d.reason ? `: ${d.reason}` : ''}`;
        case 'SlaTargetsSet': return `SLA targets set${d.policy ? ` (${d.policy})` : ''}: first response by ${formatTime(d.firstResponseDue)}, resolution by ${formatTime(d.resolutionDue)}`;
        case 'CaseAssigned': return `Assigned to ${agentName(agentList, d.agentId)}${d.reason ? ` (${d.reason})` : ''}`;
        case 'CaseUnassigned': return `Unassigned${d.reason ? ` (${d.reason})` : ''}`;
        case 'CaseStatusChanged': return `Status ${d.previousStatus ? `${label('status', d.previousStatus)} → ` : ''}${label('status', d.status)}`;
        case 'CaseReopened': return d.source === 'agent' ? `Reopened: ${d.reason || ''}` : 'Reopened by a customer reply';
        case 'CaseSubjectChanged': return `Subject changed${d.previousSubject ? ` from “${d.previousSubject}”` : ''} to “${d.subject}”`;
        case 'CaseCustomerChanged': return `Customer changed${d.previousCustomer ? ` from ${customerName(d.previousCustomer)}` : ''} to ${customerName(d.customer)}`;
        case 'CaseMergedInto': return `Merged into ${d.targetNumber} (this case was a duplicate)`;
        case 'CaseMerged': return `${d.mergedNumber} merged into this case`;
        case 'CommentAdded': {
            const kind = d.authorType === 'customer' ? 'Customer message' : (d.visibility === 'internal' || d.internal) ? 'Internal note' : 'Public reply';
            return `${kind}${d.authorName ? ` by ${d.authorName}` : ''}`;
        }
        case 'FirstResponseRecorded': return 'First response recorded';
        case 'SlaBreached': return `SLA breached: ${d.target} was due ${formatTime(d.dueAt)}`;
        case 'CaseEscalated': return `Escalated to level ${d.level}${d.reason ? `: ${d.reason}` : ''}`;
        case 'SatisfactionRated': return `Customer rated ${d.rating} of 5${d.comment ? `: “${d.comment}”` : ''}`;
        case 'MacroApplied': return `Macro “${d.macroName}” applied${d.appliedByName ? ` by ${d.appliedByName}` : ''}`;
        case 'CaseTagged': return `Tags${(d.added || []).length ? ` added ${d.added.join(', ')}` : ''}${(d.removed || []).length ? ` removed ${d.removed.join(', ')}` : ''}`;
        default: return entry.type;
    }
}
