// What routing says about a case: why it is in its queue, and the cases like it. Each card is left out while
// routing has nothing on the case (no classification yet; similar cases answer 404 then), says so in a line when the person may not read it (403),
// and is drawn again only when routing's answer changed (a live update must not take the focus from a link in it).
// Someone whose roles do not include a card's resource gets the line without asking (a refused request would only
// fill the browser's console), as the case page does with notifications.

import {api, hasRole} from '../../api.js';
import {cardFrame, fillCard} from '../../components/card.js';
import {note} from '../../components/note.js';
import {problemBox} from '../../dom.js';
import {drawSimilar} from './similar.js';
import {drawWhyQueue, latestClassified} from './why-queue.js';

/** One card kept in step with one routing resource (readable by {@code roles}): {card, refresh()}. */
function routingCard({id, title, path, roles, pick, draw, forbidden, extraClass = ''}) {
    const card = cardFrame(id, {hidden: true, extraClass});
    let shown = null;
    async function read() {
        if (!hasRole(...roles)) return {error: 'forbidden'};
        try {
            return pick(await api(path));
        } catch (error) {
            return {error: error.status === 404 ? 'none' : error.status === 403 ? 'forbidden' : error};
        }
    }
    /** Reads and (if it changed) draws; true when routing had something to show. */
    async function refresh() {
        const answer = await read();
        const key = JSON.stringify(answer);
        if (key === shown) return !card.hidden;
        shown = key;
        card.hidden = answer === null || answer.error === 'none';
        if (card.hidden) return false;
        if (answer.error === 'forbidden') {
            fillCard(card, title, note(forbidden));
        } else if (answer.error) {
            fillCard(card, title, problemBox(answer.error));
        } else {
            draw(card, answer);
        }
        return true;
    }
    return {card, refresh};
}

/** {whyCard, similarCard, refresh()} for the case. */
export function createRouting(caseId) {
    const why = routingCard({id: 'why-queue-title', title: 'Why this queue', path: `/api/routing/decisions/${caseId}`,
        roles: ['agent', 'lead', 'manager', 'admin', 'ops'], pick: answer => latestClassified(answer.decisions), draw: drawWhyQueue, extraClass: 'case-meta',
        forbidden: 'Your roles do not include reading why routing chose the queue.'});
    const similar = routingCard({id: 'similar-title', title: 'Similar cases', path: `/api/routing/similar/${caseId}`,
        roles: ['agent', 'lead', 'manager', 'admin'], pick: answer => answer, draw: drawSimilar, forbidden: 'Your roles do not include reading similar cases.'});
    return {
        whyCard: why.card,
        similarCard: similar.card,
        // routing notes its decision after it keeps the case's embedding: before the decision, similar cases
        // would only answer 404 (which the browser logs as an error)
        refresh: async () => {
            if (await why.refresh()) await similar.refresh();
        },
    };
}
