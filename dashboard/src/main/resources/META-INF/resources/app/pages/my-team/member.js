// One member of a lead's team: who they are (availability, load against capacity, queues) and their open cases,
// soonest SLA due first, each with the SLA clock and a reassign control.

import {queryString} from '../../api.js';
import {card} from '../../components/card.js';
import {button} from '../../components/form.js';
import {note} from '../../components/note.js';
import {hiddenColumn, rowHeader, table} from '../../components/table.js';
import {badge, h, label, select, timeLeft} from '../../dom.js';

/** The agents a case may go to: every other member, and the lead's own agent ("Me"). */
function targets(member, team) {
    const others = team.members.filter(other => other.agentId !== member.agentId)
        .map(other => [other.agentId, `${other.name} (${label('availability', other.availability)}, ${other.load}/${other.capacity})`]);
    return team.lead ? [[team.lead.agentId, `Me (${team.lead.name})`], ...others] : others;
}

function caseRow(summary, member, team, {onReassign, chosen}) {
    const to = select([['', 'Choose an agent']], '', {class: 'row-reassign', id: `reassign-${summary.caseId}`,
        'aria-label': `Reassign ${summary.caseNumber} to`});
    // a team of hundreds would put hundreds of options in every row: each select gets them when first used
    let choices = null;
    const fillChoices = () => {
        if (choices) return;
        choices = targets(member, team);
        to.append(...choices.map(([id, name]) => h('option', {value: id}, name)));
    };
    to.addEventListener('focus', fillChoices);
    to.addEventListener('mousedown', fillChoices);
    // a choice not yet applied survives the live redraws
    to.addEventListener('change', () => chosen.set(summary.caseId, to.value));
    if (chosen.has(summary.caseId)) {
        fillChoices();
        to.value = chosen.get(summary.caseId);
    }
    return h('tr', {dataset: {caseId: summary.caseId, agentId: member.agentId}},
        rowHeader(h('a', {href: `/cases/${summary.caseId}`, class: 'case-link'}, summary.caseNumber)),
        h('td', {class: 'subject-cell'}, summary.subject || '', h('div', {class: 'muted'}, summary.customerName || '')),
        h('td', {}, badge('priority', summary.priority)),
        h('td', {}, badge('slaState', summary.slaState), summary.nextDue ? h('div', {class: 'muted'}, timeLeft(summary.nextDue)) : null),
        h('td', {}, h('div', {class: 'row'}, to, button('Reassign', () => {
            if (to.value) onReassign(summary, to.value, to.selectedOptions[0].textContent);
            else to.focus();
        }, {class: 'reassign-button', 'aria-label': `Reassign ${summary.caseNumber}`}))));
}

/**
 * The member's card. {@code actions}: {onReassign(summary, agentId, agentName)} moves a case; {chosen}: the agents
 * picked but not yet applied, by case id.
 */
export function memberCard(member, team, actions) {
    const headingId = `member-${member.agentId}`;
    const more = member.openCases - member.cases.length;
    return h('div', {class: 'team-member', dataset: {agentId: member.agentId}}, card(member.name || member.agentId, headingId,
        h('p', {class: 'member-facts'}, badge('availability', member.availability), ' ',
            h('meter', {min: 0, max: Math.max(member.capacity, 1), value: member.load, 'aria-label': `${member.name} load`}),
            ` ${member.load} of ${member.capacity} open cases`,
            (member.skills || []).length ? h('span', {class: 'muted'}, ` · ${member.skills.map(s => `${s.queue} ${s.level}/5`).join(', ')}`) : null),
        member.cases.length ? table({
            caption: `${member.name}’s open cases, soonest due first`, className: 'case-table',
            columns: ['Case', 'Subject', 'Priority', 'SLA', hiddenColumn('Reassign')],
            body: member.cases.map(summary => caseRow(summary, member, team, actions)),
        }) : note('No open cases.'),
        more > 0 ? h('p', {}, h('a', {href: `/cases${queryString({assignee: member.agentId, status: 'new,inprogress', sort: 'slaDue'})}`},
            `${more} more of ${member.name}’s open cases`)) : null));
}
