// The queue catalogue (GET /api/queues): queues are data, so their names come from here. Loaded before each page
// is drawn (kept for a while; admins rarely change queues) into LABELS.queue, so label('queue', key) shows the
// name people know a queue by, and archived queues (kept for their cases' history) are left out of choices.

import {api} from './api.js';
import {LABELS} from './dom.js';

let archived = new Set();
let loadedAt = 0;

/** Loads the catalogue unless it is fresh; keeps what it had when the catalogue cannot be read. */
export async function loadQueues({fresh = false} = {}) {
    if (!fresh && Date.now() - loadedAt < 30000) {
        return;
    }
    try {
        const queues = await api('/api/queues');
        for (const key of Object.keys(LABELS.queue)) {
            delete LABELS.queue[key];
        }
        queues.forEach(queue => { LABELS.queue[queue.key] = queue.name; });
        archived = new Set(queues.filter(queue => queue.archived).map(queue => queue.key));
        loadedAt = Date.now();
    } catch {
        // the shipped names stay; a page still draws
    }
}

/** The keys of the queues a case can go to (not archived), Unclassified left out unless asked for. */
export function openQueues({unclassified = false} = {}) {
    return Object.keys(LABELS.queue)
        .filter(key => !archived.has(key) && (unclassified || key !== 'Unclassified'));
}

export function isArchived(key) {
    return archived.has(key);
}
