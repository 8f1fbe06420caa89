/**
 * The live card preview on "Submit an idea": as answers change it shows which ones will need a
 * manager, using the very `escalatingFields` the server's assessment is built on, against the current
 * policy's thresholds that the page hands over. It only adds to the page: the form, the check page and
 * the server's answer are the same without it.
 */
import { escalatingFields } from '#shared/domain/assess.ts';
import {
  type CardAnswers,
  type CardField,
  CHOICE_FIELDS,
  type ChoiceAnswers,
  THRESHOLD_FIELDS,
  type Thresholds,
} from '#shared/domain/card.ts';
import { parseAmount } from '../form/numbers.ts';

export interface PreviewConfig {
  thresholds: Thresholds;
  questions: { field: CardField; label: string }[];
  messages: {
    inside: string;
    outside: string;
    notAnswered: string;
    allInside: string;
    someOutsideOne: string;
    /** Contains "{count}". */
    someOutsideMany: string;
  };
}

/** The card answers given so far; anything not yet a usable answer counts as unanswered. */
export const readAnswers = (get: (name: string) => string | null): Partial<CardAnswers> => {
  const answers: Record<string, unknown> = {};
  for (const field of CHOICE_FIELDS) {
    const value = get(`card.${field}`);
    if (value) answers[field] = value as ChoiceAnswers[typeof field];
  }
  for (const field of THRESHOLD_FIELDS) {
    const value = parseAmount(get(`card.${field}`));
    if (value !== undefined && Number.isFinite(value)) answers[field] = value;
  }
  return answers as Partial<CardAnswers>;
};

export type PreviewState = 'inside' | 'outside' | 'notAnswered';

export const previewStates = (
  config: Pick<PreviewConfig, 'thresholds' | 'questions'>,
  answers: Partial<CardAnswers>,
): { field: CardField; label: string; state: PreviewState }[] => {
  const outside = new Set(escalatingFields(answers, { thresholds: config.thresholds }));
  return config.questions.map(({ field, label }) => ({
    field,
    label,
    state: outside.has(field) ? 'outside' : answers[field] === undefined ? 'notAnswered' : 'inside',
  }));
};

export const summaryText = (config: PreviewConfig, states: { state: PreviewState }[]): string => {
  const outside = states.filter((s) => s.state === 'outside').length;
  if (outside === 1) return config.messages.someOutsideOne;
  if (outside > 1) return config.messages.someOutsideMany.replace('{count}', String(outside));
  return states.some((s) => s.state === 'inside') ? config.messages.allInside : '';
};

const TAG_CLASSES: Record<PreviewState, string> = {
  inside: 'govuk-tag govuk-tag--green',
  outside: 'govuk-tag govuk-tag--orange',
  notAnswered: 'govuk-tag govuk-tag--grey',
};

export const initCardPreview = (doc: Document): void => {
  const preview = doc.querySelector<HTMLElement>('[data-ff-preview]');
  const form = doc.querySelector<HTMLFormElement>('[data-ff-idea-form]');
  const list = preview?.querySelector<HTMLElement>('[data-ff-preview-list]');
  const summary = preview?.querySelector<HTMLElement>('[data-ff-preview-summary]');
  if (!preview || !form || !list || !summary) return;
  const config = JSON.parse(preview.dataset.config ?? '{}') as PreviewConfig;

  const update = () => {
    const data = new FormData(form);
    const get = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : null;
    };
    const states = previewStates(config, readAnswers(get));
    const items = states.map(({ label, state }) => {
      const item = doc.createElement('li');
      item.className = 'ff-preview__item';
      const name = doc.createElement('span');
      name.className = 'ff-preview__label';
      name.textContent = label;
      const tag = doc.createElement('strong');
      tag.className = TAG_CLASSES[state];
      tag.textContent = config.messages[state];
      item.append(name, ' ', tag);
      return item;
    });
    list.replaceChildren(...items);
    const text = summaryText(config, states);
    // Only a changed sentence is announced, not every keystroke.
    if (summary.textContent !== text) summary.textContent = text;
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  preview.hidden = false;
  update();
};
