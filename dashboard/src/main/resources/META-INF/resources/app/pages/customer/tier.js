// Changing a customer's tier (leads and admins): their next cases are routed and given SLA targets by it; the
// reason is kept with the change.

import {fillCard} from '../../components/card.js';
import {row, submitButton} from '../../components/form.js';
import {field, h, label, LABELS, select} from '../../dom.js';

/** The tier card: the tier now, the new one and why; {@code change({tier, reason})} sends it. */
export function drawTierForm(card, customer, change) {
    const tier = select(Object.keys(LABELS.tier).map(value => [value, label('tier', value)]), customer.tier, {id: 'tier-select'});
    const reason = h('input', {id: 'tier-reason', maxlength: 500, autocomplete: 'off'});
    const form = h('form', {'aria-labelledby': card.getAttribute('aria-labelledby')},
        h('p', {}, 'Now ', h('strong', {id: 'tier-now'}, label('tier', customer.tier)),
            '. Their next cases are routed and given SLA targets by the new tier; open cases keep theirs.'),
        row(field('New tier', tier), field('Reason', reason, 'Kept with the change')),
        submitButton('Change tier', {id: 'tier-apply'}));
    form.addEventListener('submit', event => {
        event.preventDefault();
        change({tier: tier.value, reason: reason.value.trim() || undefined});
    });
    fillCard(card, 'Tier', form);
}
