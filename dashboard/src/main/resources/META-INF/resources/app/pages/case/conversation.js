// Which comments the case page shows: the detail's latest ones, and older ones loaded on demand in front of them.
// The query side numbers a case's comments 1..commentCount; the detail's first one is at olderComments (or 1 when
// it holds the whole thread, as a command-side view always does). Older comments loaded before a live reload are
// kept while they still join up with the new detail; when more comments came than the detail holds, they are
// dropped (the button loads them again).

import {api} from '../../api.js';

const PAGE = 50;

/** {take(c), loadOlder(c)}: each returns the case with the comments to show and the cursor of older ones. */
export function createConversation(caseId) {
    let from = 1;
    let items = [];

    function shown(c) {
        return {...c, comments: items, olderComments: from > 1 ? from : null};
    }

    /** The case from a fresh read, with the older comments loaded so far in front of its latest ones. */
    function take(c) {
        const first = c.olderComments ?? 1;
        if (items.length && from < first && from + items.length >= first) {
            items = items.slice(0, first - from).concat(c.comments);
        } else {
            items = c.comments;
        }
        from = first - (items.length - c.comments.length);
        return shown(c);
    }

    /** The page before the comments shown, put in front of them. */
    async function loadOlder(c) {
        if (from <= 1) return shown(c);
        const page = await api(`/api/cases/${caseId}/comments?before=${from}&limit=${PAGE}`);
        items = page.items.concat(items);
        from -= page.items.length;
        return shown(c);
    }

    return {take, loadOlder};
}
