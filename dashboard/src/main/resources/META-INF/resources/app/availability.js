// The header's availability control for a person who works as an agent: online, away or offline, as routing
// sees it (read from /api/auth/me, set with PUT /api/agents/me/availability). Hidden for everyone else.

import {api, currentUser} from './api.js';
import {announce, LABELS, toast} from './dom.js';

function control() {
    return document.getElementById('my-availability');
}

/** Shows the control with the agent's availability now, or hides it when the login works as no agent. */
export async function refreshAvailability() {
    const wrapper = document.getElementById('availability-control');
    const user = currentUser();
    if (!user || !user.agentId) {
        wrapper.hidden = true;
        return;
    }
    try {
        const me = await api('/api/auth/me');
        if (me.agent && me.agent.availability) {
            control().value = me.agent.availability;
            control().dataset.current = me.agent.availability;
            wrapper.hidden = false;
        } else {
            wrapper.hidden = true;
        }
    } catch {
        wrapper.hidden = true;
    }
}

export function installAvailability() {
    control().addEventListener('change', async () => {
        const chosen = control().value;
        try {
            const agent = await api('/api/agents/me/availability', {method: 'PUT', body: {availability: chosen}});
            control().dataset.current = agent.availability;
            announce(`You are ${LABELS.availability[agent.availability] || agent.availability}`);
        } catch (error) {
            control().value = control().dataset.current || 'offline';
            toast(`Availability not changed: ${error.message}`, 'error');
        }
    });
}
