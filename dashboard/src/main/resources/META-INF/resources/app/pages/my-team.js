// My team, for leads: the agents who share a queue with the lead's own agent (everyone when the login is linked to
// none), each with their open cases soonest SLA due first and a reassign control. Keyboard as on My cases: j / k move
// between cases, o (or Enter) opens, a takes the focused case's reassign choice. A change to a team member's case
// redraws the page.

import {api} from '../api.js';
import {note} from '../components/note.js';
import {announce, clear, fill, h, problemBox, toast} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {onCaseChange} from '../stream.js';
import {memberCard} from './my-team/member.js';

function basis(team) {
    return team.lead
        ? `Agents who share a queue with you (${(team.queues || []).join(', ') || 'you have no queue skills'}).`
        : 'Your login is not linked to an agent, so your team is every agent.';
}

export async function render(main) {
    const summary = h('p', {class: 'muted', id: 'my-team-basis'});
    const message = h('div', {});
    const members = h('div', {class: 'team-members', id: 'my-team-members'});
    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'My team'), h('span', {class: 'muted', id: 'my-team-count'})),
        summary, message, members);
    let team = null;
    const chosen = new Map();

    async function reassign(caseSummary, agentId, agentName) {
        try {
            await api(`/api/cases/${caseSummary.caseId}/assignment`, {method: 'POST', body: {agentId}});
            chosen.delete(caseSummary.caseId);
            toast(`${caseSummary.caseNumber} reassigned to ${agentName}`, 'success');
            announce(`${caseSummary.caseNumber} reassigned to ${agentName}`);
            await load();
        } catch (error) {
            fill(message, problemBox(error));
        }
    }

    async function load() {
        const focused = document.activeElement && document.activeElement.closest('tr[data-case-id]');
        const focusedId = focused && focused.dataset.caseId;
        const focusedControl = focused && document.activeElement.id;
        try {
            team = await api('/api/me/team');
            clear(message);
            summary.textContent = basis(team);
            const open = team.members.reduce((sum, member) => sum + member.openCases, 0);
            document.getElementById('my-team-count').textContent = `${team.members.length} agents, ${open} open cases`;
            fill(members, team.members.length ? team.members.map(member => memberCard(member, team, {onReassign: reassign, chosen}))
                : note('Nobody shares a queue with you yet. Leads’ teams are the agents skilled in their queues.'));
            if (focusedId && !main.contains(document.activeElement)) {
                const row = members.querySelector(`tr[data-case-id="${CSS.escape(focusedId)}"]`);
                (focusedControl && document.getElementById(focusedControl) || row?.querySelector('a.case-link'))?.focus();
            }
        } catch (error) {
            fill(message, problemBox(error));
        }
    }

    const links = () => [...members.querySelectorAll('a.case-link')];
    const focusedRow = () => document.activeElement && document.activeElement.closest('tr[data-case-id]');
    function move(step) {
        const all = links();
        if (!all.length) return;
        const index = all.indexOf(focusedRow()?.querySelector('a.case-link'));
        all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))].focus();
    }
    const unregister = registerShortcuts({
        j: () => move(1),
        k: () => move(-1),
        o: event => {
            const link = focusedRow()?.querySelector('a.case-link') || links()[0];
            if (!link) return;
            event.preventDefault();
            link.click();
        },
        a: event => {
            const control = focusedRow()?.querySelector('select.row-reassign');
            if (control) {
                event.preventDefault();
                control.focus();
            }
        },
    });
    let timer = null;
    const unsubscribe = onCaseChange(change => {
        const ids = new Set((team ? team.members : []).map(member => member.agentId));
        if (!change.summary || !ids.has(change.summary.assignee) && !members.querySelector(`tr[data-case-id="${CSS.escape(change.summary.caseId)}"]`)) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => load().then(() => announce('My team updated')), 300);
    });
    // the SLA clocks move with time, not only with events
    const tick = window.setInterval(load, 60000);
    await load();
    return () => {
        unregister();
        unsubscribe();
        window.clearTimeout(timer);
        window.clearInterval(tick);
    };
}
