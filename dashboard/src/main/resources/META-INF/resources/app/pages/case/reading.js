// Reading a case: an agent who sees a case as it is now has read it, so it leaves the unread ones in their cases.

import {api, currentUser} from '../../api.js';

export function markRead(caseId) {
    const user = currentUser();
    if (!user || !user.agentId) return;
    api(`/api/me/cases/${caseId}/read`, {method: 'PUT'}).catch(() => {
        // only the unread marker depends on it; the case is shown either way
    });
}
