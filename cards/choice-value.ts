/**
 * The value a choice is sent as. A multi-select Input.ChoiceSet joins its values with commas,
 * and the partnerships' own wording has commas in it ("Roles, responsibilities and ..."), so
 * each choice goes as a comma-free slug of its text and is turned back here. Pure.
 */
export function choiceValue(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The choice a sent value stands for: its slug or its exact text; undefined when it is none of them. */
export function choiceFor(choices: readonly string[], sent: string): string | undefined {
  return choices.find((c) => c === sent) ?? choices.find((c) => choiceValue(c) === choiceValue(sent));
}
