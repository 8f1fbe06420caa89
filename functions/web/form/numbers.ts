/**
 * Reads a number as people type it into a GOV.UK text input: "£1,250", " 7.5 ", "12". Shared by the
 * server and the browser preview so both read the same answer the same way.
 * Returns undefined when empty (unanswered) and NaN when it is not a number at all, which the schema
 * turns into the question's own "Enter …" message.
 */
export const parseAmount = (raw: string | null | undefined): number | undefined => {
  const text = (raw ?? '').replace(/[\s,]/g, '').replace(/^£/, '');
  if (text === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
};
