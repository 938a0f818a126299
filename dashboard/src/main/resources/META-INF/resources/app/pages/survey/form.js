// The survey's form: the request it is about (number and subject only), the rating as five radio buttons in a
// fieldset (keyboard: arrows move between them), an optional comment, and one button. Field problems are said next
// to the form and the first wrong field gets the focus.

import {field, h} from '../../dom.js';

const WORDS = ['Very unhappy', 'Unhappy', 'Neither happy nor unhappy', 'Happy', 'Very happy'];
const MAX_COMMENT = 2000;

function ratingChoices() {
    return h('fieldset', {class: 'survey-rating'},
        h('legend', {}, 'How happy are you with our help?'),
        WORDS.map((words, index) => {
            const value = index + 1;
            const id = `survey-rating-${value}`;
            return h('div', {class: 'survey-choice'},
                h('input', {type: 'radio', name: 'rating', id, value, required: true}),
                h('label', {for: id}, h('strong', {}, String(value)), ` ${words}`));
        }));
}

/** {send(answer) → Promise, done(rating), refused(error)}: a problem with the link itself is refused's. */
export function ratingForm(survey, {send, done, refused}) {
    const choices = ratingChoices();
    const comment = h('textarea', {name: 'comment', maxlength: MAX_COMMENT, rows: 4});
    const message = h('div', {class: 'form-message', role: 'alert', 'aria-live': 'assertive'});
    const submit = h('button', {type: 'submit', class: 'primary'}, 'Send my rating');
    const form = h('form', {class: 'survey-card', 'aria-labelledby': 'survey-title', novalidate: true},
        h('h1', {id: 'survey-title'}, 'How did we do?'),
        h('p', {class: 'survey-case'}, 'Your request ', h('strong', {}, survey.caseNumber), ': ', survey.subject),
        choices,
        field('Anything you want to tell us? (optional)', comment, `Up to ${MAX_COMMENT} characters.`),
        message,
        submit);
    // a choice answers "choose a rating": the message goes with it
    choices.addEventListener('change', () => {
        message.textContent = '';
    });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        message.textContent = '';
        const chosen = form.querySelector('input[name="rating"]:checked');
        if (!chosen) {
            message.textContent = 'Choose a rating from 1 to 5.';
            choices.querySelector('input').focus();
            return;
        }
        const rating = Number(chosen.value);
        submit.disabled = true;
        submit.textContent = 'Sending…';
        try {
            await send({rating, comment: comment.value.trim() || null});
            done(rating);
        } catch (error) {
            if (error.status === 400) {
                const fields = error.errors.map(problem => `${problem.field === 'comment' ? 'Comment' : 'Rating'}: ${problem.message}`);
                message.textContent = fields.join('. ') || 'Check your answer and send it again.';
                (error.errors.some(problem => problem.field === 'rating') ? chosen : comment).focus();
            } else if (error.status && error.status !== 500 && error.status !== 503) {
                refused(error);
                return;
            } else {
                message.textContent = 'Your rating could not be sent just now; please try again.';
            }
            submit.disabled = false;
            submit.textContent = 'Send my rating';
        }
    });
    return form;
}
