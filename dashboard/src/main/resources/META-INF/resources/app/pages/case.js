// Case detail: customer and fields, SLA clocks, the threaded conversation with replies and internal notes, the
// controls (status, priority, assignee, escalate, tags, a macro, reopen; subject, customer, merge into another case),
// the timeline from the event history with "view as of", and what routing says: why this queue, and similar cases.
// The parts are drawn by the modules in case/; this module holds the state and keeps them in step.

import {api, hasRole} from '../api.js';
import {cardFrame} from '../components/card.js';
import {attempt, succeed} from '../components/form.js';
import {agents as loadAgents} from '../directory.js';
import {announce, clear, fill, formatTime, h, problemBox} from '../dom.js';
import {registerShortcuts} from '../shortcuts.js';
import {onCaseChange} from '../stream.js';
import {createActions} from './case/actions.js';
import {createCompose} from './case/compose.js';
import {createConversation} from './case/conversation.js';
import {createCustomerChange} from './case/customer-change.js';
import {drawAsOfBanner, drawNotifications, drawTimeline} from './case/history.js';
import {changesBetween} from './case/live.js';
import {createMacroPicker} from './case/macros.js';
import {createMergeInto, drawMergeNotices} from './case/merge.js';
import {drawCustomer, drawDescription, drawDetails, drawHead, flashChanges} from './case/meta.js';
import {normalise} from './case/model.js';
import {markRead} from './case/reading.js';
import {createRouting} from './case/routing.js';
import {drawSla} from './case/sla.js';
import {createSubjectEditor} from './case/subject.js';
import {createThread} from './case/thread.js';

