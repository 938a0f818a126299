// What the analytics page shows, as words and numbers: the range in the URL, durations (medians and p90s are the
// upper bound of the histogram bucket that holds them, so "at most"), shares as percentages, agents by name.

import {queryString} from '../../api.js';
import {duration, formatDay} from '../../dom.js';

/** The range asked for in the URL ({from, to, queue}, each '' when not given). */
export function rangeFrom(query) {
    const value = name => (query.get(name) || '').trim();
    return {from: value('from'), to: value('to'), queue: value('queue')};
}

/** The page's own URL for a range (what back, forward and a shared link come back to). */
export function pageUrl(range) {
    return `/analytics${queryString(range)}`;
}

/** The API's query string for a range, with more parameters. */
export function apiQuery(range, more = {}) {
    return queryString({...range, ...more});
}

/** A bucket bound in seconds as words: whole days as days ("2 d", not "2 d 0 h"). */
function span(seconds) {
    return seconds >= 172800 && seconds % 86400 === 0 ? `${seconds / 86400} d` : duration(seconds * 1000);
}

/** "≤ 2 h" for a bucket bound in seconds; "—" when there is none. */
export function atMost(seconds) {
    return seconds === null || seconds === undefined ? '—' : `≤ ${span(seconds)}`;
}

/** A mean duration in seconds as words, "—" when there is none. */
export function meanTime(seconds) {
    return seconds === null || seconds === undefined ? '—' : duration(seconds * 1000);
}

/**
 * The unit a chart of these durations (seconds) reads best in: minutes while all are under two hours, else hours;
 * {name, of(seconds)} with one decimal (null stays a gap).
 */
export function timeUnit(seconds) {
    const longest = Math.max(0, ...seconds.filter(value => value !== null && value !== undefined));
    const per = longest >= 7200 ? 3600 : 60;
    return {
        name: per === 3600 ? 'hours' : 'minutes',
        of: value => (value === null || value === undefined ? null : Math.round((value / per) * 10) / 10),
    };
}

/** A share from 0 to 1 as "87.5 %"; "—" when there is none. */
export function percent(rate) {
    return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10} %`;
}

/** A share from 0 to 1 as a chart's percentage (null stays a gap). */
export function percentValue(rate) {
    return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}

/** A mean rating with one decimal, "—" when nobody rated. */
export function rating(mean) {
    return mean === null || mean === undefined ? '—' : (Math.round(mean * 10) / 10).toFixed(1);
}

/** The label of a histogram bucket: "up to 5 min", and "over 7 d" for the last, open-ended one. */
export function bucketLabel(bucket, previous) {
    if (bucket.upToSeconds === null || bucket.upToSeconds === undefined) {
        return previous ? `over ${span(previous.upToSeconds)}` : 'any';
    }
    return `up to ${span(bucket.upToSeconds)}`;
}

/** An agent's name, or a short id for an agent the query side has no record of. */
export function agentLabel(agent) {
    return agent.name || `Agent ${String(agent.agentId).slice(0, 8)}`;
}

/** The days as chart labels. */
export function dayLabels(days) {
    return days.map(day => formatDay(day.day || day));
}

/** Colours of the theme for series that have no meaning of their own (agents, priorities), in turn. */
export const PALETTE = ['--primary', '--ok', '--warn', '--danger', '--focus', '--muted'];
