// The SLA clocks of a case: first response and resolution, each met, missed, on track, at risk or breached, with
// the time left (from the moment viewed, when the case is viewed as of a time).

import {fillCard} from '../../components/card.js';
import {formatTime, h, timeLeft, timeTag} from '../../dom.js';

function clock(title, due, doneAt, breached, now) {
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

export function drawSla(card, c, asOf) {
    const now = asOf ? new Date(asOf).getTime() : Date.now();
    const breaches = c.sla.breaches || [];
    const breachedTarget = target => breaches.some(b => b.target === target);
    fillCard(card, 'SLA',
        c.sla.policy ? h('p', {class: 'muted'}, `Policy ${c.sla.policy}`) : null,
        clock('First response', c.sla.firstResponseDue, c.sla.firstRespondedAt, breachedTarget('first-response'), now),
        clock('Resolution', c.sla.resolutionDue, c.resolvedAt, breachedTarget('resolution'), now),
        breaches.length ? h('p', {}, `Breaches recorded: ${breaches.map(b => b.target).join(', ')}`) : null);
}
