/** The one browser bundle: GOV.UK Frontend's behaviours, then our own enhancements. */
import { initAll } from 'govuk-frontend';
import { initCardPreview } from './card-preview.ts';

initAll();
initCardPreview(document);
