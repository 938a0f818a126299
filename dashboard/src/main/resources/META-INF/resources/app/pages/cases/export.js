// The CSV export of the filtered list, downloaded as cases.csv.

import {api} from '../../api.js';
import {saveBlob} from '../../components/attachments.js';
import {attempt} from '../../components/form.js';
import {toast} from '../../dom.js';
import {exportUrl} from './filters.js';

export function exportCsv(filters) {
    return attempt(async () => {
        const response = await api(exportUrl(filters), {raw: true, headers: {Accept: 'text/csv'}});
        saveBlob(await response.blob(), 'cases.csv');
        toast('CSV export downloaded', 'success');
    });
}
