// Writing on a case: a public reply or an internal note, optionally in reply to a comment, with files. The form is
// made once and kept across live redraws, so a half-written reply survives them. Files are uploaded first, each on
// its own (a file refused, as too large say, is named in the error and nothing is sent), then the comment names them.

import {api} from '../../api.js';
import {actions, attempt, button, submitButton, succeed} from '../../components/form.js';
import {clear, field, h, problemText, toast} from '../../dom.js';

/** Uploads one file; its id. A failure says which file and why. */
async function upload(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
        return (await api('/api/attachments', {method: 'POST', body: form})).attachmentId;
    } catch (error) {
        // a server that refuses a large body at once may close the connection before the browser reads its answer
        const why = error.status === 413 ? `it is too large (${problemText(error)})`
            : error.status ? problemText(error) : 'the upload failed (the file may be too large)';
        throw new Error(`Could not attach ${file.name}: ${why}`);
    }
}

/** {element, setKind('public'|'internal'), replyTo(comment|null), focus()}; onSent(view) after a comment is added. */
export function createCompose(caseId, onSent) {
    let replyTo = null;
    const body = h('textarea', {id: 'compose-body', name: 'body', required: true, maxlength: 50000});
    const publicRadio = h('input', {type: 'radio', name: 'visibility', value: 'public', id: 'visibility-public', checked: true});
    const internalRadio = h('input', {type: 'radio', name: 'visibility', value: 'internal', id: 'visibility-internal'});
    const bodyLabel = h('label', {for: 'compose-body'}, 'Public reply to the customer');
    const replyContext = h('div', {class: 'muted', id: 'reply-context'});
    const files = h('input', {type: 'file', id: 'compose-files', name: 'files', multiple: true});
    const progress = h('p', {class: 'muted', role: 'status', id: 'compose-progress'});
    const submit = submitButton('Send reply', {id: 'compose-submit'});
    const form = h('form', {class: 'compose', id: 'compose', 'aria-labelledby': 'compose-title'},
        h('h3', {id: 'compose-title'}, 'Write'),
        h('fieldset', {}, h('legend', {}, 'Kind'),
            h('label', {class: 'check', for: 'visibility-public'}, publicRadio, 'Public reply'),
            h('label', {class: 'check', for: 'visibility-internal'}, internalRadio, 'Internal note (agents only)')),
        replyContext,
        h('div', {class: 'field'}, bodyLabel, body),
        field('Attach files', files, 'Optional; uploaded when you send'),
        progress,
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
            const chosen = [...files.files];
            const attachments = [];
            try {
                for (const [index, file] of chosen.entries()) {
                    progress.textContent = `Uploading ${file.name} (${index + 1} of ${chosen.length})…`;
                    attachments.push({attachmentId: await upload(file)});
                }
            } finally {
                progress.textContent = '';
            }
            const view = await api(`/api/cases/${caseId}/comments`, {method: 'POST',
                body: {body: text, visibility, parentId: replyTo || undefined, attachments: attachments.length ? attachments : undefined}});
            body.value = '';
            files.value = '';
            setReplyTo(null);
            succeed(visibility === 'internal' ? 'Internal note added' : 'Reply sent');
            onSent(view);
        });
        submit.disabled = false;
    });

    return {element: form, setKind, replyTo: setReplyTo, focus: () => body.focus()};
}
