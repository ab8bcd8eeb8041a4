/**
 * PRIOR_CALIBRATION and ONE_QUESTION_PRIOR must be what `npm run fit-prior` derives from the shared FAQs: a change to the
 * features or the simulation that is not followed by a re-derived prior fails here.
 */
import path from 'node:path';
import { readFaqFile } from '../../src/faq/file';
import { ONE_QUESTION_PRIOR, PRIOR_CALIBRATION } from '../../src/matcher/matcher';
import { fitOneQuestionPrior, fitPrior, PRIOR_SUITES, roundedModel } from '../../src/quality/fit-prior';
import { isSuite, SUITE_FAQ } from '../../src/quality/suite';

const SHARED = path.resolve(__dirname, '../../../shared');
const SUITES = PRIOR_SUITES.map((suite) => path.join(SHARED, suite));
const present = SUITES.every(isSuite);
const run = present ? test : test.skip;

describe('prior calibration', () => {
  run(present ? 'is the fit of the shared FAQs’ simulated residents' : `skipped: ${SUITES.join(', ')} not found`, async () => {
    const prior = fitPrior(await Promise.all(SUITES.map((dir) => readFaqFile(path.join(dir, SUITE_FAQ)))));
    expect(prior.samples).toBeGreaterThan(0);
    expect(roundedModel(prior.top1)).toEqual(roundedModel(PRIOR_CALIBRATION.top1));
    expect(roundedModel(prior.top3)).toEqual(roundedModel(PRIOR_CALIBRATION.top3));
  });

  run(present ? 'for a FAQ of one question per entry is the fit of the shared FAQs cut so' : `skipped: ${SUITES.join(', ')} not found`, async () => {
    const model = fitOneQuestionPrior(await Promise.all(SUITES.map((dir) => readFaqFile(path.join(dir, SUITE_FAQ)))));
    expect(roundedModel(model)).toEqual(roundedModel(ONE_QUESTION_PRIOR));
  });
});
