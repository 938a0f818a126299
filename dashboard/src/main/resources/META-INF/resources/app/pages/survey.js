// The customer's survey (the link in their done-mail; no login, and never the credentials of anyone logged in on
// this browser): the case's number and subject, a 1-5 rating and an optional comment, then a thank-you. A link that
// is not ours, expired, was used, or whose case was reopened says so plainly, and nothing about the case.

import {api} from '../api.js';
import {announce, h} from '../dom.js';
import {ratingForm} from './survey/form.js';

const GONE = {
    'survey-used': ['This survey was already answered', 'Thank you: your rating is recorded. Each survey link can be used once.'],
    'survey-expired': ['This survey link has expired', 'Survey links work for two weeks after a request is resolved. Thank you all the same.'],
};

/** The page of a problem: what happened, in a heading, and what it means. */
function notice(main, heading, ...paragraphs) {
    main.replaceChildren(h('section', {class: 'survey-page'},
        h('div', {class: 'survey-card'}, h('h1', {tabindex: '-1'}, heading), paragraphs.map(text => h('p', {}, text)))));
}

function refused(main, error) {
    if (error.status === 410) {
        const [heading, text] = GONE[error.type.replace(/.*\//, '')] || GONE['survey-used'];
        notice(main, heading, text);
    } else if (error.status === 404) {
        notice(main, 'This survey link is not valid',
            'Open the whole link from the email. If it still does not work, just reply to that email instead.');
    } else if (error.status === 409) {
        notice(main, 'Nothing to rate right now', error.detail || 'This request is not resolved at the moment.');
    } else if (error.status === 429) {
        notice(main, 'Too many attempts', 'Please wait a minute and open the link again.');
    } else {
        notice(main, 'The survey could not load', 'Please try again later.');
    }
}

function thanks(main, survey, rating) {
    notice(main, 'Thank you', `Your rating of ${rating} out of 5 for request ${survey.caseNumber} is recorded.`);
    main.querySelector('h1').focus();
    announce('Thank you: your rating is recorded');
}

export async function render(main, {params}) {
    const path = `/api/surveys/${encodeURIComponent(params.token)}`;
    let survey;
    try {
        survey = await api(path, {anonymous: true});
    } catch (error) {
        refused(main, error);
        return undefined;
    }
    const send = answer => api(path, {method: 'POST', body: answer, anonymous: true});
    main.replaceChildren(h('section', {class: 'survey-page'}, ratingForm(survey, {
        send,
        done: rating => thanks(main, survey, rating),
        refused: error => {
            refused(main, error);
            main.querySelector('h1').focus();
        },
    })));
    return undefined;
}
