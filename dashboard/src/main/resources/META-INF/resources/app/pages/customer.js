// A customer: their profile (name, organisation, notes, addresses, channel ids, tier) and all their cases (those of
// the records merged into them too), paged with "Load more". Staff change the name, organisation and notes; leads
// and admins change the tier (with a reason) and merge another record of the same person into this one. A merged
// record's page shows the record it was merged into, and says so. The parts are in customer/; this module holds
// the record and keeps them in step. The read side follows a change within a second or so: after one, the page
// reads the record again until it shows the change.

import {api, hasRole} from '../api.js';
import {cardFrame} from '../components/card.js';
import {attempt, succeed} from '../components/form.js';
import {badge, clear, fill, h, label, problemBox} from '../dom.js';
import {createCustomerCases} from './customer/cases.js';
import {customerPath} from './customer/lookup.js';
import {drawMerge} from './customer/merge.js';
import {drawProfile, drawProfileForm} from './customer/profile.js';
import {drawTierForm} from './customer/tier.js';

const SETTLE_TRIES = 20;
const SETTLE_WAIT = 250;

function decoded(id) {
    try {
        return decodeURIComponent(id);
    } catch {
        return id;
    }
}

export async function render(main, {params}) {
    const requestedId = decoded(params.customerId);
    const canEdit = hasRole('agent', 'lead', 'admin');
    const canLead = hasRole('lead', 'admin');
    let current = null;

    const head = h('div', {class: 'page-head'});
    const notice = h('div', {});
    const message = h('div', {});
    const profileCard = cardFrame('profile-title', {extraClass: 'case-meta'});
    const editCard = cardFrame('edit-profile-title', {hidden: true});
    const tierCard = cardFrame('tier-title', {hidden: true});
    const mergeCard = cardFrame('merge-title', {hidden: true});
    const cases = createCustomerCases();

    const read = () => api(`/api/customers/${encodeURIComponent(requestedId)}`);

    function show(detail) {
        const focusedId = main.contains(document.activeElement) ? document.activeElement.id : null;
        const customer = detail.customer;
        current = customer;
        const name = customer ? customer.name : requestedId;
        fill(head, h('h1', {id: 'customer-title'}, name || 'Customer'),
            customer ? badge('tier', customer.tier) : null);
        document.title = `${name || 'Customer'} · Casestream`;
        fill(notice, !customer
            ? h('p', {class: 'notice', id: 'no-record'}, 'No customer record has this id: these are the cases that carry it '
                + '(cases opened before customers were records).')
            : customer.customerId !== detail.requestedId
                ? h('p', {class: 'notice', id: 'merged-notice'}, `The record ${detail.requestedId} was merged into this one: `
                    + `you are seeing ${customer.name}’s record, which has its cases too. `,
                h('a', {href: customerPath(customer.customerId)}, 'Go to this record’s own page'))
                : null);
        profileCard.hidden = !customer;
        editCard.hidden = !customer || !canEdit;
        tierCard.hidden = !customer || !canLead;
        mergeCard.hidden = !customer || !canLead;
        if (customer) {
            drawProfile(profileCard, customer);
            if (canEdit) drawProfileForm(editCard, customer, saveProfile);
            if (canLead) {
                drawTierForm(tierCard, customer, changeTier);
                drawMerge(mergeCard, customer, merge);
            }
        }
        cases.show(customer ? customer.customerId : requestedId, detail.cases);
        if (focusedId && !main.contains(document.activeElement)) {
            document.getElementById(focusedId)?.focus();
        }
    }

    /** Reads the record until {@code done(customer)} says the read side has the change (a few seconds at most). */
    async function settle(done) {
        for (let tries = 1; ; tries++) {
            const detail = await read();
            if ((detail.customer && done(detail.customer)) || tries >= SETTLE_TRIES) {
                show(detail);
                return;
            }
            await new Promise(resolve => window.setTimeout(resolve, SETTLE_WAIT));
        }
    }

    /** Sends a change of the record (PUT or POST to {@code path}), then shows the record once it has it; true if sent. */
    function change(path, method, body, done, said) {
        const id = encodeURIComponent(current.customerId);
        return attempt(async () => {
            await api(`/api/customers/${id}/${path}`, {method, body});
            succeed(said);
            await settle(done);
        });
    }

    function saveProfile(profile) {
        return change('profile', 'PUT', profile, customer => customer.name === profile.name
            && (customer.organisation || '') === profile.organisation && (customer.notes || '') === profile.notes, 'Profile saved');
    }

    function changeTier({tier, reason}) {
        return change('tier', 'PUT', {tier, reason}, customer => customer.tier === tier, `Tier changed to ${label('tier', tier)}`);
    }

    function merge(other) {
        return change('merge', 'POST', {mergedId: other.customerId},
            customer => (customer.merged || []).includes(other.customerId), `${other.name} merged into this record`)
            .then(merged => {
                // the merge card starts again: the keyboard goes to the cases, where the other record's now are
                const title = merged && document.getElementById('customer-cases-title');
                if (title) {
                    title.tabIndex = -1;
                    title.focus();
                }
            });
    }

    main.append(h('p', {}, h('a', {href: '/customers'}, '← Find customers')), head, notice, message,
        h('div', {class: 'case-layout'},
            h('div', {}, cases.element),
            h('div', {}, profileCard, editCard, tierCard, mergeCard)));
    try {
        show(await read());
    } catch (error) {
        clear(message);
        message.append(problemBox(error));
        fill(head, h('h1', {}, 'Customer'));
    }
}
