// The breakdowns of resolved and rated cases, from /api/analytics/breakdowns: how long resolutions took (the
// distribution, and by queue and priority) and CSAT per queue.

import {barChart} from '../../components/chart-card.js';
import {label, LABELS} from '../../dom.js';
import {figureCard} from './card.js';
import {atMost, bucketLabel, meanTime, PALETTE, rating, timeUnit} from './model.js';

function distribution(breakdowns, range) {
    const buckets = breakdowns.resolutionDistribution || [];
    const labels = buckets.map((bucket, index) => bucketLabel(bucket, buckets[index - 1]));
    return figureCard({
        id: 'a-resolution-distribution', title: 'Resolution time distribution', section: 'resolution-times', range,
        description: 'How many cases were resolved within each span of time after they opened; the table below has the figures',
        caption: 'Cases resolved in the range by how long they took',
        columns: ['Took', 'Cases'],
        rows: buckets.map((bucket, index) => [labels[index], bucket.count]),
        draw: canvas => barChart(canvas, labels, [{label: 'Cases resolved', data: buckets.map(b => b.count), colour: '--primary'}]),
    });
}

function byQueueAndPriority(breakdowns, range) {
    const rows = breakdowns.resolutionByQueueAndPriority || [];
    const queues = Object.keys(LABELS.queue).filter(queue => rows.some(row => row.queue === queue));
    const priorities = Object.keys(LABELS.priority);
    const find = (queue, priority) => rows.find(row => row.queue === queue && row.priority === priority);
    const unit = timeUnit(rows.map(row => row.resolution.medianSecondsAtMost));
    const cell = (queue, priority) => {
        const found = find(queue, priority);
        return found ? `${atMost(found.resolution.medianSecondsAtMost)} (${found.resolution.count}, mean ${meanTime(found.resolution.meanSeconds)})` : '—';
    };
    return figureCard({
        id: 'a-resolution-queue-priority', title: 'Median resolution time by queue and priority', section: 'queue-priority',
        range, wide: true,
        description: `Median time to resolution in ${unit.name} for each queue, one bar per priority; the table below has the figures`,
        caption: 'Median resolution time (at most) per queue and priority, with the number of cases and the mean',
        columns: ['Queue', ...priorities.map(priority => label('priority', priority))],
        rows: queues.map(queue => [label('queue', queue), ...priorities.map(priority => cell(queue, priority))]),
        draw: canvas => barChart(canvas, queues.map(queue => label('queue', queue)), priorities.map((priority, index) => ({
            label: label('priority', priority),
            data: queues.map(queue => unit.of(find(queue, priority)?.resolution.medianSecondsAtMost)),
            colour: PALETTE[index % PALETTE.length],
        })), {yTitle: `${unit.name} (median, at most)`}),
    });
}

function csatByQueue(breakdowns, range) {
    const rows = breakdowns.csatByQueue || [];
    return figureCard({
        id: 'a-csat-queue', title: 'CSAT by queue', section: 'csat-queues', range,
        description: 'Mean customer rating (1 to 5) of the cases rated in the range, per queue; the table below has the figures',
        caption: 'Ratings per queue: how many, their mean and how many of each',
        columns: ['Queue', 'Ratings', 'Mean', '1', '2', '3', '4', '5'],
        rows: rows.map(row => [label('queue', row.queue), row.count, rating(row.mean),
            ...[1, 2, 3, 4, 5].map(stars => (row.ratings || {})[stars] ?? 0)]),
        draw: canvas => barChart(canvas, rows.map(row => label('queue', row.queue)),
            [{label: 'Mean rating', data: rows.map(row => row.mean), colour: '--ok'}]),
    });
}

/** The breakdown cards of resolution times and CSAT per queue. */
export function breakdownCards(breakdowns, range) {
    return [distribution(breakdowns, range), byQueueAndPriority(breakdowns, range), csatByQueue(breakdowns, range)];
}
