// The conversation: comments threaded by what they reply to, internal notes marked apart from replies, each with
// its files, and the compose form under them (never moved, so the focus of someone typing stays).

import {attachmentList} from '../../components/attachments.js';
import {button} from '../../components/form.js';
import {note} from '../../components/note.js';
import {fill, h, label, timeTag} from '../../dom.js';

function authorKind(comment) {
    return comment.authorType === 'customer' ? 'Customer' : comment.authorType === 'system' ? 'System' : 'Agent';
}

function article(comment, onReply) {
    return h('article', {class: `comment ${comment.internal ? 'internal' : ''} ${comment.authorType}`, id: `comment-${comment.commentId}`,
        'aria-label': `${comment.internal ? 'Internal note' : comment.authorType === 'customer' ? 'Customer message' : 'Reply'} by ${comment.authorName || comment.authorType}`},
    h('header', {},
        h('strong', {}, comment.authorName || label('author', comment.authorType)),
        h('span', {class: 'muted'}, authorKind(comment)),
        comment.internal ? h('span', {class: 'badge badge-internal'}, 'Internal note') : h('span', {class: 'muted'}, 'Public'),
        timeTag(comment.at)),
    h('div', {class: 'body'}, comment.body || ''),
    attachmentList(comment.attachments, 'Attached files'),
    onReply ? button(`Reply to ${comment.authorName || 'this'}`, () => onReply(comment), {class: 'icon-button'}) : null);
}

/** Comments as nested lists: each comment's replies under it (a reply to an unknown comment is top level). */
function threaded(comments, onReply) {
    const children = new Map();
    const ids = new Set(comments.map(comment => comment.commentId));
    for (const comment of comments) {
        const parent = comment.parentId && ids.has(comment.parentId) ? comment.parentId : null;
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(comment);
    }
    const list = parent => {
        const items = children.get(parent) || [];
        if (!items.length) return null;
        return h('ol', {class: 'thread'}, items.map(comment => h('li', {}, article(comment, onReply), list(comment.commentId))));
    };
    return list(null);
}

/**
 * The conversation card around the compose form: {element, draw(c, {canWrite, onOlder})}. A long thread shows its
 * latest comments; a button above them loads the older ones (onOlder).
 */
export function createThread(compose) {
    const title = h('h2', {id: 'thread-title'}, 'Conversation');
    const older = h('div', {});
    const thread = h('div', {});
    const element = h('section', {class: 'card', 'aria-labelledby': 'thread-title'}, title, older, thread, compose.element);
    const onReply = comment => {
        compose.replyTo(comment);
        compose.focus();
    };
    function draw(c, {canWrite, onOlder}) {
        const hidden = c.commentCount - c.comments.length;
        fill(older, c.olderComments && onOlder
            ? button(`Load older comments (${hidden} more)`, onOlder, {id: 'older-comments'}) : null);
        fill(thread, c.comments.length ? threaded(c.comments, canWrite ? onReply : null) : note('No comments yet.'));
        title.textContent = `Conversation (${c.commentCount})`;
        compose.element.hidden = !canWrite;
    }
    return {element, draw};
}
