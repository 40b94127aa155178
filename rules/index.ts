/**
 * The registry: every rule that ships in the extension, one line each, sorted by id.
 * tests/meta.test.ts keeps it in step with the files, tests and docs.
 */
import type { RuleModule } from './engine/define-rule';
import noAdAbsoluteTerm from './no-ad-absolute-term';
import noAdPromotion from './no-ad-promotion';
import noEmotionalLanguage from './no-emotional-language';
import noIdNumber from './no-id-number';
import noOffMission from './no-off-mission';
import noPersonalOpinion from './no-personal-opinion';
import noShopLink from './no-shop-link';
import noTypo from './no-typo';

export const RULES: readonly RuleModule[] = [
  noAdAbsoluteTerm,
  noAdPromotion,
  noEmotionalLanguage,
  noIdNumber,
  noOffMission,
  noPersonalOpinion,
  noShopLink,
  noTypo,
] as readonly RuleModule[];
