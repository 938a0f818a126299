// What changed between two dashboard views: the figures' keys (to highlight them) and a sentence to announce.

import {label, LABELS} from '../../dom.js';

function flatten(view) {
    const values = {};
    Object.entries(view.byStatus || {}).forEach(([k, v]) => { values[`status:${k}`] = v; });
    Object.entries(view.openByPriority || {}).forEach(([k, v]) => { values[`priority:${k}`] = v; });
    Object.entries(view.byQueueAndStatus || {}).forEach(([queue, counts]) =>
        Object.entries(counts).forEach(([s, v]) => { values[`queue:${queue}:${s}`] = v; }));
    values['sla:at-risk'] = (view.sla || {}).atRisk;
    values['sla:breached'] = (view.sla || {}).breached;
    values.critical = (view.criticalOpen || {}).count;
    (view.agents || []).forEach(agent => { values[`agent:${agent.agentId}`] = `${agent.availability}/${agent.load}/${agent.resolvedToday}`; });
    return values;
}

/** The data-keys of the figures that differ. */
export function differences(before, after) {
    const a = flatten(before);
    const b = flatten(after);
    return Object.keys(b).filter(key => a[key] !== b[key]);
}

/** "In progress 4, Done 12", or "figures changed" when no status count moved. */
export function describe(before, after) {
    const a = flatten(before);
    const b = flatten(after);
    const parts = Object.keys(LABELS.status)
        .filter(s => a[`status:${s}`] !== b[`status:${s}`])
        .map(s => `${label('status', s)} ${b[`status:${s}`]}`);
    return parts.length ? parts.join(', ') : 'figures changed';
}
