// Cases like this one, by meaning (routing's sentence embeddings): the same customer's cases of the same day that
// say the same thing first, marked as possible duplicates (candidates for a merge), then open and recent ones.

import {fillCard} from '../../components/card.js';
import {note} from '../../components/note.js';
import {badge, h, label} from '../../dom.js';
import {percent} from './why-queue.js';

const SHOWN = 5;

function item(similar, duplicate) {
    return h('li', {dataset: {caseId: similar.caseId}},
        duplicate ? [h('span', {class: 'badge badge-duplicate'}, 'Possible duplicate'), ' '] : null,
        h('a', {href: `/cases/${similar.caseId}`}, `${similar.caseNumber}: ${similar.subject || ''}`),
        h('div', {class: 'muted'}, `${label('queue', similar.queue)} · `, badge('status', similar.status),
            ' · ', h('span', {class: 'similarity'}, `${percent(similar.similarity)} similar`)));
}

function list(id, items, duplicate) {
    return h('ul', {class: 'plain-list similar-cases', id}, items.map(similar => item(similar, duplicate)));
}

/** Draws the card from {similar, possibleDuplicates}; a case listed as a duplicate is not listed again. */
export function drawSimilar(card, answer) {
    const duplicates = (answer.possibleDuplicates || []).slice(0, SHOWN);
    const listed = new Set(duplicates.map(similar => similar.caseId));
    const similar = (answer.similar || []).filter(other => !listed.has(other.caseId)).slice(0, SHOWN);
    fillCard(card, 'Similar cases',
        duplicates.length ? [
            h('h3', {id: 'duplicates-title'}, 'Possible duplicates (same customer, same day)'),
            list('possible-duplicates', duplicates, true),
            h('h3', {id: 'other-similar-title'}, 'Other similar cases'),
        ] : null,
        similar.length ? list('similar-cases', similar, false) : note('No similar open or recent cases.'));
}
