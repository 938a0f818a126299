// The agents board for leads: availability, load against capacity, skills; unassigned cases are dragged onto an
// agent to assign them, or assigned from the keyboard with the select beside each case.

import {api, hasRole, queryString} from '../api.js';
import {cardFrame, fillCard} from '../components/card.js';
import {attempt, button, row, submitButton, succeed} from '../components/form.js';
import {unlessEmpty} from '../components/note.js';
import {agents as loadAgents} from '../directory.js';
import {badge, clear, field, flash, h, label, LABELS, problemBox, select, timeLeft, toast} from '../dom.js';
import {onCaseChange} from '../stream.js';
import {openQueues} from '../queues.js';

export async function render(main) {
    const canAssign = hasRole('lead', 'admin');
    const canEditSkills = hasRole('lead', 'admin');
    let queueFilter = '';
    let textFilter = '';
    let agentList = [];
    let loads = new Map();
    let waiting = [];
    // an agent picked beside a case but not yet assigned: a live redraw must not throw the choice away
    const chosen = new Map();
    let findDraft = null;

    const casesSection = cardFrame('waiting-title');
    const agentsSection = cardFrame('agents-title');
    const message = h('div', {});
    main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Agents board'),
        h('span', {class: 'muted'}, canAssign ? 'Drag a case onto an agent, or use “Assign to” beside the case.' : 'Read-only: assigning needs the lead role.')),
    message, h('div', {class: 'board'}, casesSection, agentsSection));

    async function load() {
        clear(message);
        try {
            const [list, dashboard, page] = await Promise.all([
                loadAgents({fresh: true}),
                api('/api/dashboard'),
                api(`/api/cases${queryString({assignee: 'none', status: 'new,inprogress', sort: 'priority', limit: 50, queue: queueFilter, q: textFilter})}`),
            ]);
            agentList = list;
            loads = new Map((dashboard.agents || []).map(a => [a.agentId, a]));
            waiting = page.items || [];
            draw();
        } catch (error) {
            message.append(problemBox(error));
        }
    }

    function assign(caseId, agentId) {
        const summary = waiting.find(c => c.caseId === caseId);
        const agent = agentList.find(a => a.agentId === agentId);
        return attempt(async () => {
            await api(`/api/cases/${caseId}/assignment`, {method: 'POST', body: {agentId}});
            succeed(`${summary ? summary.caseNumber : 'Case'} assigned to ${agent ? agent.name : 'agent'}`);
            chosen.delete(caseId);
            waiting = waiting.filter(c => c.caseId !== caseId);
            const current = loads.get(agentId);
            if (current) loads.set(agentId, {...current, load: current.load + 1});
            draw();
            flash(document.getElementById(`agent-${agentId}`));
        });
    }

    function caseCard(summary) {
        const assignSelect = select([['', 'Choose an agent'], ...agentList.map(a => [a.agentId, `${a.name} (${label('availability', a.availability)})`])], chosen.get(summary.caseId) || '', {
            id: `assign-${summary.caseId}`,
        });
        assignSelect.addEventListener('change', () => chosen.set(summary.caseId, assignSelect.value));
        const card = h('li', {class: 'case-card', draggable: canAssign ? 'true' : null, dataset: {caseId: summary.caseId}},
            h('div', {}, h('a', {href: `/cases/${summary.caseId}`}, summary.caseNumber), ' ', badge('priority', summary.priority), ' ',
                h('span', {class: 'muted'}, label('queue', summary.queue))),
            h('div', {}, summary.subject || ''),
            summary.nextDue ? h('div', {class: 'muted'}, `SLA ${timeLeft(summary.nextDue)}`) : null,
            canAssign ? row(field(`Assign ${summary.caseNumber} to`, assignSelect),
                button('Assign', () => {
                    if (assignSelect.value) assign(summary.caseId, assignSelect.value);
                    else assignSelect.focus();
                }, {id: `assign-button-${summary.caseId}`})) : null);
        card.addEventListener('dragstart', event => {
            event.dataTransfer.setData('text/plain', summary.caseId);
            event.dataTransfer.effectAllowed = 'move';
            card.classList.add('dragging');
        });
        card.addEventListener('dragend', () => card.classList.remove('dragging'));
        return card;
    }

    function agentCard(agent) {
        const load = loads.get(agent.agentId) || {load: 0, capacity: agent.capacity, resolvedToday: 0};
        const availability = select(Object.keys(LABELS.availability).map(v => [v, label('availability', v)]), agent.availability, {id: `availability-${agent.agentId}`});
        availability.addEventListener('change', () => attempt(async () => {
            await api(`/api/agents/${agent.agentId}/availability`, {method: 'PUT', body: {availability: availability.value}});
            toast(`${agent.name} is now ${label('availability', availability.value)}`, 'success');
            window.setTimeout(reload, 500);
        }));
        const card = h('li', {class: 'agent-card', id: `agent-${agent.agentId}`, dataset: {agentId: agent.agentId}, 'aria-label': `${agent.name}, ${label('availability', agent.availability)}, ${load.load} of ${agent.capacity} cases`},
            h('h3', {}, agent.name),
            h('div', {}, badge('availability', agent.availability)),
            h('div', {}, h('meter', {min: 0, max: Math.max(agent.capacity, 1), value: load.load, high: Math.max(agent.capacity - 1, 1), 'aria-label': `${agent.name} load`}),
                h('span', {}, `${load.load} of ${agent.capacity} open cases · ${load.resolvedToday ?? 0} resolved today`)),
            h('ul', {class: 'skills', 'aria-label': 'Skills'}, (agent.skills || []).map(skill => h('li', {class: 'tag'}, `${skill.queue} ${skill.level}/5`))),
            h('p', {}, h('a', {href: `/cases${queryString({assignee: agent.agentId, status: 'new,inprogress'})}`}, `${agent.name}’s open cases`)),
            hasRole('agent', 'lead', 'admin') ? field('Availability', availability) : null,
            canEditSkills ? skillsEditor(agent) : null);
        if (canAssign) {
            card.addEventListener('dragover', event => {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                card.classList.add('drop-target');
            });
            card.addEventListener('dragleave', () => card.classList.remove('drop-target'));
            card.addEventListener('drop', event => {
                event.preventDefault();
                card.classList.remove('drop-target');
                const caseId = event.dataTransfer.getData('text/plain');
                if (caseId) assign(caseId, agent.agentId);
            });
        }
        return card;
    }

    function skillsEditor(agent) {
        const levels = new Map((agent.skills || []).map(s => [s.queue, s.level]));
        const capacity = h('input', {type: 'number', min: 1, max: 100, value: agent.capacity, id: `capacity-${agent.agentId}`});
        const selects = openQueues().map(queue =>
            [queue, select([['0', 'None'], ...[1, 2, 3, 4, 5].map(n => [String(n), `Level ${n}`])], String(levels.get(queue) || 0), {id: `skill-${agent.agentId}-${queue}`})]);
        const form = h('form', {}, field('Capacity', capacity), selects.map(([queue, control]) => field(`${label('queue', queue)} skill`, control)),
            submitButton('Save skills', {primary: false}));
        form.addEventListener('submit', event => {
            event.preventDefault();
            const skills = selects.filter(([, control]) => control.value !== '0').map(([queue, control]) => ({queue, level: Number(control.value)}));
            attempt(async () => {
                await api(`/api/agents/${agent.agentId}/skills`, {method: 'PUT', body: {skills, capacity: Number(capacity.value)}});
                toast(`${agent.name}’s skills saved`, 'success');
                window.setTimeout(reload, 500);
            });
        });
        return h('details', {}, h('summary', {}, 'Edit skills and capacity'), form);
    }

    function draw() {
        const queueSelect = select([['', 'All queues'], ...Object.keys(LABELS.queue).map(q => [q, label('queue', q)])], queueFilter, {id: 'board-queue'});
        queueSelect.addEventListener('change', () => {
            queueFilter = queueSelect.value;
            load();
        });
        const focusedId = main.contains(document.activeElement) ? document.activeElement.id : null;
        const find = h('input', {type: 'search', id: 'board-search', value: findDraft ?? textFilter, autocomplete: 'off'});
        find.addEventListener('input', () => findDraft = find.value);
        const findForm = h('form', {class: 'row', role: 'search', 'aria-label': 'Find waiting cases'}, field('Find', find),
            submitButton('Find', {primary: false}));
        findForm.addEventListener('submit', event => {
            event.preventDefault();
            textFilter = find.value.trim();
            findDraft = null;
            load();
        });
        fillCard(casesSection, `Unassigned open cases (${waiting.length})`,
            field('Queue', queueSelect), findForm,
            unlessEmpty(waiting, cases => h('ul', {class: 'case-cards'}, cases.map(caseCard)), 'Nothing waiting.'));
        fillCard(agentsSection, `Agents (${agentList.length})`,
            unlessEmpty(agentList, agents => h('ul', {class: 'agent-cards'}, agents.map(agentCard)), 'No agents registered yet.'));
        if (focusedId && !main.contains(document.activeElement)) {
            const again = document.getElementById(focusedId);
            if (again) again.focus();
        }
    }

    let timer = null;
    function reload() {
        window.clearTimeout(timer);
        timer = window.setTimeout(load, 400);
    }
    const unsubscribe = onCaseChange(reload);
    await load();
    return () => {
        unsubscribe();
        window.clearTimeout(timer);
    };
}
