// One figure of the analytics page: its chart, the table behind it (for screen readers and keyboards, folded
// under the chart) and the download of that table's section as CSV.

import {api} from '../../api.js';
import {saveBlob} from '../../components/attachments.js';
import {chartCard} from '../../components/chart-card.js';
import {attempt, button, succeed} from '../../components/form.js';
import {rowHeader, table} from '../../components/table.js';
import {h} from '../../dom.js';
import {apiQuery} from './model.js';

/** Downloads one section of the analytics for the range as CSV. */
export function downloadCsv(section, range) {
    return attempt(async () => {
        const response = await api(`/api/analytics/export${apiQuery(range, {section, format: 'csv'})}`,
            {raw: true, headers: {Accept: 'text/csv'}});
        const disposition = response.headers.get('Content-Disposition') || '';
        const named = disposition.match(/filename="([^"]+)"/);
        saveBlob(await response.blob(), named ? named[1] : `analytics-${section}.csv`);
        succeed(`${section} CSV downloaded`);
    });
}

/**
 * {id, title, description (what the chart shows, its label), caption (the table's), columns, rows (arrays of
 * cells: the first is the row's header), section (of the CSV export), range, wide, draw(canvas) → chart} →
 * {element, draw()}.
 */
export function figureCard({id, title, description, caption, columns, rows, section, range, wide = false, draw}) {
    const figures = table({
        caption,
        columns: columns.map((column, index) => (index === 0 ? column : {label: column, class: 'num'})),
        body: rows.map(cells => h('tr', {}, rowHeader(cells[0]), cells.slice(1).map(cell => h('td', {class: 'num'}, cell)))),
    });
    const download = button('Download CSV', () => downloadCsv(section, range), {
        'aria-label': `Download CSV: ${title}`, dataset: {section},
    });
    const card = chartCard({
        title, id, description, extraClass: wide ? 'wide' : '', actions: download,
        figures: {summary: `${title}: the figures`, table: figures},
    });
    card.element.dataset.figure = id;
    return {element: card.element, draw: () => draw(card.canvas)};
}
