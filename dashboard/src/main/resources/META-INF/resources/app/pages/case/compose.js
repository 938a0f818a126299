// Writing on a case: a public reply or an internal note, optionally in reply to a comment. The form is made once
// and kept across live redraws, so a half-written reply survives them.

import {api} from '../../api.js';
import {actions, attempt, button, submitButton, succeed} from '../../components/form.js';
import {clear, h, toast} from '../../dom.js';

/** {element, setKind('public'|'internal'), replyTo(comment|null), focus()}; onSent(view) after a comment is added. */
export function createCompose(caseId, onSent) {
    let replyTo = null;
    const body = h('textarea', {id: 'compose-body', name: 'body', required: true, maxlength: 50000});
    const publicRadio = h('input', {type: 'radio', name: 'visibility', value: 'public', id: 'visibility-public', checked: true});
    const internalRadio = h('input', {type: 'radio', name: 'visibility', value: 'internal', id: 'visibility-internal'});
    const bodyLabel = h('label', {for: 'compose-body'}, 'Public reply to the customer');
    const replyContext = h('div', {class: 'muted', id: 'reply-context'});
    const submit = submitButton('Send reply', {id: 'compose-submit'});
    const form = h('form', {class: 'compose', id: 'compose', 'aria-labelledby': 'compose-title'},
        h('h3', {id: 'compose-title'}, 'Write'),
        h('fieldset', {}, h('legend', {}, 'Kind'),
            h('label', {class: 'check', for: 'visibility-public'}, publicRadio, 'Public reply'),
            h('label', {class: 'check', for: 'visibility-internal'}, internalRadio, 'Internal note (agents only)')),
        replyContext,
        h('div', {class: 'field'}, bodyLabel, body),
        actions(submit));

    function setKind(kind) {
        const internal = kind === 'internal';
        (internal ? internalRadio : publicRadio).checked = true;
        form.classList.toggle('internal', internal);
        bodyLabel.textContent = internal ? 'Internal note (never shown to the customer)' : 'Public reply to the customer';
        submit.textContent = internal ? 'Add internal note' : 'Send reply';
    }
    publicRadio.addEventListener('change', () => setKind('public'));
    internalRadio.addEventListener('change', () => setKind('internal'));

    function setReplyTo(comment) {
        replyTo = comment ? comment.commentId : null;
        clear(replyContext);
        if (comment) {
            replyContext.append(`Replying to ${comment.authorName || comment.authorType} `,
                button('Cancel reply-to', () => { setReplyTo(null); body.focus(); }, {class: 'icon-button'}));
        }
    }

    form.addEventListener('submit', async event => {
        event.preventDefault();
        const text = body.value.trim();
        if (!text) {
            toast('Write something first', 'error');
            body.focus();
            return;
        }
        const visibility = internalRadio.checked ? 'internal' : 'public';
        submit.disabled = true;
        await attempt(async () => {
            const view = await api(`/api/cases/${caseId}/comments`, {method: 'POST', body: {body: text, visibility, parentId: replyTo || undefined}});
            body.value = '';
            setReplyTo(null);
            succeed(visibility === 'internal' ? 'Internal note added' : 'Reply sent');
            onSent(view);
        });
        submit.disabled = false;
    });

    return {element: form, setKind, replyTo: setReplyTo, focus: () => body.focus()};
}
