// Why the case is in its queue, from routing's latest "classified" decision: who decided (a rule, the classifier
// or nothing), how sure the classifier was against its threshold, the runners-up, and the nearest examples it
// compared the case with (a learnt example is a case an agent re-queued: its customer's words are not shown).

import {fillCard} from '../../components/card.js';
import {facts} from '../../components/facts.js';
import {unlessEmpty} from '../../components/note.js';
import {h, label, timeTag} from '../../dom.js';

/** 0.873 → "87%"; above nothing but under half a percent → "under 1%". */
export function percent(fraction) {
    const value = Number(fraction || 0);
    return value > 0 && value < 0.005 ? 'under 1%' : `${Math.round(value * 100)}%`;
}

/** A queue an example or a vote is for: Unclassified there means "belongs to no queue". */
function queueName(queue) {
    return queue === 'Unclassified' ? 'No queue' : label('queue', queue);
}

function quoted(text) {
    return `“${text}”`;
}

/** Who put the case in its queue, in words. */
function decidedBy(d) {
    if (d.kept && d.kept !== 'Unclassified') {
        return 'The intake: a queue given when the case came in is kept';
    }
    switch (d.source) {
        case 'rule': return d.ruleDecisive ? 'A decisive rule (it wins over the classifier)' : 'A rule (the classifier was not sure enough)';
        case 'classifier': return 'The classifier';
        default: return 'Nothing: no rule decided and the classifier was not sure enough';
    }
}

function ruleText(d) {
    if (d.rulePattern === null || d.rulePattern === undefined) return null;
    return `${quoted(d.rulePattern)}, ${d.ruleDecisive ? 'decisive' : 'not decisive'}`;
}

function classifierText(d) {
    if (!d.classifierExamples || d.classifierScore === null || d.classifierScore === undefined) {
        return 'No examples to compare with';
    }
    if (!d.classifierScore) {
        return `No example near enough, among ${d.classifierExamples}`;
    }
    return `${queueName(d.classifierQueue)}, ${percent(d.classifierScore)} confident (needs ${percent(d.classifierThreshold)}), `
        + `from ${d.classifierExamples} examples`;
}

function neighbour(n) {
    const what = n.source === 'learnt' || n.text === null || n.text === undefined
        ? h('a', {href: `/cases/${n.exampleId}`}, 'a case re-queued by an agent')
        : quoted(n.text);
    const source = n.source === 'shipped' ? 'shipped example' : n.source === 'admin' ? 'added by an admin' : 'learnt';
    return h('li', {},
        h('span', {class: 'similarity'}, `${percent(n.similarity)} similar`), ' ',
        h('strong', {}, queueName(n.queue)), ': ', what, ' ', h('span', {class: 'muted'}, `(${source})`));
}

/** The latest decision of kind "classified" in routing's log, or null. */
export function latestClassified(decisions) {
    const classified = (decisions || []).filter(decision => decision.kind === 'classified');
    return classified.length ? classified[classified.length - 1] : null;
}

/** Draws the card from the decision {at, detail}. */
export function drawWhyQueue(card, decision) {
    const d = decision.detail || {};
    const runnersUp = (d.runnersUp || []).filter(score => score.score > 0);
    const shownQueue = d.kept && d.kept !== 'Unclassified' ? d.kept : d.queue;
    fillCard(card, 'Why this queue',
        facts([
            ['Queue', label('queue', shownQueue), {'data-field': 'routed-queue'}],
            ['Decided by', decidedBy(d), {'data-field': 'decided-by'}],
            d.kept && d.kept !== 'Unclassified' && d.queue !== d.kept ? ['Routing’s own choice', label('queue', d.queue)] : null,
            ruleText(d) ? ['Matching rule', ruleText(d)] : null,
            ['Classifier', classifierText(d), {'data-field': 'classifier'}],
            runnersUp.length ? ['Runners-up', runnersUp.map(score => `${queueName(score.queue)} ${percent(score.score)}`).join(', ')] : null,
            ['Decided', timeTag(decision.at)],
        ]),
        h('h3', {id: 'neighbours-title'}, 'Nearest examples'),
        unlessEmpty(d.neighbours || [], list => h('ol', {class: 'plain-list neighbours', 'aria-labelledby': 'neighbours-title'},
            list.map(neighbour)), 'No examples were near enough to compare.'));
}
