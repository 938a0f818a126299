// Agents by id, shared by the pages that show assignees (refetched after a while, since agents change rarely).

import {api} from './api.js';

let cache = null;
let loadedAt = 0;

export async function agents({fresh = false} = {}) {
    if (fresh || !cache || Date.now() - loadedAt > 30000) {
        try {
            cache = await api('/api/agents');
            loadedAt = Date.now();
        } catch {
            cache = cache || [];
        }
    }
    return cache;
}

export function agentName(list, agentId) {
    if (!agentId) {
        return 'Unassigned';
    }
    const agent = (list || []).find(candidate => candidate.agentId === agentId);
    return agent ? agent.name : `Agent ${String(agentId).slice(0, 8)}`;
}
