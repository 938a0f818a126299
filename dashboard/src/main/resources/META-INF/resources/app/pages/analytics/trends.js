// The figures per day, from /api/analytics: volume and backlog, first-response time, SLA compliance and
// first-contact resolution, each a chart with its table.

import {lineChart} from '../../components/chart-card.js';
import {formatDay} from '../../dom.js';
import {figureCard} from './card.js';
import {atMost, dayLabels, percent, percentValue, timeUnit} from './model.js';

function volume(report, range) {
    const days = report.days;
    return figureCard({
        id: 'a-volume', title: 'Volume and backlog', section: 'daily', range, wide: true,
        description: 'Cases opened and resolved per day, and the backlog (cases open) at the end of each day; the table below has the figures',
        caption: 'Cases opened, resolved and open at the end of each day (UTC)',
        columns: ['Day', 'Opened', 'Resolved', 'Open at the end of the day'],
        rows: days.map(day => [formatDay(day.day), day.figures.opened, day.figures.resolution.count, day.backlog ?? '—']),
        draw: canvas => lineChart(canvas, dayLabels(days), [
            {label: 'Opened', data: days.map(day => day.figures.opened), colour: '--primary'},
            {label: 'Resolved', data: days.map(day => day.figures.resolution.count), colour: '--ok', dashed: true},
            {label: 'Backlog', data: days.map(day => day.backlog), colour: '--warn'},
        ]),
    });
}

function firstResponse(report, range) {
    const days = report.days;
    const unit = timeUnit(days.flatMap(day => [day.figures.firstResponse.medianSecondsAtMost, day.figures.firstResponse.p90SecondsAtMost]));
    return figureCard({
        id: 'a-first-response', title: 'First-response time', section: 'daily', range,
        description: `Median and 90th percentile of the time to the first response, per day, in ${unit.name}; the table below has the figures`,
        caption: 'First responses per day with their median and 90th percentile (at most)',
        columns: ['Day', 'First responses', 'Median', '90th percentile'],
        rows: days.map(day => [formatDay(day.day), day.figures.firstResponse.count,
            atMost(day.figures.firstResponse.medianSecondsAtMost), atMost(day.figures.firstResponse.p90SecondsAtMost)]),
        draw: canvas => lineChart(canvas, dayLabels(days), [
            {label: `Median (${unit.name}, at most)`, data: days.map(day => unit.of(day.figures.firstResponse.medianSecondsAtMost)), colour: '--primary'},
            {label: `90th percentile (${unit.name}, at most)`, data: days.map(day => unit.of(day.figures.firstResponse.p90SecondsAtMost)), colour: '--warn', dashed: true},
        ], {yTitle: unit.name}),
    });
}

function slaCompliance(report, range) {
    const days = report.days;
    return figureCard({
        id: 'a-sla', title: 'SLA compliance', section: 'daily', range,
        description: 'Share of the cases resolved each day within their resolution SLA; the table below has the figures',
        caption: 'Cases resolved per day within and past their resolution SLA',
        columns: ['Day', 'Met', 'Missed', 'Compliance'],
        rows: days.map(day => [formatDay(day.day), day.figures.slaMet, day.figures.slaMissed, percent(day.figures.slaCompliance)]),
        draw: canvas => lineChart(canvas, dayLabels(days), [
            {label: 'SLA met', data: days.map(day => percentValue(day.figures.slaCompliance)), colour: '--ok'},
        ], {percent: true}),
    });
}

function firstContact(report, range) {
    const days = report.days;
    const rateOf = day => (day.figures.firstContact ? day.figures.firstContact.rate : null);
    return figureCard({
        id: 'a-first-contact', title: 'First-contact resolution', section: 'daily', range,
        description: 'Share of the cases resolved each day with at most one public agent reply and never reopened; the table below has the figures',
        caption: 'Cases resolved per day (merged duplicates left out) and those resolved at first contact',
        columns: ['Day', 'Resolved', 'At first contact', 'Share'],
        rows: days.map(day => [formatDay(day.day), day.figures.firstContact?.resolved ?? 0,
            day.figures.firstContact?.firstContact ?? 0, percent(rateOf(day))]),
        draw: canvas => lineChart(canvas, dayLabels(days), [
            {label: 'Resolved at first contact', data: days.map(day => percentValue(rateOf(day))), colour: '--primary'},
        ], {percent: true}),
    });
}

/** The cards of the figures per day, in the order they are shown. */
export function trendCards(report, range) {
    return [volume(report, range), firstResponse(report, range), slaCompliance(report, range), firstContact(report, range)];
}
