/**
 * npm run fit-prior -- SUITE… (default: ../shared/eval ../shared/eval/city)
 *
 * Prints the prior calibration fitted on the simulated residents of the suites' FAQs, in the form
 * of PRIOR_CALIBRATION in src/matcher/matcher.ts, and ONE_QUESTION_PRIOR beside it. Only each
 * suite's faq.yaml is read.
 */
import path from 'node:path';
import { readFaqFile } from '../src/faq/file';
import type { LogisticModel } from '../src/matcher/calibration';
import { fitOneQuestionPrior, fitPrior, PRIOR_SUITES, roundedModel } from '../src/quality/fit-prior';
import { SUITE_FAQ } from '../src/quality/suite';

const DEFAULT_SUITES = PRIOR_SUITES.map((suite) => path.join('..', 'shared', suite));

function literal(model: LogisticModel): string {
  const m = roundedModel(model);
  return `{ bias: ${m.bias}, weights: [${m.weights.join(', ')}] }`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('-h') || args.includes('--help')) {
    console.log(`usage: npm run fit-prior -- [SUITE_DIR…]   (default: ${DEFAULT_SUITES.join(' ')})`);
    return 0;
  }
  const suites = args.length > 0 ? args : DEFAULT_SUITES;
  try {
    const faqs = await Promise.all(suites.map((dir) => readFaqFile(path.join(dir, SUITE_FAQ))));
    const prior = fitPrior(faqs);
    console.log(`// PRIOR_CALIBRATION, fitted on ${prior.samples} simulated questions of ${suites.join(', ')}`);
    console.log(`top1: ${literal(prior.top1)},\ntop3: ${literal(prior.top3)},`);
    console.log(`// ONE_QUESTION_PRIOR, the same FAQs cut to one question per entry in each language`);
    console.log(literal(fitOneQuestionPrior(faqs)));
    return 0;
  } catch (error) {
    console.error(`fit-prior: ${(error as Error).message}`);
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
