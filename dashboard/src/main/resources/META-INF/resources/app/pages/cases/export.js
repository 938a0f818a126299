// The CSV export of the filtered list, downloaded as cases.csv.

import {api} from '../../api.js';
import {attempt} from '../../components/form.js';
import {h, toast} from '../../dom.js';
import {exportUrl} from './filters.js';

export function exportCsv(filters) {
    return attempt(async () => {
        const response = await api(exportUrl(filters), {raw: true, headers: {Accept: 'text/csv'}});
        const blob = await response.blob();
        const url = URL.createObjectURL(blob);
        const link = h('a', {href: url, download: 'cases.csv', class: 'visually-hidden'}, 'download');
        document.body.append(link);
        link.click();
        link.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 10000);
        toast('CSV export downloaded', 'success');
    });
}
