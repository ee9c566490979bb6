import type { AttributeType } from '@warmline/shared';

/**
 * The key an attribute is stored under, suggested from its label: "Favourite loaf" → favourite_loaf.
 * Keys are lowercase letters, digits and _, starting with a letter, at most 40 long.
 */
export function keyFromLabel(label: string): string {
  const plain = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[a-z]/.test(plain) ? plain : plain ? `a_${plain}` : '';
  return key.slice(0, 40).replace(/_+$/, '');
}

/** Choices typed as one line, separated by commas: trimmed, blanks and repeats dropped. */
export function parseChoices(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}

export interface AttributeDraft {
  label: string;
  type: AttributeType;
  choicesText: string;
}

/** What is missing before an attribute can be added, in words for the admin; null when it is ready. */
export function attributeDraftProblem(draft: AttributeDraft): string | null {
  if (!draft.label.trim()) return 'Give it a label, e.g. Favourite loaf.';
  if (!keyFromLabel(draft.label)) return 'Use some letters in the label.';
  if (draft.type === 'choice' && parseChoices(draft.choicesText).length === 0) return 'List the choices, separated by commas.';
  return null;
}

export const attributeTypeLabels: Record<AttributeType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
  choice: 'Choice',
};
