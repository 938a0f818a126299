// A modal dialog of the page (a <dialog> element): opened with showModal, so the browser traps the focus in it,
// makes the page behind inert and closes it on Escape; a <form method="dialog"> inside closes it too.

/** The dialog with this id, opened by each of the given buttons: {open(), isOpen(), element}. */
export function modalDialog(id, {openers = []} = {}) {
    const element = document.getElementById(id);
    const open = () => element.showModal();
    openers.forEach(button => button.addEventListener('click', open));
    return {element, open, isOpen: () => element.open};
}
