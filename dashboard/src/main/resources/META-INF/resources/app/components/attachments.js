// Files on a case: each with its name, size and type, and a link that downloads it. An uploaded file comes only
// with the person's token, which a plain link cannot send: the link fetches it through the API and saves what came
// (its href still names the file, for copying or for a test). Saving a blob is the CSV export's way too.

import {api} from '../api.js';
import {h} from '../dom.js';
import {attempt, succeed} from './form.js';

const UNITS = ['KB', 'MB', 'GB'];

/** 532 → "532 bytes", 2048 → "2 KB", 1572864 → "1.5 MB" (binary units, one decimal under 10). */
export function fileSize(bytes) {
    let value = Number(bytes) || 0;
    if (value < 1024) {
        return value === 1 ? '1 byte' : `${value} bytes`;
    }
    let unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit += 1;
    }
    const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
    return `${shown} ${UNITS[unit]}`;
}

/** Saves a blob as a download named {@code name} (a link clicked for the person, then taken away). */
export function saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = h('a', {href: url, download: name, class: 'visually-hidden'}, 'download');
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Whether the file was uploaded to Casestream (so it is downloaded through the API) rather than linked. */
function uploaded(uri) {
    return typeof uri === 'string' && uri.startsWith('/api/attachments/');
}

function download(attachment) {
    return event => {
        event.preventDefault();
        attempt(async () => {
            const response = await api(attachment.uri, {raw: true, headers: {Accept: '*/*'}});
            saveBlob(await response.blob(), attachment.name);
            succeed(`${attachment.name} downloaded`);
        });
    };
}

/** The file's name as a link: a download of an uploaded file, a link to one elsewhere (http/https), else text. */
function fileLink(attachment) {
    const name = attachment.name || 'file';
    if (uploaded(attachment.uri)) {
        return h('a', {href: attachment.uri, download: name, class: 'attachment-link', onclick: download(attachment)},
            h('span', {class: 'visually-hidden'}, 'Download '), name);
    }
    if (/^https?:\/\//i.test(attachment.uri || '')) {
        return h('a', {href: attachment.uri, rel: 'noopener noreferrer', target: '_blank', class: 'attachment-link'},
            name, h('span', {class: 'visually-hidden'}, ' (opens elsewhere)'));
    }
    return h('span', {}, name);
}

/** <ul class="attachments"> of the files (null when there are none), named for screen readers by {@code label}. */
export function attachmentList(attachments, label = 'Attachments') {
    if (!attachments || !attachments.length) {
        return null;
    }
    return h('ul', {class: 'attachments', 'aria-label': label}, attachments.map(attachment => h('li', {},
        fileLink(attachment), ' ',
        h('span', {class: 'muted'}, `(${fileSize(attachment.size)}${attachment.contentType ? `, ${attachment.contentType}` : ''})`))));
}