export async function render(main, {params, query}) {
    const caseId = params.caseId;
    const canWork = hasRole('agent', 'lead', 'admin');
    const canReadNotifications = hasRole('lead', 'manager', 'admin', 'ops');
    const agentList = await loadAgents();
    let current = null;
    let entries = [];
    let asOf = query.get('asOf');
    // work on the case (reply, note, actions) only on the case as it is now, and never on a merged duplicate
    const canEdit = () => canWork && !asOf && !current?.mergedInto;

    const head = h('div', {class: 'page-head'});
    const asOfBanner = h('div', {});
    const mergeNotices = h('div', {});
    const message = h('div', {});
    const descriptionCard = cardFrame('desc-title');
    const timelineCard = cardFrame('timeline-title');
    const customerCard = cardFrame('customer-title', {extraClass: 'case-meta'});
    const detailsCard = cardFrame('details-title', {extraClass: 'case-meta'});
    const slaCard = cardFrame('sla-title');
    const notificationsCard = cardFrame('notifications-title', {hidden: true});
    const compose = createCompose(caseId, view => {
        show(normalise(view));
        refreshHistory();
    });
    const thread = createThread(compose);
    const conversation = createConversation(caseId);
    const routing = createRouting(caseId);
    const picker = createMacroPicker(caseId, view => {
        actions.forgetEdits();
        show(normalise(view));
        refreshHistory();
    });
    const actions = createActions(agentList, command, picker.opener);
    const subjectEditor = createSubjectEditor(subject => command('subject', {subject}, 'Subject changed', 'PUT'));
    const customerChange = createCustomerChange(customer => command('customer', {customerId: customer.customerId},
        `The case is now ${customer.name}'s`, 'PUT'));
    const mergeInto = createMergeInto(target => command('merge', {into: target.caseId}, `Merged into ${target.caseNumber}`));

    /** Applies a command on the case; resolves true when it did. */
    async function command(path, body, done, method = 'POST') {
        return attempt(async () => {
            const view = await api(`/api/cases/${caseId}/${path}`, {method, body: body ?? {}});
            actions.forgetEdits();
            succeed(done);
            show(normalise(view));
            refreshHistory();
        });
    }

    function show(read) {
        const before = current;
        const focusedId = main.contains(document.activeElement) ? document.activeElement.id : null;
        const c = conversation.take(read);
        current = c;
        drawHead(head, c);
        subjectEditor.draw(c, {enabled: canEdit()});
        drawMergeNotices(mergeNotices, c);
        drawAsOfBanner(asOfBanner, asOf, viewAsOf);
        customerChange.draw(c, {enabled: canEdit()});
        drawCustomer(customerCard, c, customerChange.element);
        mergeInto.draw(c, {enabled: canEdit()});
        drawDetails(detailsCard, c, agentList, canEdit() ? tag => command('tags', {remove: [tag]}, `Tag ${tag} removed`) : null);
        drawDescription(descriptionCard, c);
        drawSla(slaCard, c, asOf);
        thread.draw(c, {canWrite: canEdit(), onOlder: showOlder});
        actions.draw(c, {enabled: canEdit()});
        if (before && !asOf) {
            flashChanges(before, c, detailsCard);
        }
        if (focusedId && !main.contains(document.activeElement)) {
            const again = document.getElementById(focusedId);
            if (again) again.focus();
        }
    }

    async function showOlder() {
        await attempt(async () => {
            const shownBefore = current.comments.length;
            current = await conversation.loadOlder(current);
            thread.draw(current, {canWrite: canEdit(), onOlder: showOlder});
            // the button was drawn again: keep the focus of a keyboard user on it while there are more
            document.getElementById('older-comments')?.focus();
            announce(`${current.comments.length - shownBefore} older comments loaded`);
        });
    }

    function showTimeline() {
        drawTimeline(timelineCard, {entries, asOf, agentList, viewAsOf});
    }

    async function refreshHistory() {
        try {
            entries = await api(`/api/cases/${caseId}/history`);
        } catch {
            entries = [];
        }
        showTimeline();
        if (canReadNotifications) {
            drawNotifications(notificationsCard, caseId);
        }
    }

    async function load() {
        clear(message);
        try {
            const view = asOf
                ? await api(`/api/cases/${caseId}?asOf=${encodeURIComponent(asOf)}`)
                : await api(`/api/cases/${caseId}`);
            show(normalise(view));
            document.title = `${view.caseNumber} · Casestream`;
            if (!asOf) markRead(caseId);
        } catch (error) {
            message.append(problemBox(error));
            if (!current) {
                fill(head, h('h1', {}, 'Case'));
            }
        }
    }

    async function viewAsOf(instant) {
        asOf = instant;
        window.history.replaceState(null, '', asOf ? `/cases/${caseId}?asOf=${encodeURIComponent(asOf)}` : `/cases/${caseId}`);
        await load();
        showTimeline();
        announce(asOf ? `Showing the case as of ${formatTime(asOf)}` : 'Showing the case now');
        document.getElementById('case-title').focus();
    }

    // ---- live ----
    let liveTimer = null;
    const unsubscribe = onCaseChange(change => {
        if (!change.summary || change.summary.caseId !== caseId || asOf) return;
        window.clearTimeout(liveTimer);
        liveTimer = window.setTimeout(async () => {
            const before = current;
            await load();
            await Promise.all([refreshHistory(), routing.refresh()]);
            const changed = before && current ? changesBetween(before, current, agentList) : [];
            if (changed.length) announce(`Case updated: ${changed.join(', ')}`);
        }, 200);
    });
    const tick = window.setInterval(() => current && drawSla(slaCard, current, asOf), 30000);

    const whenEditing = action => event => {
        if (!canEdit()) return;
        event.preventDefault();
        action();
    };
    const write = kind => whenEditing(() => {
        compose.setKind(kind);
        compose.focus();
    });
    const unregister = registerShortcuts({r: write('public'), n: write('internal'), m: whenEditing(() => picker.open())});

    main.append(h('p', {}, h('a', {href: '/cases'}, '← Back to cases')), head, subjectEditor.element, mergeNotices,
        asOfBanner, message,
        h('div', {class: 'case-layout'},
            h('div', {}, descriptionCard, thread.element, timelineCard),
            h('div', {}, actions.element, mergeInto.element, slaCard, customerCard, detailsCard, routing.whyCard,
                routing.similarCard, notificationsCard)), picker.dialog);
    await load();
    await Promise.all([refreshHistory(), routing.refresh()]);
    // opened to reply (from my cases' r): the reply box has the keyboard
    if (['public', 'internal'].includes(query.get('compose'))) write(query.get('compose'))(new Event('compose'));
    return () => {
        unsubscribe();
        unregister();
        window.clearTimeout(liveTimer);
        window.clearInterval(tick);
    };
}
