// A chart in a card, always with its figures as a table beside it (folded away): the chart is a picture, the
// table is what screen readers and keyboards use. The chart itself is Chart.js (UMD, window.Chart), coloured
// from the theme's custom properties.

import {h} from '../dom.js';

/**
 * {title, id, description (the canvas's label), figures: {summary, table}, extraClass, actions (nodes under the
 * figures, such as a download button)} → {element, canvas}.
 */
export function chartCard({title, id, description, figures, extraClass = '', actions = null}) {
    const canvas = h('canvas', {role: 'img', 'aria-label': description});
    const element = h('section', {class: extraClass ? `card ${extraClass}` : 'card', 'aria-labelledby': id},
        h('h2', {id}, title),
        h('div', {class: 'chart-box'}, canvas),
        h('details', {}, h('summary', {}, figures.summary), figures.table),
        actions ? h('div', {class: 'actions'}, actions) : null);
    return {element, canvas};
}

function themeColour(style, property) {
    return style.getPropertyValue(property).trim();
}

/**
 * A line chart on the canvas (null if Chart.js has not loaded): labels along x, series {label, data, colour (a
 * custom property such as --primary), dashed}. Options: percent (y from 0 to 100 %), yTitle. Destroy it before
 * drawing the canvas again.
 */
export function lineChart(canvas, labels, series, options = {}) {
    return chart('line', canvas, labels, series, options);
}

/** As {@link lineChart}, with bars (side by side, or stacked with {stacked: true}). */
export function barChart(canvas, labels, series, options = {}) {
    return chart('bar', canvas, labels, series, options);
}

function chart(type, canvas, labels, series, {percent = false, stacked = false, yTitle = null} = {}) {
    if (!window.Chart) {
        return null;
    }
    const style = getComputedStyle(document.documentElement);
    const text = themeColour(style, '--text');
    const grid = themeColour(style, '--border-soft');
    const y = {beginAtZero: true, stacked, ticks: {color: text, precision: percent ? undefined : 0}, grid: {color: grid}};
    if (percent) {
        y.max = 100;
        y.ticks.callback = value => `${value} %`;
    }
    if (yTitle) {
        y.title = {display: true, text: yTitle, color: text};
    }
    return new window.Chart(canvas, {
        type,
        data: {
            labels,
            datasets: series.map(line => {
                const colour = themeColour(style, line.colour);
                const dataset = {label: line.label, data: line.data, borderColor: colour, backgroundColor: colour, tension: 0.2};
                if (line.dashed) {
                    dataset.borderDash = [6, 4];
                }
                return dataset;
            }),
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            color: text,
            scales: {x: {stacked, ticks: {color: text}, grid: {color: grid}}, y},
            plugins: {legend: {labels: {color: text}}},
        },
    });
}
