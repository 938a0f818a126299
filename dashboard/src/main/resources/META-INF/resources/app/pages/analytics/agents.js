// Each agent's figures, from /api/analytics/breakdowns: throughput (cases resolved per day), load (open cases
// assigned now against capacity), CSAT and first-contact resolution.

import {barChart} from '../../components/chart-card.js';
import {formatDay} from '../../dom.js';
import {figureCard} from './card.js';
import {agentLabel, dayLabels, PALETTE, percent, rating} from './model.js';

function throughput(breakdowns, range) {
    const agents = breakdowns.agents || [];
    const days = breakdowns.days || [];
    return figureCard({
        id: 'a-throughput', title: 'Agent throughput', section: 'agent-days', range, wide: true,
        description: 'Cases each agent resolved per day, stacked by agent; the table below has the figures',
        caption: 'Cases resolved per day by each agent',
        columns: ['Day', ...agents.map(agentLabel)],
        rows: days.map((day, index) => [formatDay(day), ...agents.map(agent => agent.resolvedPerDay[index])]),
        draw: canvas => barChart(canvas, dayLabels(days), agents.map((agent, index) => ({
            label: agentLabel(agent), data: agent.resolvedPerDay, colour: PALETTE[index % PALETTE.length],
        })), {stacked: true}),
    });
}

function load(breakdowns, range) {
    const agents = breakdowns.agents || [];
    return figureCard({
        id: 'a-load', title: 'Agent load', section: 'agents', range,
        description: 'Open cases assigned to each agent now, beside their capacity, and cases they resolved in the range; the table below has the figures',
        caption: 'Each agent’s open cases now, capacity, and cases resolved in the range',
        columns: ['Agent', 'Open now', 'Capacity', 'Resolved in the range'],
        rows: agents.map(agent => [agentLabel(agent), agent.open, agent.capacity ?? '—', agent.resolved]),
        draw: canvas => barChart(canvas, agents.map(agentLabel), [
            {label: 'Open now', data: agents.map(agent => agent.open), colour: '--warn'},
            {label: 'Capacity', data: agents.map(agent => agent.capacity), colour: '--muted'},
            {label: 'Resolved in the range', data: agents.map(agent => agent.resolved), colour: '--ok'},
        ]),
    });
}

function satisfaction(breakdowns, range) {
    const agents = breakdowns.agents || [];
    return figureCard({
        id: 'a-csat-agent', title: 'CSAT and first-contact resolution by agent', section: 'agents', range,
        description: 'Mean customer rating (1 to 5) of each agent’s cases rated in the range; the table below also has first-contact resolution',
        caption: 'Ratings of each agent’s cases and their share resolved at first contact',
        columns: ['Agent', 'Ratings', 'Mean rating', 'Resolved', 'At first contact'],
        rows: agents.map(agent => [agentLabel(agent), agent.csatCount, rating(agent.csatMean),
            agent.firstContact?.resolved ?? 0, percent(agent.firstContact?.rate)]),
        draw: canvas => barChart(canvas, agents.map(agentLabel),
            [{label: 'Mean rating', data: agents.map(agent => agent.csatMean), colour: '--ok'}]),
    });
}

/** The agents' cards. */
export function agentCards(breakdowns, range) {
    return [throughput(breakdowns, range), load(breakdowns, range), satisfaction(breakdowns, range)];
}
